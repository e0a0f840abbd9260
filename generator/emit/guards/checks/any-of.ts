/**
 * anyOf: the fast path is `a(v) || b(v)`. Errors: only when no branch matches, every branch's
 * errors plus the anyOf error. With annotations, every branch is evaluated (no short-circuit).
 */
import { code, join } from "../../code";
import type { KeywordCheck } from "../check";
import { evaluateBranches } from "./branches";
import { emitDiscriminated } from "./discriminator";

export const anyOf: KeywordCheck = {
  keywords: ["anyOf"],
  applies: "any",
  emit(s, node) {
    if (node.discriminator?.keyword === "anyOf") return emitDiscriminated(s, node);
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
      s.body.line(code`if (!errors) return false;`);
      branches.forEach((b, i) => s.body.line(s.collect(b, s.value, s.path, at(i))));
      s.body.line(s.fail("anyOf", "must match a schema in anyOf"));
    });
  },
};
