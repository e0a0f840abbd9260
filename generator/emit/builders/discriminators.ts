/**
 * Short builder names from the schema's own discriminators. When an object type has array
 * properties whose items are several named object types, and one property is a required string
 * constant in all of them with a different value in each (`type: "track" | "identify" | "page"`),
 * that value names the item type's short builder (`track(...)`). Nothing is assumed about which
 * property discriminates or what its values are.
 */
import { isNode, onlyRef, type IrModel, type IrSchema } from "../../ir/model";
import { isIdentifier, toCamelCase, toValueName } from "../../ir/naming";
import { isObjectNode } from "./object-shape";
import type { ObjectInfo } from "./object-shape";

export interface Discriminated {
  /** The item type. */
  type: string;
  /** The discriminating property and this type's value of it. */
  property: string;
  value: string;
  /** The wanted short name (camelCase of the value). */
  name: string;
}

/** The named item types of an array's `items`: a `$ref`, or an `anyOf`/`oneOf` of `$ref`s. */
export function itemTypeNames(items: IrSchema | undefined): string[] {
  if (items === undefined || !isNode(items)) return [];
  const ref = onlyRef(items);
  if (ref !== undefined) return [ref];
  for (const list of [items.oneOf, items.anyOf]) {
    if (list && list.every((branch) => onlyRef(branch) !== undefined)) return list.map((b) => onlyRef(b)!);
  }
  return [];
}

/** Every (item type → short name) the model's discriminated arrays suggest, before clash checks. */
export function findDiscriminated(model: IrModel, objects: ReadonlyMap<string, ObjectInfo>): Discriminated[] {
  const found: Discriminated[] = [];
  for (const named of model.types) {
    if (!isObjectNode(named.schema)) continue;
    const members: string[] = [];
    for (const property of named.schema.properties ?? []) {
      if (!isNode(property.schema)) continue;
      for (const type of itemTypeNames(property.schema.items)) if (!members.includes(type)) members.push(type);
    }
    found.push(...discriminate(members, objects));
  }
  return found;
}

/** The first property that is a required, distinct string constant in every member. */
function discriminate(members: readonly string[], objects: ReadonlyMap<string, ObjectInfo>): Discriminated[] {
  const infos = members.map((m) => objects.get(m));
  // One type alone is not distinguished from anything: its constant is no evidence of a name.
  if (infos.length < 2 || infos.some((i) => i === undefined)) return [];
  for (const candidate of infos[0]!.properties) {
    const values = infos.map((info) => {
      const p = info!.properties.find((q) => q.name === candidate.name);
      return p?.required && typeof p.constant?.value === "string" ? p.constant.value : undefined;
    });
    if (values.some((v) => v === undefined) || new Set(values).size !== values.length) continue;
    return infos.map((info, i) => ({ type: info!.name, property: candidate.name, value: values[i]!, name: toCamelCase(values[i]!) }));
  }
  return [];
}

/** A short name must be usable as is: an identifier, not a reserved word (no `delete_`). */
export function isUsableShortName(name: string): boolean {
  return name !== "" && isIdentifier(name) && toValueName(name) === name;
}
