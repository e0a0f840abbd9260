/**
 * anyOf: the fast path is `a(v) || b(v)`. Errors: only when no branch matches, every branch's
 * errors plus the anyOf error. With annotations, every branch is evaluated (no short-circuit).
 */
import { code, join } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { evaluateBranches } from "./branches";

const check: KeywordCheck = {
  keywords: ["anyOf"],
  applies: "any",
  emit(s, node) {
    // A discriminated anyOf is checked by the discriminator module instead (discriminator.ts).
    if (node.discriminator?.keyword === "anyOf") return;
    const branches = node.anyOf!;
    const at = (i: number): string => `${node.schemaPath}/anyOf/${i}`;
    if (s.ev) {
      const count = evaluateBranches(s, branches, at);
      if (!s.collecting) {
        s.failIf(code`${count} === 0`, "anyOf", "must match a schema in anyOf");
        return;
      }
    }
    const test = join(branches.map((b, i) => s.test(b, s.value, at(i))), " || ");
    if (!s.collecting) {
      s.failIf(code`!(${test})`, "anyOf", "must match a schema in anyOf");
      return;
    }
    s.body.block(code`if (!(${test}))`, () => {
      // The fast path (no list) stops here: calling the branches again for errors nobody collects
      // would double the work at every nested anyOf, 2^depth in all.
      s.body.line(code`if (!errors) ${s.module.returnFalse}`);
      branches.forEach((b, i) => s.body.line(s.collect(b, s.value, s.path, at(i), true)));
      s.body.line(s.fail("anyOf", "must match a schema in anyOf"));
    });
  },
};

export const anyOfKeyword: KeywordDefinition = {
  keywords: ["anyOf"],
  read(r) {
    if (r.has("anyOf")) r.node.anyOf = r.schemaArray("anyOf", true);
  },
  guard: check,
  diff: (c) => c.list("anyOf"),
  // A discriminated anyOf is its discriminator module's union.
  typescript: (node, parts) => (node.discriminator?.keyword === "anyOf" ? undefined : parts.unionOf(node.anyOf)),
};
