/** if / then / else: `if` decides (its annotations count when it passes), then one branch applies in place. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { since } from "../../ir/dialect-keywords";
import { applyInPlace } from "../guards/scope";

const check: KeywordCheck = {
  keywords: ["if"],
  applies: "any",
  emit(s, node) {
    const { then: thenSchema, else: elseSchema } = node;
    if (thenSchema === undefined && elseSchema === undefined && !s.ev) return;
    const ifPath = `${node.schemaPath}/if`;
    let condition;
    if (s.ev) {
      const record = s.local("e");
      s.body.line(code`const ${record} = ${s.module.runtime("evaluated", "evaluated")}();`);
      const passed = s.local("passed");
      s.body.line(code`const ${passed} = ${s.evaluate(node.if!, s.value, record, ifPath)};`);
      s.body.line(code`if (${passed}) ${s.module.runtime("evaluated", "mergeEvaluated")}(${s.ev}, ${record});`);
      condition = passed;
    } else condition = s.test(node.if!, s.value, ifPath);
    const branch = (schema: typeof thenSchema, keyword: string) => () => {
      if (schema !== undefined) applyInPlace(s, schema, `${node.schemaPath}/${keyword}`);
    };
    if (thenSchema !== undefined && elseSchema !== undefined) {
      s.body.block(code`if (${condition})`, branch(thenSchema, "then"));
      s.body.block(code`else`, branch(elseSchema, "else"));
    } else if (thenSchema !== undefined) s.body.block(code`if (${condition})`, branch(thenSchema, "then"));
    else if (elseSchema !== undefined) s.body.block(code`if (!${condition})`, branch(elseSchema, "else"));
  },
};

export const ifThenElseKeyword: KeywordDefinition = {
  keywords: ["if", "then", "else"],
  dialects: { if: since("draft-07"), then: since("draft-07"), else: since("draft-07") },
  read(r) {
    if (r.has("if")) r.node.if = r.sub(r.schema.if, "if");
    if (r.has("then")) r.node.then = r.sub(r.schema.then, "then");
    if (r.has("else")) r.node.else = r.sub(r.schema.else, "else");
  },
  guard: check,
  diff(c) {
    c.subschema("if");
    c.subschema("then");
    c.subschema("else");
  },
};
