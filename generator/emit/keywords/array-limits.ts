/** minItems / maxItems. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";

const check: KeywordCheck = {
  keywords: ["minItems", "maxItems"],
  applies: "array",
  emit(s, node) {
    if (node.minItems) s.failIf(code`${s.value}.length < ${node.minItems}`, "minItems", `must NOT have fewer than ${node.minItems} items`);
    if (node.maxItems !== undefined) s.failIf(code`${s.value}.length > ${node.maxItems}`, "maxItems", `must NOT have more than ${node.maxItems} items`);
  },
};

export const arrayLimitsKeyword: KeywordDefinition = {
  keywords: ["minItems", "maxItems"],
  read(r) {
    r.count("minItems");
    r.count("maxItems");
  },
  guard: check,
  diff(c) {
    c.bound("minItems", "min");
    c.bound("maxItems", "max");
  },
  jsdoc: ["minItems", "maxItems"],
};
