/** contains with minContains / maxContains: count the matching items. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { since } from "../../ir/dialect-keywords";

const check: KeywordCheck = {
  keywords: ["contains"],
  applies: "array",
  emit(s, node) {
    const a = s.value;
    const min = node.minContains ?? 1;
    const max = node.maxContains;
    const count = s.local("count");
    const i = s.local("i");
    const schemaPath = `${node.schemaPath}/contains`;
    const test = s.test(node.contains!, code`${a}[${i}]`, schemaPath);
    // Without annotations or an upper bound, stop counting once enough items matched.
    const early = !s.ev && max === undefined;
    s.body.line(code`let ${count} = 0;`);
    s.body.block(code`for (let ${i} = 0; ${i} < ${a}.length${early ? code` && ${count} < ${min}` : code``}; ${i}++)`, () => {
      s.body.block(code`if (${test})`, () => {
        s.body.line(code`${count}++;`);
        if (s.ev) s.body.line(code`${s.module.runtime("evaluated", "markIndex")}(${s.ev}, ${i});`);
      });
    });
    if (min > 0) s.failIf(code`${count} < ${min}`, node.minContains !== undefined ? "minContains" : "contains", `must contain at least ${min} valid item(s)`);
    if (max !== undefined) s.failIf(code`${count} > ${max}`, "maxContains", `must contain at most ${max} valid item(s)`);
  },
};

export const containsKeyword: KeywordDefinition = {
  keywords: ["contains", "minContains", "maxContains"],
  dialects: { contains: since("draft-06"), minContains: since("2019-09"), maxContains: since("2019-09") },
  read(r) {
    if (r.has("contains")) r.node.contains = r.sub(r.schema.contains, "contains");
    r.count("minContains");
    r.count("maxContains");
  },
  guard: check,
  diff(c) {
    c.subschema("contains");
    c.bound("minContains", "min");
    c.bound("maxContains", "max");
  },
};
