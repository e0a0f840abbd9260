/**
 * Splitting a very long list of checks of one node into helper functions. TypeScript analyses a
 * function's control flow by walking back from each narrowed reference through every condition
 * before it, recursively, and gives up at 2,000 levels with TS2563 ("The containing function or
 * module body is too large for control flow analysis"): a `tsc --strict` error in the generated
 * package. A property check is about four levels (its `!== undefined` test, the call's test, the
 * `!errors` test, the join after them), so googleapis.com/contentwarehouse's
 * IndexingDocjoinerDataVersion (533 properties in one function) failed; so do 1,500 required
 * names, or an allOf of 600 inline members.
 *
 * Past {@link SPLIT_ABOVE} entries of `properties`, `required` or `allOf`, they are checked by
 * helpers of at most {@link PER_HELPER} entries each, called in order on the same value with the
 * same path: each helper checks a node holding only its slice of that keyword, at the node's own
 * schema path (an allOf slice numbers its members from its offset, see {@link allOfOffset}), so
 * every error keeps its schema path, instance path and order. Below the threshold (every Koala
 * schema, every ordinary one) the output is unchanged.
 */
import type { IrNode } from "../../ir/model";
import type { Scope } from "./scope";

/** More entries than this in one keyword of one node: split (TS2563 starts near 500 simple properties; margin for larger inline subschemas). */
export const SPLIT_ABOVE = 250;
/** Entries per helper once split: ~500 levels for simple properties, room for inline subschemas of a few nodes each. */
export const PER_HELPER = 125;

export type SplitKeyword = "properties" | "required" | "allOf";

const slicesOf = new WeakMap<IrNode, Map<SplitKeyword, IrNode[]>>();
const offsets = new WeakMap<IrNode, number>();

/**
 * The nodes whose helpers check `node`'s `keyword`, in order, or undefined to check it inline:
 * only collect code is split (eval/is code records annotations in its own scope, and a function
 * taking the dynamic scope would need it passed along). `properties`: only the checked ones
 * (`true` subschemas emit nothing).
 */
export function keywordSlices(s: Scope, node: IrNode, keyword: SplitKeyword): IrNode[] | undefined {
  const entries = keyword === "properties" ? (node.properties ?? []).filter((p) => p.schema !== true) : (node[keyword] ?? []);
  if (entries.length <= SPLIT_ABOVE || !s.collecting || s.ev || s.dyn || s.module.dynamic.schemaTakesScope(node)) return undefined;
  let byKeyword = slicesOf.get(node);
  if (!byKeyword) slicesOf.set(node, (byKeyword = new Map()));
  let slices = byKeyword.get(keyword);
  if (!slices) {
    // The same node objects each time: helpers are created once per (node, mode).
    slices = [];
    for (let i = 0; i < entries.length; i += PER_HELPER) {
      const slice: IrNode = { schemaPath: node.schemaPath, annotations: {}, [keyword]: entries.slice(i, i + PER_HELPER) };
      if (keyword === "allOf") offsets.set(slice, i);
      slices.push(slice);
    }
    byKeyword.set(keyword, slices);
  }
  return slices;
}

/** The index of an allOf node's first member in the schema: its offset when it is a slice of a longer allOf. */
export function allOfOffset(node: IrNode): number {
  return offsets.get(node) ?? 0;
}

/** Emits a call to each slice's helper, in order; false (nothing emitted) when the keyword is checked inline. */
export function emitSlices(s: Scope, node: IrNode, keyword: SplitKeyword): boolean {
  const slices = keywordSlices(s, node, keyword);
  if (!slices) return false;
  for (const slice of slices) s.body.line(s.collect(slice, s.value, s.path, node.schemaPath));
  return true;
}
