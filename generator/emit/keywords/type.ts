/** type: one JSON type or a list of them. The guards test it first (compile-node.ts), since it narrows the value for every other check. */
import { JSON_TYPES, type JsonType } from "../../ir/model";
import type { KeywordDefinition } from "./keyword";

export const typeKeyword: KeywordDefinition = {
  keywords: ["type"],
  read(r) {
    if (!r.has("type")) return;
    const value = r.schema.type;
    const list = Array.isArray(value) ? value : [value];
    for (const [index, type] of list.entries()) {
      if (typeof type === "string" && (JSON_TYPES as readonly string[]).includes(type)) continue;
      if (!Array.isArray(value)) r.invalid("type", `one of ${JSON_TYPES.join(", ")} or an array of them`);
      // A list's bad member has its own pointer. YAML reads the unquoted null of a 3.1
      // `type: [integer, null]` as no value at all, not as the type's name (postman's test documents).
      r.invalid(`type/${index}`, `a list of ${JSON_TYPES.join(", ")}${type === null ? ' (the name "null" is a string: quote it in YAML)' : ""}`);
    }
    r.node.type = [...new Set(list as JsonType[])];
  },
  guard: "type test",
  // With const/enum and the object and array keywords: one TypeScript type (see TypeParts.valueType).
  typescript: (node, parts) => parts.valueType(node),
  diff(c) {
    const { before: a, after: b } = c;
    if (a.type === undefined && b.type === undefined) return;
    if (a.type === undefined) return c.report("breaking", `type narrowed to ${b.type!.join(" | ")}`);
    if (b.type === undefined) return c.report("additive", `type widened (was ${a.type.join(" | ")})`);
    const before = new Set(widen(a.type));
    const after = new Set(widen(b.type));
    const lost = [...before].filter((t) => !after.has(t));
    const gained = [...after].filter((t) => !before.has(t));
    if (lost.length) c.report("breaking", `type narrowed from ${a.type.join(" | ")} to ${b.type.join(" | ")}`);
    else if (gained.length) c.report("additive", `type widened from ${a.type.join(" | ")} to ${b.type.join(" | ")}`);
  },
};

/** `number` includes `integer`: compare the sets of JSON values each admits. */
function widen(types: readonly string[]): string[] {
  const list = [...types];
  if (list.includes("number") && !list.includes("integer")) list.push("integer");
  return list;
}
