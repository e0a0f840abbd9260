/** uniqueItems: JSON equality (1 equals 1.0, key order does not matter). */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";

export const uniqueItems: KeywordCheck = {
  keywords: ["uniqueItems"],
  applies: "array",
  emit(s, node) {
    if (node.uniqueItems) s.failIf(code`!${s.check("hasUniqueItems")}(${s.value})`, "uniqueItems", "must NOT have duplicate items");
  },
};
