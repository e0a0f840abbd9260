/** const and enum: the value is one of the listed JSON values (`===` for primitives, JSON equality for objects and arrays). */
import { code, join, literal, type Code } from "../code";
import { since } from "../../ir/dialect-keywords";
import type { JsonValue } from "../../ir/model";
import type { KeywordCheck } from "../guards/check";
import type { Scope } from "../guards/scope";
import type { KeywordDefinition } from "./keyword";

/** The expression "value equals this JSON value". */
export function equals(s: Scope, value: Code, expected: JsonValue): Code {
  if (typeof expected === "object" && expected !== null) return code`${s.check("jsonEqual")}(${value}, ${literal(expected)})`;
  return code`${value} === ${literal(expected)}`;
}

/** The test of `const` (or `enum`), the keyword and the message of its error. */
export function constEnumTest(s: Scope, node: { const?: { value: JsonValue }; enum?: JsonValue[] }, keyword: "const" | "enum"): { test: Code; message: string } {
  if (keyword === "const") return { test: equals(s, s.value, node.const!.value), message: "must be equal to constant" };
  const values = node.enum!;
  return { test: values.length === 0 ? code`false` : join(values.map((v) => equals(s, s.value, v)), " || "), message: "must be equal to one of the allowed values" };
}

/** Beyond this many values (all primitives), an enum is checked by a `switch`, not an `||` chain (every enum of ordinary size: output unchanged). */
const CHAIN = 64;

/** Whether an enum is checked by a `switch` (switchEnum): then it is not one `||` test anywhere (emit/guards/compile-node.ts asks too). */
export function checkedBySwitch(values: readonly JsonValue[]): boolean {
  return values.length > CHAIN && values.every((v) => typeof v !== "object" || v === null);
}

/**
 * A long enum of primitives as `switch (value) { case a: case b: ... break; default: <fail> }`, the
 * same `===` tests. As one `a || b || ...` chain, TypeScript's binder recursed once per operand:
 * tsc over the package, and the mock server's transpileModule, ran out of stack on
 * googleapis.com/contentwarehouse's 1405-value enum (and image-charts.com's 960 font names); and
 * each `===` narrows the value again, so that a few thousand of them are "too large for control
 * flow analysis" (TS2563) however they are grouped. A switch's cases are a list to both.
 */
function switchEnum(s: Scope, values: readonly JsonValue[]): void {
  s.body.block(code`switch (${s.value})`, () => {
    for (let i = 0; i < values.length; i += 8) s.body.line(join(values.slice(i, i + 8).map((v) => code`case ${literal(v)}:`), " "));
    s.body.line(code`break;`);
    s.body.line(code`default: ${s.fail("enum", "must be equal to one of the allowed values")}`);
  });
}

const constEnum: KeywordCheck = {
  keywords: ["const", "enum"],
  applies: "any",
  emit(s, node) {
    for (const keyword of ["const", "enum"] as const) {
      if (node[keyword] === undefined) continue;
      if (keyword === "enum" && checkedBySwitch(node.enum!)) return switchEnum(s, node.enum!);
      const { test, message } = constEnumTest(s, node, keyword);
      s.failIf(code`!(${test})`, keyword, message);
    }
  },
};

export const constEnumKeyword: KeywordDefinition = {
  keywords: ["const", "enum"],
  dialects: { const: since("draft-06") },
  read(r) {
    if (r.has("const")) r.node.const = { value: r.schema.const as JsonValue };
    if (r.has("enum")) {
      if (!Array.isArray(r.schema.enum)) r.invalid("enum", "an array");
      r.node.enum = r.schema.enum as JsonValue[];
    }
  },
  guard: constEnum,
  diff(c) {
    const values = (n: typeof c.before): JsonValue[] | undefined => (n.const ? [n.const.value] : n.enum);
    const before = values(c.before);
    const after = values(c.after);
    if (before === undefined && after === undefined) return;
    const key = (v: JsonValue): string => JSON.stringify(v);
    if (before === undefined) return c.report("breaking", `values restricted to ${after!.map(key).join(", ")}`);
    if (after === undefined) return c.report("additive", `any value now (was ${before.map(key).join(", ")})`);
    const removed = before.filter((v) => !after.some((w) => key(w) === key(v)));
    const added = after.filter((v) => !before.some((w) => key(w) === key(v)));
    if (removed.length) c.report("breaking", `value${removed.length > 1 ? "s" : ""} ${removed.map(key).join(", ")} removed`);
    if (added.length) c.report("additive", `value${added.length > 1 ? "s" : ""} ${added.map(key).join(", ")} added`);
  },
};
