/** prefixItems and items: positional schemas, then one schema for the rest. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { since, until } from "../../ir/dialect-keywords";

const check: KeywordCheck = {
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
      s.itemsLoop(a, prefix.length, (i, path) => {
        s.readOnce(code`${a}[${i}]`, "x", (scope, item) => scope.childInLoop(rest, item, path, `${node.schemaPath}/items`));
      });
    }
    if (s.ev) s.body.line(code`${s.ev}.allItems = true;`);
  },
};

export const itemsKeyword: KeywordDefinition = {
  keywords: ["prefixItems", "items"],
  dialects: { prefixItems: since("2020-12"), additionalItems: until("2019-09") },
  read(r) {
    const items = r.schema.items;
    if (Array.isArray(items) && r.has("items")) {
      // Up to 2019-09, an array of `items` is prefixItems, and `additionalItems` the rest.
      if (r.dialect === "2020-12") r.invalid("items", "a schema (use prefixItems for tuples)");
      r.node.prefixItems = items.map((item, i) => r.sub(item, "items", String(i)));
      if (r.has("additionalItems")) r.node.items = r.sub(r.schema.additionalItems, "additionalItems");
    } else if (r.has("items")) {
      r.node.items = r.sub(items, "items");
    }
    if (r.has("prefixItems")) r.node.prefixItems = r.schemaArray("prefixItems");
  },
  guard: check,
  diff(c) {
    c.list("prefixItems");
    c.subschema("items");
  },
};
