/** multipleOf: `%` is exact for an integer divisor; a float divisor needs a tolerance (see isMultipleOf). */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";

export const multipleOf: KeywordCheck = {
  keywords: ["multipleOf"],
  applies: "number",
  emit(s, node) {
    const d = node.multipleOf!;
    const fails = Number.isInteger(d) ? code`${s.value} % ${d} !== 0` : code`!${s.check("isMultipleOf")}(${s.value}, ${d})`;
    s.failIf(fails, "multipleOf", `must be multiple of ${d}`);
  },
};
