/** unevaluatedItems: items that no prefixItems/items/contains or passing in-place subschema evaluated. */
import { code, type Code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { since } from "../../ir/dialect-keywords";

const check: KeywordCheck = {
  keywords: ["unevaluatedItems"],
  applies: "array",
  phase: "last",
  emit(s, node) {
    const schema = node.unevaluatedItems!;
    const a = s.value;
    if (schema !== true) {
      const skip = (i: Code): void => s.body.line(code`if (${s.module.runtime("evaluated", "isIndexEvaluated")}(${s.ev!}, ${i})) continue;`);
      if (schema === false) {
        // The error is the array's (an absolute path): not a loop of relative item paths.
        const i = s.local("i");
        s.body.block(code`for (let ${i} = 0; ${i} < ${a}.length; ${i}++)`, () => {
          skip(i);
          s.body.line(s.fail("unevaluatedItems", "must NOT have unevaluated items"));
        });
      } else {
        s.itemsLoop(a, 0, (i, path) => {
          skip(i);
          s.childInLoop(schema, code`${a}[${i}]`, path, `${node.schemaPath}/unevaluatedItems`);
        });
      }
    }
    s.body.line(code`${s.ev!}.allItems = true;`);
  },
};

export const unevaluatedItemsKeyword: KeywordDefinition = {
  keywords: ["unevaluatedItems"],
  dialects: { unevaluatedItems: since("2019-09") },
  read(r) {
    if (r.has("unevaluatedItems")) r.node.unevaluatedItems = r.sub(r.schema.unevaluatedItems, "unevaluatedItems");
  },
  guard: check,
  diff: (c) => c.subschema("unevaluatedItems"),
};
