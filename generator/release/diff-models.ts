/**
 * What a schema change does to the generated API, compared on the IR (so `$ref` layout, key order
 * and draft do not matter, only what the types and guards will say).
 *
 * The point of view is the code that uses the generated package to *build and send* payloads:
 * anything that can make its existing, valid payloads fail to compile or fail the new guards is
 * **breaking** (a new required property, a removed property or type, a narrowed type or enum, a
 * tighter bound, a renamed definition); anything that only accepts more is **additive**; a change
 * of documentation only is a **patch**. Unknown kinds of change count as breaking: a false alarm
 * is cheaper than a silent break.
 */
import type { IrKeyword, IrModel, IrNode, IrSchema } from "../ir/model";
import { sameSchema, stripPaths } from "../ir/merge-models";
import { KEYWORDS } from "../emit/keywords/index";
import type { ChangeLevel, KeywordChange } from "../emit/keywords/keyword";

export type { ChangeLevel };
/** A schema without its `schemaPath`s (re-exported: release.ts compares whole types with it). */
export { stripPaths };
export type Bump = "major" | "minor" | "patch" | "none";

export interface ApiChange {
  level: ChangeLevel;
  /** The type and where in it: "TrackEvent.properties.event" or "TrackEvent". */
  at: string;
  message: string;
}

/** Every change from `before` to `after`, breaking first, then by place. */
export function diffModels(before: Pick<IrModel, "types">, after: Pick<IrModel, "types">): ApiChange[] {
  const changes: ApiChange[] = [];
  const oldTypes = new Map(before.types.map((t) => [t.name, t]));
  const newTypes = new Map(after.types.map((t) => [t.name, t]));
  const added = after.types.filter((t) => !oldTypes.has(t.name));
  for (const type of before.types) {
    const next = newTypes.get(type.name);
    if (next) {
      compare(type.schema, next.schema, type.name, changes);
      continue;
    }
    const renamed = added.find((t) => sameSchema(t.schema, type.schema));
    if (renamed) changes.push({ level: "breaking", at: type.name, message: `type renamed to ${renamed.name}` });
    else changes.push({ level: "breaking", at: type.name, message: "type removed" });
  }
  for (const type of added) {
    if (!before.types.some((t) => !newTypes.has(t.name) && sameSchema(t.schema, type.schema))) {
      changes.push({ level: "additive", at: type.name, message: "type added" });
    }
  }
  return sortChanges(changes);
}

/** Breaking first, then additive, then documentation; by place, then message, within each. */
export function sortChanges(changes: ApiChange[]): ApiChange[] {
  const rank: Record<ChangeLevel, number> = { breaking: 0, additive: 1, patch: 2 };
  return changes.sort((a, b) => rank[a.level] - rank[b.level] || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || (a.message < b.message ? -1 : 1));
}

/** The semver bump the changes call for. */
export function bumpFor(changes: readonly ApiChange[]): Bump {
  if (changes.some((c) => c.level === "breaking")) return "major";
  if (changes.some((c) => c.level === "additive")) return "minor";
  return changes.length > 0 ? "patch" : "none";
}

