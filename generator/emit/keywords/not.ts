/** not: the value must fail the subschema. Annotations from it are dropped, as the spec says. */
import type { KeywordCheck } from "../guards/check";

export const not: KeywordCheck = {
  keywords: ["not"],
  applies: "any",
  emit(s, node) {
    s.failIf(s.test(node.not!, s.value, `${node.schemaPath}/not`), "not", "must NOT be valid");
  },
};
