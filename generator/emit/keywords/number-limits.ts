/** minimum, maximum, exclusiveMinimum, exclusiveMaximum. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";

const check: KeywordCheck = {
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

export const numberLimitsKeyword: KeywordDefinition = {
  keywords: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"],
  read(r) {
    r.number("minimum");
    r.number("maximum");
    if (r.dialect !== "draft-04") {
      r.number("exclusiveMinimum");
      r.number("exclusiveMaximum");
      return;
    }
    // draft-04: `exclusiveMinimum: true` turns `minimum` exclusive.
    const node = r.node;
    for (const [flag, bound] of [
      ["exclusiveMinimum", "minimum"],
      ["exclusiveMaximum", "maximum"],
    ] as const) {
      if (!Object.prototype.hasOwnProperty.call(r.schema, flag)) continue;
      if (r.boolean(flag) && node[bound] !== undefined) {
        node[flag] = node[bound];
        delete node[bound];
      }
    }
  },
  guard: check,
  diff(c) {
    c.bound("minimum", "min");
    c.bound("maximum", "max");
    c.bound("exclusiveMinimum", "min");
    c.bound("exclusiveMaximum", "max");
  },
  jsdoc: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"],
};
