/** The shape of one keyword's guard check (part of its keyword module in emit/keywords/). */
import type { IrKeyword, IrNode } from "../../ir/model";
import type { Scope } from "./scope";

/** The JSON type a keyword constrains: other instances pass it untouched. */
export type Applies = "any" | "string" | "number" | "array" | "object";

export interface KeywordCheck {
  /** The IR keywords whose presence calls this check (typed: a misspelt one does not compile). */
  keywords: readonly IrKeyword[];
  applies: Applies;
  /** `last`: runs after every other keyword of the node (unevaluated*, which need their annotations). */
  phase?: "last";
  /** Emits the check into the scope, whose `value` is already narrowed to `applies`; no-op if absent. */
  emit(scope: Scope, node: IrNode): void;
}

/**
 * The checks among `checks` (at most 31, in their order) that the node has a keyword of: each of
 * the node's own keys looked up in an index of the checks' keywords, rather than each check's
 * keywords looked up in the node. Called for every node compiled: the keywords of all 26 checks,
 * read from nodes of many shapes, were the guards emitter's costliest line on stripe's document
 * (~17 ms of its ~0.4 s), where a node has a few keys.
 */
export function checksIndex(checks: readonly KeywordCheck[]): (node: IrNode) => KeywordCheck[] {
  if (checks.length > 31) throw new Error("internal: more checks than bits in a mask");
  const bits = new Map<string, number>();
  checks.forEach((check, i) => {
    for (const keyword of check.keywords) bits.set(keyword, (bits.get(keyword) ?? 0) | (1 << i));
  });
  return (node) => {
    let mask = 0;
    for (const key in node) {
      const bit = bits.get(key);
      if (bit !== undefined && node[key as keyof IrNode] !== undefined) mask |= bit;
    }
    const found: KeywordCheck[] = [];
    for (let i = 0; mask !== 0; i++, mask >>>= 1) if ((mask & 1) !== 0) found.push(checks[i]!);
    return found;
  };
}
