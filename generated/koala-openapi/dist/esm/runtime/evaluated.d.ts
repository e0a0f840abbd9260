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
export declare function evaluated(): Evaluated;
export declare function markKey(ev: Evaluated, key: string): void;
export declare function markIndex(ev: Evaluated, index: number): void;
export declare function markItems(ev: Evaluated, count: number): void;
/** Adds what `from` evaluated to `into` (a subschema that passed). */
export declare function mergeEvaluated(into: Evaluated, from: Evaluated): void;
export declare function isKeyEvaluated(ev: Evaluated, key: string): boolean;
export declare function isIndexEvaluated(ev: Evaluated, index: number): boolean;
