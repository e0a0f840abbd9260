/** propertyNames: every own key, as a string instance, matches a schema. Errors point at the object. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { since } from "../../ir/dialect-keywords";

const check: KeywordCheck = {
  keywords: ["propertyNames"],
  applies: "object",
  emit(s, node) {
    const schema = node.propertyNames!;
    if (schema === true) return;
    const key = s.local("k");
    s.body.block(code`for (const ${key} in ${s.value})`, () => {
      s.body.line(code`if (!${s.check("hasOwn")}(${s.value}, ${key})) continue;`);
      if (schema === false) s.body.line(s.fail("propertyNames", "property name ", { key, suffix: " is invalid" }));
      else s.child(schema, key, s.path, `${node.schemaPath}/propertyNames`);
    });
  },
};

export const propertyNamesKeyword: KeywordDefinition = {
  keywords: ["propertyNames"],
  dialects: { propertyNames: since("draft-06") },
  read(r) {
    if (r.has("propertyNames")) r.node.propertyNames = r.sub(r.schema.propertyNames, "propertyNames");
  },
  guard: check,
  diff: (c) => c.subschema("propertyNames"),
};
