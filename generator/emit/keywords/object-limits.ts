/** minProperties / maxProperties: own enumerable keys. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";

const check: KeywordCheck = {
  keywords: ["minProperties", "maxProperties"],
  applies: "object",
  emit(s, node) {
    const count = code`${s.check("countKeys")}(${s.value})`;
    if (node.minProperties) s.failIf(code`${count} < ${node.minProperties}`, "minProperties", `must NOT have fewer than ${node.minProperties} properties`);
    if (node.maxProperties !== undefined) s.failIf(code`${count} > ${node.maxProperties}`, "maxProperties", `must NOT have more than ${node.maxProperties} properties`);
  },
};

export const objectLimitsKeyword: KeywordDefinition = {
  keywords: ["minProperties", "maxProperties"],
  read(r) {
    r.count("minProperties");
    r.count("maxProperties");
  },
  guard: check,
  diff(c) {
    c.bound("minProperties", "min");
    c.bound("maxProperties", "max");
  },
  jsdoc: ["minProperties", "maxProperties"],
};
