/** not: the value must fail the subschema. Annotations from it are dropped, as the spec says. */
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";

const check: KeywordCheck = {
  keywords: ["not"],
  applies: "any",
  emit(s, node) {
    s.failIf(s.test(node.not!, s.value, `${node.schemaPath}/not`), "not", "must NOT be valid");
  },
};

export const notKeyword: KeywordDefinition = {
  keywords: ["not"],
  read(r) {
    if (r.has("not")) r.node.not = r.sub(r.schema.not, "not");
  },
  guard: check,
  diff: (c) => c.subschema("not"),
};
