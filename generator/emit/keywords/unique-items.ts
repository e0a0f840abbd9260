/** uniqueItems: JSON equality (1 equals 1.0, key order does not matter). */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";

const check: KeywordCheck = {
  keywords: ["uniqueItems"],
  applies: "array",
  emit(s, node) {
    if (node.uniqueItems) s.failIf(code`!${s.check("hasUniqueItems")}(${s.value})`, "uniqueItems", "must NOT have duplicate items");
  },
};

export const uniqueItemsKeyword: KeywordDefinition = {
  keywords: ["uniqueItems"],
  read(r) {
    if (r.has("uniqueItems")) r.node.uniqueItems = r.boolean("uniqueItems");
  },
  guard: check,
  diff: (c) => c.constraint("uniqueItems"),
  jsdoc: ["uniqueItems"],
};
