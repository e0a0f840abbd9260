/** $ref: a call to the named type's function, so recursion is plain recursion. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { typeRef } from "../type-expression";

const check: KeywordCheck = {
  keywords: ["ref"],
  applies: "any",
  emit(s, node) {
    const name = node.ref!;
    const v = s.value;
    if (s.ev && s.mode !== "collect") {
      s.body.line(code`if (!${s.callEval(s.module.named(name, "eval"), v, s.ev)}) ${s.module.returnFalse}`);
      return;
    }
    if (s.collecting) {
      s.body.line(s.callCollect(s.module.named(name, "collect"), v, s.path));
      if (s.ev) s.body.line(code`${s.callEval(s.module.named(name, "eval"), v, s.ev)};`);
      return;
    }
    s.body.line(code`if (!${s.callIs(s.module.named(name, "is"), v)}) ${s.module.returnFalse}`);
  },
};

export const refKeyword: KeywordDefinition = {
  keywords: ["ref"],
  readFirst: true,
  typescript: (node) => (node.ref === undefined ? undefined : typeRef(node.ref)),
  read(r) {
    if (!r.has("$ref")) return;
    const target = r.refName(r.string("$ref"));
    if (typeof target === "boolean") r.node.allOf = [target];
    else r.node.ref = target;
    // Before 2019-09, `$ref` makes every sibling keyword irrelevant.
    if (r.dialect === "draft-07" || r.dialect === "draft-06" || r.dialect === "draft-04") return "stop";
  },
  guard: check,
  diff(c) {
    const { before: a, after: b } = c;
    if (a.ref === b.ref) return;
    if (a.ref && !b.ref) c.report("breaking", `no longer a ${a.ref}`);
    else if (!a.ref && b.ref) c.report("breaking", `now a ${b.ref}`);
    else c.report("breaking", `type changed from ${a.ref} to ${b.ref}`);
  },
};
