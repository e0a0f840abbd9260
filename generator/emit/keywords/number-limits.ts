/** minimum, maximum, exclusiveMinimum, exclusiveMaximum. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";

export const numberLimits: KeywordCheck = {
  keywords: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"],
  applies: "number",
  emit(s, node) {
    const v = s.value;
    if (node.minimum !== undefined) s.failIf(code`${v} < ${node.minimum}`, "minimum", `must be >= ${node.minimum}`);
    if (node.maximum !== undefined) s.failIf(code`${v} > ${node.maximum}`, "maximum", `must be <= ${node.maximum}`);
    if (node.exclusiveMinimum !== undefined) s.failIf(code`${v} <= ${node.exclusiveMinimum}`, "exclusiveMinimum", `must be > ${node.exclusiveMinimum}`);
    if (node.exclusiveMaximum !== undefined) s.failIf(code`${v} >= ${node.exclusiveMaximum}`, "exclusiveMaximum", `must be < ${node.exclusiveMaximum}`);
  },
};
