/** minLength / maxLength: counted in Unicode code points, so "💩" is one character. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";

const check: KeywordCheck = {
  keywords: ["minLength", "maxLength"],
  applies: "string",
  emit(s, node) {
    const v = s.value;
    // UTF-16 length ≥ code points ≥ length / 2: count code points only when the cheap bound is not
    // enough, which it always is for minLength 1 (a non-empty string has a code point).
    if (node.minLength !== undefined && node.minLength > 0) {
      const n = node.minLength;
      const test = n === 1 ? code`${v}.length < 1` : code`${v}.length < ${n} || (${v}.length < ${2 * n} && ${s.check("codePointLength")}(${v}) < ${n})`;
      s.failIf(test, "minLength", `must NOT have fewer than ${n} characters`);
    }
    if (node.maxLength !== undefined) {
      const n = node.maxLength;
      s.failIf(code`${v}.length > ${n} && ${s.check("codePointLength")}(${v}) > ${n}`, "maxLength", `must NOT have more than ${n} characters`);
    }
  },
};

export const stringLengthKeyword: KeywordDefinition = {
  keywords: ["minLength", "maxLength"],
  read(r) {
    r.count("minLength");
    r.count("maxLength");
  },
  guard: check,
  diff(c) {
    c.bound("minLength", "min");
    c.bound("maxLength", "max");
  },
  jsdoc: ["minLength", "maxLength"],
};
