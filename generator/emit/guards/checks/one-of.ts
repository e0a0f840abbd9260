/** oneOf: count the matching branches; exactly one may match. */
import { code, type Code } from "../../code";
import type { KeywordCheck } from "../check";
import { evaluateBranches } from "./branches";

export const oneOf: KeywordCheck = {
  keywords: ["oneOf"],
  applies: "any",
  emit(s, node) {
    const branches = node.oneOf!;
    const at = (i: number): string => `${node.schemaPath}/oneOf/${i}`;
    let count: Code;
    if (s.ev) count = evaluateBranches(s, branches, at);
    else {
      count = s.local("matched");
      s.body.line(code`let ${count} = 0;`);
      branches.forEach((b, i) => s.body.line(code`if (${s.test(b, s.value, at(i))}) ${count}++;`));
    }
    if (!s.collecting) {
      s.failIf(code`${count} !== 1`, "oneOf", "must match exactly one schema in oneOf");
      return;
    }
    s.body.block(code`if (${count} === 0)`, () => {
      // The fast path (no list) stops here, as in anyOf: no second pass over the branches.
      s.body.line(code`if (!errors) return false;`);
      branches.forEach((b, i) => s.body.line(s.collect(b, s.value, s.path, at(i))));
    });
    s.failIf(code`${count} !== 1`, "oneOf", "must match exactly one schema in oneOf");
  },
};
