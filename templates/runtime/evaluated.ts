/**
 * Annotation bookkeeping for `unevaluatedProperties` / `unevaluatedItems`: which keys and indexes
 * the adjacent keywords and the successful in-place subschemas have evaluated. Only guards of
 * schemas that use those keywords import this.
 */

export interface Evaluated {
  /** Property names evaluated so far (null until the first). */
  keys: Set<string> | null;
  /** Every property counts as evaluated (additionalProperties, unevaluatedProperties passed). */
  allKeys: boolean;
  /** Items [0, items) are evaluated (prefixItems). */
  items: number;
  /** Every item counts as evaluated (items, unevaluatedItems passed). */
  allItems: boolean;
  /** Indexes evaluated by `contains`. */
  indexes: Set<number> | null;
}

export function evaluated(): Evaluated {
  return { keys: null, allKeys: false, items: 0, allItems: false, indexes: null };
}

export function markKey(ev: Evaluated, key: string): void {
  (ev.keys ??= new Set()).add(key);
}

export function markIndex(ev: Evaluated, index: number): void {
  (ev.indexes ??= new Set()).add(index);
}

export function markItems(ev: Evaluated, count: number): void {
  if (count > ev.items) ev.items = count;
}

/** Adds what `from` evaluated to `into` (a subschema that passed). */
export function mergeEvaluated(into: Evaluated, from: Evaluated): void {
  if (from.allKeys) into.allKeys = true;
  else if (from.keys) for (const key of from.keys) markKey(into, key);
  if (from.allItems) into.allItems = true;
  markItems(into, from.items);
  if (from.indexes) for (const index of from.indexes) markIndex(into, index);
}

export function isKeyEvaluated(ev: Evaluated, key: string): boolean {
  return ev.allKeys || (ev.keys !== null && ev.keys.has(key));
}

export function isIndexEvaluated(ev: Evaluated, index: number): boolean {
  return ev.allItems || index < ev.items || (ev.indexes !== null && ev.indexes.has(index));
}
