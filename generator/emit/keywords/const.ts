/** const: `===` for primitives, JSON equality for objects and arrays. */
import { code, literal, type Code } from "../code";
import type { JsonValue } from "../../ir/model";
import type { KeywordCheck } from "../guards/check";
import type { Scope } from "../guards/scope";

/** The expression "value equals this JSON value". */
export function equals(s: Scope, value: Code, expected: JsonValue): Code {
  if (typeof expected === "object" && expected !== null) return code`${s.check("jsonEqual")}(${value}, ${literal(expected)})`;
  return code`${value} === ${literal(expected)}`;
}

export const constKeyword: KeywordCheck = {
  keywords: ["const"],
  applies: "any",
  emit(s, node) {
    s.failIf(code`!(${equals(s, s.value, node.const!.value)})`, "const", "must be equal to constant");
  },
};
