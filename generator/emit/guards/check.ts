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

/** Whether the node has any of the check's keywords. */
export function hasKeywords(check: KeywordCheck, node: IrNode): boolean {
  // A loop, not `some` with a closure: called for every check on every node compiled (a closure each: 30 MB on netbox.dev's guards).
  for (const keyword of check.keywords) if (node[keyword] !== undefined) return true;
  return false;
}
