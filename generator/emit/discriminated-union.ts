/**
 * The type of an OpenAPI discriminated `oneOf`/`anyOf`: each branch's type with the tag property
 * narrowed to its tag(s), `(Cat & { petType: "cat" }) | (Dog & { petType: "dog" })`, so that
 * `if (pet.petType === "cat")` narrows to Cat even when Cat's schema types `petType` as a string.
 * The guard checks exactly that: the tag picks the branch (emit/keywords/discriminator.ts).
 */
import type { IrDiscriminator } from "../ir/model";
import { code } from "./code";
import { intersectionType, keyCode, literalType, TypeExpr, typeRef, unionType } from "./type-expression";

export function discriminatedUnion(discriminator: IrDiscriminator): TypeExpr {
  // Tags that pick the same type share its member: { kind: "cat" | "kitty" }.
  const tagsOf = new Map<string, (string | number | boolean)[]>();
  for (const { tag, type } of discriminator.branches) tagsOf.set(type, [...(tagsOf.get(type) ?? []), tag]);
  const members = [...tagsOf].map(([type, tags]) => {
    const tag = unionType(tags.map(literalType));
    return intersectionType([typeRef(type), new TypeExpr(code`{ ${keyCode(discriminator.propertyName)}: ${tag.code} }`, 2)]);
  });
  return unionType(members);
}
