/** unevaluatedItems: items that no prefixItems/items/contains or passing in-place subschema evaluated. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";

export const unevaluatedItems: KeywordCheck = {
  keywords: ["unevaluatedItems"],
  applies: "array",
  phase: "last",
  emit(s, node) {
    const schema = node.unevaluatedItems!;
    const a = s.value;
    if (schema !== true) {
      const i = s.local("i");
      s.body.block(code`for (let ${i} = 0; ${i} < ${a}.length; ${i}++)`, () => {
        s.body.line(code`if (${s.module.runtime("evaluated", "isIndexEvaluated")}(${s.ev!}, ${i})) continue;`);
        if (schema === false) s.body.line(s.fail("unevaluatedItems", "must NOT have unevaluated items"));
        else s.child(schema, code`${a}[${i}]`, s.at({ index: i }), `${node.schemaPath}/unevaluatedItems`);
      });
    }
    s.body.line(code`${s.ev!}.allItems = true;`);
  },
};
