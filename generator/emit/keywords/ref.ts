/** $ref: a call to the named type's function, so recursion is plain recursion. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";

export const ref: KeywordCheck = {
  keywords: ["ref"],
  applies: "any",
  emit(s, node) {
    const name = node.ref!;
    const v = s.value;
    if (s.ev && s.mode !== "collect") {
      s.body.line(code`if (!${s.callEval(s.module.named(name, "eval"), v, s.ev)}) return false;`);
      return;
    }
    if (s.collecting) {
      s.body.line(s.callCollect(s.module.named(name, "collect"), v, s.path));
      if (s.ev) s.body.line(code`${s.callEval(s.module.named(name, "eval"), v, s.ev)};`);
      return;
    }
    s.body.line(code`if (!${s.callIs(s.module.named(name, "is"), v)}) return false;`);
  },
};
