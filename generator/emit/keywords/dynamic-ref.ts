/**
 * $dynamicRef (2019-09: $recursiveRef): a call to the dynamic scope's entry for the anchor, or to
 * the static target's function when no resource entered declares it (see ../dynamic-scope.ts).
 */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { typeRef } from "../type-expression";
import type { KeywordReader } from "../../ir/keyword-reader";
import { FUNCTION_PATH, type Scope } from "../guards/scope";
import type { IrNode } from "../../ir/model";

const check: KeywordCheck = {
  keywords: ["dynamicRef"],
  applies: "any",
  emit(s, node) {
    const { ref, anchor } = node.dynamicRef!;
    // A function holding a dynamic reference always takes the scope (DynamicScopes' seeds).
    const dyn = s.dyn;
    if (!dyn) throw new Error(`internal: $dynamicRef at ${node.schemaPath} compiled without a dynamic scope`);
    const v = s.value;
    if (s.ev && s.mode !== "collect") {
      s.body.line(code`if (!${s.module.dynamic.target(dyn, anchor, ref, "eval")}(${v}, ${s.ev}, ${dyn})) ${s.module.returnFalse}`);
      return;
    }
    const collect = s.module.dynamic.target(dyn, anchor, ref, "collect");
    if (s.collecting) {
      const childPath = s.path.text === FUNCTION_PATH.text ? code`path` : code`errors && ${s.path}`;
      s.body.line(code`if (!${collect}(${v}, ${childPath}, errors, ${dyn}) && !errors) ${s.module.returnFalse}`);
      if (s.ev) s.body.line(code`${s.module.dynamic.target(dyn, anchor, ref, "eval")}(${v}, ${s.ev}, ${dyn});`);
      return;
    }
    s.body.line(code`if (!${collect}(${v}, "", undefined, ${dyn})) ${s.module.returnFalse}`);
  },
};

/** Entering a node that enters a schema resource with dynamic anchors: the scope for the rest of the node. */
export function enterDynamicScope(s: Scope, node: IrNode): Scope {
  if (!node.dynamicScope || !s.dyn) return s;
  return s.with({ dyn: s.module.dynamic.enter(node, s.dyn, (prefix) => s.local(prefix), (statement) => s.body.line(statement)) });
}

export const dynamicRefKeyword: KeywordDefinition = {
  keywords: ["dynamicRef", "dynamicScope"],
  dialects: { $dynamicRef: ["2020-12"], $recursiveRef: ["2019-09"] },
  readFirst: true,
  // Typed as its static target: what the dynamic scope resolves it to at run time (an extension of
  // that schema, in the usual pattern) is not known to the type system.
  typescript: (node) => (node.dynamicRef === undefined ? undefined : typeRef(node.dynamicRef.ref)),
  read(r) {
    if (r.has("$dynamicRef")) readDynamicRef(r, "$dynamicRef");
    if (r.has("$recursiveRef")) readDynamicRef(r, "$recursiveRef");
    const scope = r.dynamicScope();
    if (scope) r.node.dynamicScope = scope;
  },
  // dynamicScope: compile-node.ts enters it (enterDynamicScope above) before the node's checks.
  guard: check,
  diff(c) {
    c.constraint("dynamicRef");
    c.constraint("dynamicScope");
  },
};

/** `$dynamicRef`/`$recursiveRef`: dynamic when its target declares the anchor, else one more `$ref`. */
function readDynamicRef(r: KeywordReader, keyword: "$dynamicRef" | "$recursiveRef"): void {
  const node = r.node;
  const target = r.dynamicRefTarget(keyword, r.string(keyword));
  if (typeof target === "boolean") node.allOf = [...(node.allOf ?? []), target];
  else if (target.anchor !== undefined) node.dynamicRef = { ref: target.name, anchor: target.anchor };
  else if (node.ref === undefined) node.ref = target.name;
  else node.allOf = [...(node.allOf ?? []), { schemaPath: r.at(keyword), ref: target.name, annotations: {} }];
}
