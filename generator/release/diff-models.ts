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
import type { IrModel, IrNode, IrSchema, JsonValue } from "../ir/model";
import { sameSchema } from "../ir/merge-models";

export type ChangeLevel = "breaking" | "additive" | "patch";
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

type Bound = "min" | "max";
const BOUNDS: [keyof IrNode, Bound][] = [
  ["minLength", "min"],
  ["maxLength", "max"],
  ["minimum", "min"],
  ["maximum", "max"],
  ["exclusiveMinimum", "min"],
  ["exclusiveMaximum", "max"],
  ["minItems", "min"],
  ["maxItems", "max"],
  ["minContains", "min"],
  ["maxContains", "max"],
  ["minProperties", "min"],
  ["maxProperties", "max"],
];

/** Keywords whose any change we cannot classify finely: added or changed = breaking, removed = additive. */
const CONSTRAINTS: (keyof IrNode)[] = ["pattern", "format", "multipleOf", "dependentRequired", "uniqueItems"];

/** Subschema keywords compared recursively; `widening` = how an added one counts. */
const SUBSCHEMAS: (keyof IrNode)[] = ["items", "contains", "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "not", "if", "then", "else"];

function compare(a: IrSchema, b: IrSchema, at: string, out: ApiChange[]): void {
  if (typeof a === "boolean" || typeof b === "boolean") {
    if (JSON.stringify(a) === JSON.stringify(b) || sameSchema(a, b)) return;
    if (b === true) out.push({ level: "additive", at, message: "now accepts any value" });
    else if (b === false) out.push({ level: "breaking", at, message: "now accepts nothing" });
    else if (a === true) out.push({ level: "breaking", at, message: "now constrained (was: any value)" });
    else out.push({ level: "additive", at, message: "now accepts some values (was: nothing)" });
    return;
  }
  if (a.ref !== b.ref) {
    if (a.ref && !b.ref) out.push({ level: "breaking", at, message: `no longer a ${a.ref}` });
    else if (!a.ref && b.ref) out.push({ level: "breaking", at, message: `now a ${b.ref}` });
    else out.push({ level: "breaking", at, message: `type changed from ${a.ref} to ${b.ref}` });
  }
  compareTypes(a, b, at, out);
  compareValues(a, b, at, out);
  for (const [keyword, bound] of BOUNDS) compareBound(keyword, bound, a[keyword] as number | undefined, b[keyword] as number | undefined, at, out);
  for (const keyword of CONSTRAINTS) {
    const before = JSON.stringify(a[keyword]);
    const after = JSON.stringify(b[keyword]);
    if (before === after) continue;
    if (after === undefined) out.push({ level: "additive", at, message: `${keyword} ${before} removed` });
    else out.push({ level: "breaking", at, message: before === undefined ? `${keyword} ${after} added` : `${keyword} changed from ${before} to ${after}` });
  }
  compareProperties(a, b, at, out);
  for (const keyword of SUBSCHEMAS) compareSubschema(keyword, a[keyword] as IrSchema | undefined, b[keyword] as IrSchema | undefined, at, out);
  compareLists(a, b, at, out);
  compareDiscriminator(a, b, at, out);
  compareAnnotations(a, b, at, out);
}

/** OpenAPI's discriminator: a tag (or its type) gone is breaking, a tag added additive. */
function compareDiscriminator(a: IrNode, b: IrNode, at: string, out: ApiChange[]): void {
  if (!a.discriminator && !b.discriminator) return;
  if (a.discriminator?.propertyName !== b.discriminator?.propertyName) {
    out.push({ level: "breaking", at, message: `discriminator ${b.discriminator ? `now ${b.discriminator.propertyName}` : "removed"} (was ${a.discriminator?.propertyName ?? "none"})` });
    return;
  }
  const before = new Map(a.discriminator!.branches.map((t) => [t.tag, t.type]));
  const after = new Map(b.discriminator!.branches.map((t) => [t.tag, t.type]));
  for (const [tag, type] of before) {
    if (!after.has(tag)) out.push({ level: "breaking", at, message: `discriminator value ${JSON.stringify(tag)} removed` });
    else if (after.get(tag) !== type) out.push({ level: "breaking", at, message: `discriminator value ${JSON.stringify(tag)} now picks ${after.get(tag)} (was ${type})` });
  }
  for (const tag of after.keys()) if (!before.has(tag)) out.push({ level: "additive", at, message: `discriminator value ${JSON.stringify(tag)} added` });
}

function compareTypes(a: IrNode, b: IrNode, at: string, out: ApiChange[]): void {
  const before = new Set(widen(a.type));
  const after = new Set(widen(b.type));
  if (a.type === undefined && b.type === undefined) return;
  if (a.type === undefined) return void out.push({ level: "breaking", at, message: `type narrowed to ${b.type!.join(" | ")}` });
  if (b.type === undefined) return void out.push({ level: "additive", at, message: `type widened (was ${a.type.join(" | ")})` });
  const lost = [...before].filter((t) => !after.has(t));
  const gained = [...after].filter((t) => !before.has(t));
  if (lost.length) out.push({ level: "breaking", at, message: `type narrowed from ${a.type.join(" | ")} to ${b.type.join(" | ")}` });
  else if (gained.length) out.push({ level: "additive", at, message: `type widened from ${a.type.join(" | ")} to ${b.type.join(" | ")}` });
}

/** `number` includes `integer`: compare the sets of JSON values each admits. */
function widen(types: readonly string[] | undefined): string[] {
  const list = [...(types ?? [])];
  if (list.includes("number") && !list.includes("integer")) list.push("integer");
  return list;
}

function compareValues(a: IrNode, b: IrNode, at: string, out: ApiChange[]): void {
  const values = (n: IrNode): JsonValue[] | undefined => (n.const ? [n.const.value] : n.enum);
  const before = values(a);
  const after = values(b);
  if (before === undefined && after === undefined) return;
  const key = (v: JsonValue): string => JSON.stringify(v);
  if (before === undefined) return void out.push({ level: "breaking", at, message: `values restricted to ${after!.map(key).join(", ")}` });
  if (after === undefined) return void out.push({ level: "additive", at, message: `any value now (was ${before.map(key).join(", ")})` });
  const removed = before.filter((v) => !after.some((w) => key(w) === key(v)));
  const added = after.filter((v) => !before.some((w) => key(w) === key(v)));
  if (removed.length) out.push({ level: "breaking", at, message: `value${removed.length > 1 ? "s" : ""} ${removed.map(key).join(", ")} removed` });
  if (added.length) out.push({ level: "additive", at, message: `value${added.length > 1 ? "s" : ""} ${added.map(key).join(", ")} added` });
}

function compareBound(keyword: string, bound: Bound, before: number | undefined, after: number | undefined, at: string, out: ApiChange[]): void {
  if (before === after) return;
  const tighter = before === undefined || (after !== undefined && (bound === "min" ? after > before : after < before));
  const text = before === undefined ? `${keyword} ${after} added` : after === undefined ? `${keyword} ${before} removed` : `${keyword} ${bound === "min" ? (after > before ? "raised" : "lowered") : after < before ? "lowered" : "raised"} from ${before} to ${after}`;
  out.push({ level: tighter ? "breaking" : "additive", at, message: text });
}

function compareProperties(a: IrNode, b: IrNode, at: string, out: ApiChange[]): void {
  const before = new Map((a.properties ?? []).map((p) => [p.name, p.schema]));
  const after = new Map((b.properties ?? []).map((p) => [p.name, p.schema]));
  const requiredBefore = new Set(a.required ?? []);
  const requiredAfter = new Set(b.required ?? []);
  for (const [name, schema] of before) {
    const next = after.get(name);
    if (next === undefined) out.push({ level: "breaking", at: `${at}.${name}`, message: "property removed" });
    else compare(schema, next, `${at}.${name}`, out);
  }
  for (const name of after.keys()) {
    if (before.has(name)) continue;
    out.push(requiredAfter.has(name) ? { level: "breaking", at: `${at}.${name}`, message: "required property added" } : { level: "additive", at: `${at}.${name}`, message: "optional property added" });
  }
  for (const name of requiredAfter) {
    // A new property that is required was reported above as "required property added".
    if (requiredBefore.has(name) || (after.has(name) && !before.has(name))) continue;
    out.push({ level: "breaking", at: `${at}.${name}`, message: "now required" });
  }
  for (const name of requiredBefore) if (!requiredAfter.has(name) && after.has(name)) out.push({ level: "additive", at: `${at}.${name}`, message: "now optional" });
  // Pattern properties: compared as a whole; only their removal is clearly a widening.
  const pattern = (n: IrNode): string | undefined => (n.patternProperties ? JSON.stringify(n.patternProperties.map((p) => [p.pattern, stripPaths(p.schema)])) : undefined);
  if (pattern(a) !== pattern(b)) {
    out.push(pattern(b) === undefined ? { level: "additive", at, message: "patternProperties removed" } : { level: "breaking", at, message: "patternProperties changed" });
  }
}

function compareSubschema(keyword: string, before: IrSchema | undefined, after: IrSchema | undefined, at: string, out: ApiChange[]): void {
  if (before === undefined && after === undefined) return;
  const where = `${at}[${keyword}]`;
  // An absent `additionalProperties`/`items` means "anything", like `true`.
  const permissive = ["items", "additionalProperties", "unevaluatedItems", "unevaluatedProperties", "propertyNames", "contains"].includes(keyword);
  if (before === undefined) {
    if (permissive) return compare(true, after!, where, out);
    return void out.push({ level: "breaking", at, message: `${keyword} added` });
  }
  if (after === undefined) {
    if (permissive) return compare(before, true, where, out);
    return void out.push({ level: "additive", at, message: `${keyword} removed` });
  }
  if (keyword === "not" || keyword === "if") {
    if (!sameSchema(before, after)) out.push({ level: "breaking", at, message: `${keyword} changed` });
    return;
  }
  compare(before, after, where, out);
}

function compareLists(a: IrNode, b: IrNode, at: string, out: ApiChange[]): void {
  for (const keyword of ["anyOf", "oneOf", "allOf", "prefixItems"] as const) {
    const before = a[keyword] ?? [];
    const after = b[keyword] ?? [];
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) compare(before[i]!, after[i]!, `${at}[${keyword}/${i}]`, out);
    if (before.length === after.length) continue;
    // More alternatives accept more; more allOf/prefixItems members constrain more.
    const widens = keyword === "anyOf" || keyword === "oneOf" ? after.length > before.length : after.length < before.length;
    const emptied = (keyword === "anyOf" || keyword === "oneOf") && (before.length === 0 || after.length === 0);
    out.push({
      level: widens && !emptied ? "additive" : "breaking",
      at,
      message: `${keyword} ${after.length > before.length ? `gained ${after.length - before.length}` : `lost ${before.length - after.length}`} member(s)`,
    });
  }
}

function compareAnnotations(a: IrNode, b: IrNode, at: string, out: ApiChange[]): void {
  const keys = new Set([...Object.keys(a.annotations), ...Object.keys(b.annotations)]);
  const changed = [...keys].filter((k) => JSON.stringify((a.annotations as Record<string, unknown>)[k]) !== JSON.stringify((b.annotations as Record<string, unknown>)[k])).sort();
  if (changed.length) out.push({ level: "patch", at, message: `documentation changed (${changed.join(", ")})` });
}

/** A schema without its `schemaPath`s: where a schema sits is not part of the API. */
export function stripPaths(schema: IrSchema): unknown {
  return JSON.parse(JSON.stringify(schema, (key, value: unknown) => (key === "schemaPath" ? undefined : value)));
}
