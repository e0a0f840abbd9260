/**
 * One schema reached from two files is one type. Koala's OpenAPI document references both batch
 * schemas, and each defines `TrackEvent` identically: read in one load, the second got the name
 * `TrackEvent2` (a name collision). After a model is read, a type that lost its name to a type
 * with the same schema (by structure, references included: a fixpoint, so that cycles fold too)
 * is folded into it: its references point at the first, and its collision is no longer one.
 * Types that merely look alike under different names stay apart: users import both names.
 */
import type { IrNamedType } from "./model";
import type { NameCollision } from "./naming";
import { renameRefs, sameSchema } from "./merge-models";

export interface Folded {
  types: IrNamedType[];
  /** The collisions that remain (two different schemas that wanted one name). */
  collisions: NameCollision[];
}

/** `desiredOf(name)`: the name a type asked for before it became an identifier ("user_id" for UserId). */
export function foldDuplicateTypes(types: readonly IrNamedType[], collisions: readonly NameCollision[], desiredOf: (name: string) => string | undefined): Folded {
  const byName = new Map(types.map((t) => [t.name, t]));
  // Suffixed name → the name it wanted, when a type of another file holds that name and wanted it as written.
  const folds = new Map<string, string>();
  for (const c of collisions) {
    const holder = byName.get(c.base);
    if (byName.has(c.name) && holder && desiredOf(c.base) === c.desired && fileOf(holder.origin) !== fileOf(c.origin)) folds.set(c.name, c.base);
  }
  // Optimistic: assume every candidate folds, drop those that differ under that assumption, repeat.
  for (let changed = folds.size > 0; changed; ) {
    changed = false;
    for (const [later, first] of folds) {
      if (!sameSchema(renameRefs(byName.get(later)!.schema, folds), renameRefs(byName.get(first)!.schema, folds))) {
        folds.delete(later);
        changed = true;
      }
    }
  }
  if (folds.size === 0) return { types: [...types], collisions: [...collisions] };
  return {
    types: types.filter((t) => !folds.has(t.name)).map((t) => ({ ...t, schema: renameRefs(t.schema, folds) })),
    collisions: collisions.filter((c) => !folds.has(c.name)),
  };
}

/** "b.schema.json#/$defs/X" → "b.schema.json"; the root document's origins start with "#". */
function fileOf(origin: string): string {
  return origin.slice(0, Math.max(origin.indexOf("#"), 0));
}
