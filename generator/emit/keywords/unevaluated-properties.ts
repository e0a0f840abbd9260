/** unevaluatedProperties: keys that no adjacent keyword or passing in-place subschema evaluated. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { since } from "../../ir/dialect-keywords";

const check: KeywordCheck = {
  keywords: ["unevaluatedProperties"],
  applies: "object",
  phase: "last",
  emit(s, node) {
    const schema = node.unevaluatedProperties!;
    const o = s.value;
    if (schema !== true) {
      const key = s.local("k");
      s.body.block(code`for (const ${key} in ${o})`, () => {
        s.body.line(code`if (!${s.check("hasOwn")}(${o}, ${key}) || ${s.module.runtime("evaluated", "isKeyEvaluated")}(${s.ev!}, ${key})) continue;`);
        if (schema === false) {
          s.body.line(s.fail("unevaluatedProperties", "must NOT have unevaluated property ", { key }));
        } else s.child(schema, code`${o}[${key}]`, s.at({ key }), `${node.schemaPath}/unevaluatedProperties`);
      });
    }
    s.body.line(code`${s.ev!}.allKeys = true;`);
  },
};

export const unevaluatedPropertiesKeyword: KeywordDefinition = {
  keywords: ["unevaluatedProperties"],
  dialects: { unevaluatedProperties: since("2019-09") },
  read(r) {
    if (r.has("unevaluatedProperties")) r.node.unevaluatedProperties = r.sub(r.schema.unevaluatedProperties, "unevaluatedProperties");
  },
  guard: check,
  diff: (c) => c.subschema("unevaluatedProperties"),
};