/** `version` bumped; below 1.0.0 a breaking change bumps the minor and an additive one the patch (as npm's `^` reads 0.x). */
export function bumpVersion(version: string, bump: Bump): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match || bump === "none") return version;
  const [major, minor, patch] = match.slice(1, 4).map(Number) as [number, number, number];
  const effective: Bump = major === 0 ? (bump === "major" ? "minor" : "patch") : bump;
  if (effective === "major") return `${major + 1}.0.0`;
  if (effective === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** Compares two subschemas: each keyword module reports what a change to its keywords does (emit/keywords/). */
function compare(a: IrSchema, b: IrSchema, at: string, out: ApiChange[]): void {
  if (typeof a === "boolean" || typeof b === "boolean") {
    if (JSON.stringify(a) === JSON.stringify(b) || sameSchema(a, b)) return;
    if (b === true) out.push({ level: "additive", at, message: "now accepts any value" });
    else if (b === false) out.push({ level: "breaking", at, message: "now accepts nothing" });
    else if (a === true) out.push({ level: "breaking", at, message: "now constrained (was: any value)" });
    else out.push({ level: "additive", at, message: "now accepts some values (was: nothing)" });
    return;
  }
  const change = new NodeChange(a, b, at, out);
  for (const keyword of KEYWORDS) keyword.diff(change);
  compareAnnotations(a, b, at, out);
}

/** The rules keyword modules classify their changes with (see KeywordChange). */
class NodeChange implements KeywordChange {
  constructor(
    readonly before: IrNode,
    readonly after: IrNode,
    readonly at: string,
    private readonly out: ApiChange[],
  ) {}

  report(level: ChangeLevel, message: string, at = this.at): void {
    this.out.push({ level, at, message });
  }

  compare(before: IrSchema, after: IrSchema, at: string): void {
    compare(before, after, at, this.out);
  }

  bound(keyword: IrKeyword, direction: "min" | "max"): void {
    const before = this.before[keyword] as number | undefined;
    const after = this.after[keyword] as number | undefined;
    if (before === after) return;
    const tighter = before === undefined || (after !== undefined && (direction === "min" ? after > before : after < before));
    const text = before === undefined ? `${keyword} ${after} added` : after === undefined ? `${keyword} ${before} removed` : `${keyword} ${direction === "min" ? (after > before ? "raised" : "lowered") : after < before ? "lowered" : "raised"} from ${before} to ${after}`;
    this.report(tighter ? "breaking" : "additive", text);
  }

  constraint(keyword: IrKeyword): void {
    const value = (node: IrNode): string | undefined => (node[keyword] === undefined ? undefined : JSON.stringify(stripPaths(node[keyword] as IrSchema)));
    const before = value(this.before);
    const after = value(this.after);
    if (before === after) return;
    if (after === undefined) this.report("additive", `${keyword} ${before} removed`);
    else this.report("breaking", before === undefined ? `${keyword} ${after} added` : `${keyword} changed from ${before} to ${after}`);
  }

  subschema(keyword: IrKeyword): void {
    const before = this.before[keyword] as IrSchema | undefined;
    const after = this.after[keyword] as IrSchema | undefined;
    if (before === undefined && after === undefined) return;
    const where = `${this.at}[${keyword}]`;
    // An absent `additionalProperties`/`items` means "anything", like `true`.
    const permissive = ["items", "additionalProperties", "unevaluatedItems", "unevaluatedProperties", "propertyNames", "contains"].includes(keyword);
    if (before === undefined) {
      if (permissive) return this.compare(true, after!, where);
      return this.report("breaking", `${keyword} added`);
    }
    if (after === undefined) {
      if (permissive) return this.compare(before, true, where);
      return this.report("additive", `${keyword} removed`);
    }
    if (keyword === "not" || keyword === "if") {
      if (!sameSchema(before, after)) this.report("breaking", `${keyword} changed`);
      return;
    }
    this.compare(before, after, where);
  }

  list(keyword: "anyOf" | "oneOf" | "allOf" | "prefixItems"): void {
    const before = this.before[keyword] ?? [];
    const after = this.after[keyword] ?? [];
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) this.compare(before[i]!, after[i]!, `${this.at}[${keyword}/${i}]`);
    if (before.length === after.length) return;
    // More alternatives accept more; more allOf/prefixItems members constrain more.
    const widens = keyword === "anyOf" || keyword === "oneOf" ? after.length > before.length : after.length < before.length;
    const emptied = (keyword === "anyOf" || keyword === "oneOf") && (before.length === 0 || after.length === 0);
    this.report(widens && !emptied ? "additive" : "breaking", `${keyword} ${after.length > before.length ? `gained ${after.length - before.length}` : `lost ${before.length - after.length}`} member(s)`);
  }
}

function compareAnnotations(a: IrNode, b: IrNode, at: string, out: ApiChange[]): void {
  const keys = new Set([...Object.keys(a.annotations), ...Object.keys(b.annotations)]);
  const changed = [...keys].filter((k) => JSON.stringify((a.annotations as Record<string, unknown>)[k]) !== JSON.stringify((b.annotations as Record<string, unknown>)[k])).sort();
  if (changed.length) out.push({ level: "patch", at, message: `documentation changed (${changed.join(", ")})` });
}
