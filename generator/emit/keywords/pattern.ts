/** pattern: an ECMA-262 regular expression with the `u` flag, compiled once per module. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";

const check: KeywordCheck = {
  keywords: ["pattern"],
  applies: "string",
  emit(s, node) {
    s.failIf(code`!${s.module.regex(node.pattern!)}.test(${s.value})`, "pattern", `must match pattern "${node.pattern}"`);
  },
};

export const patternKeyword: KeywordDefinition = {
  keywords: ["pattern"],
  read(r) {
    if (r.has("pattern")) r.node.pattern = r.regex("pattern", r.string("pattern"));
  },
  guard: check,
  diff: (c) => c.constraint("pattern"),
  jsdoc: ["pattern"],
};
