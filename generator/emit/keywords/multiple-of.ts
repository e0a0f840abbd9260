/** multipleOf: `%` is exact for an integer divisor; a float divisor needs a tolerance (see isMultipleOf). */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";

const check: KeywordCheck = {
  keywords: ["multipleOf"],
  applies: "number",
  emit(s, node) {
    const d = node.multipleOf!;
    const fails = Number.isInteger(d) ? code`${s.value} % ${d} !== 0` : code`!${s.check("isMultipleOf")}(${s.value}, ${d})`;
    s.failIf(fails, "multipleOf", `must be multiple of ${d}`);
  },
};

export const multipleOfKeyword: KeywordDefinition = {
  keywords: ["multipleOf"],
  read(r) {
    r.number("multipleOf");
    if (r.node.multipleOf !== undefined && !(r.node.multipleOf > 0)) r.invalid("multipleOf", "a number greater than 0");
  },
  guard: check,
  diff: (c) => c.constraint("multipleOf"),
  jsdoc: ["multipleOf"],
};
