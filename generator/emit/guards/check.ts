/** The shape of one keyword check (one file per keyword under checks/, like ajv's vocabularies). */
import type { IrNode } from "../../ir/model";
import type { Scope } from "./scope";

/** The JSON type a keyword constrains: other instances pass it untouched. */
export type Applies = "any" | "string" | "number" | "array" | "object";

export interface KeywordCheck {
  /** The JSON Schema keywords this check implements. */
  keywords: readonly string[];
  applies: Applies;
  /** `last`: runs after every other keyword of the node (unevaluated*, which need their annotations). */
  phase?: "last";
  /** Emits the check into the scope, whose `value` is already narrowed to `applies`; no-op if absent. */
  emit(scope: Scope, node: IrNode): void;
}

/** Whether the node has any of the check's keywords. */
export function hasKeywords(check: KeywordCheck, node: IrNode): boolean {
  return check.keywords.some((k) => (node as unknown as Record<string, unknown>)[k] !== undefined);
}
