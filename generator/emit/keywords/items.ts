/** prefixItems and items: positional schemas, then one schema for the rest. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";

export const items: KeywordCheck = {
  keywords: ["prefixItems", "items"],
  applies: "array",
  emit(s, node) {
    const a = s.value;
    const prefix = node.prefixItems ?? [];
    prefix.forEach((schema, index) => {
      if (schema === true) return;
      s.body.block(code`if (${a}.length > ${index})`, () => {
        const item = s.local("x");
        s.body.line(code`const ${item} = ${a}[${index}];`);
        s.child(schema, item, s.at(String(index)), `${node.schemaPath}/prefixItems/${index}`);
      });
    });
    if (prefix.length > 0 && s.ev) s.body.line(code`${s.module.runtime("evaluated", "markItems")}(${s.ev}, ${prefix.length});`);

    const rest = node.items;
    if (rest === undefined) return;
    if (rest === false) {
      s.failIf(code`${a}.length > ${prefix.length}`, "items", `must NOT have more than ${prefix.length} items`);
    } else if (rest !== true) {
      const i = s.local("i");
      s.body.block(code`for (let ${i} = ${prefix.length}; ${i} < ${a}.length; ${i}++)`, () => {
        const item = s.local("x");
        s.body.line(code`const ${item} = ${a}[${i}];`);
        s.child(rest, item, s.at({ index: i }), `${node.schemaPath}/items`);
      });
    }
    if (s.ev) s.body.line(code`${s.ev}.allItems = true;`);
  },
};
