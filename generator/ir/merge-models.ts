/**
 * Several schemas into one package: their IR models become one model whose named types share one
 * namespace (the package exports them all from one `index.ts`).
 *
 * A name defined by more than one schema is *shared* when every definition is the same schema (by
 * structure, ignoring where it sits) and everything it references is shared too: Koala's profile
 * and account batches both define `TrackEvent`, and the package exports it once. Any other
 * repeated name is a collision: by default the later schema's type is renamed `Name2`, `Name3`, ...
 * (its references follow) with a warning; with `nameCollisions: "error"` generation stops (exit 8).
 */
import { createHash } from "node:crypto";
import { CodegenError, pointerFragment } from "../errors";
import type { DerivedNames } from "./naming";
import { isNode, type IrModel, type IrNamedType, type IrNode, type IrRoot, type IrSchema } from "./model";
import { displayOrigin } from "../load/source-names";

export interface MergedModels {
  /** Every type of every schema, each name once; `rootName` (and `rootType`) is the first schema's. */
  model: IrModel;
  /** For each input model, the names of its types in `model` (after renames), root type first (when it has one). */
  typesOf: string[][];
}

/** Merges per-schema models into one namespace (see the file comment for the collision rule). */
export function mergeModels(models: readonly IrModel[], options: { nameCollisions?: "error" | "suffix"; derivedNames?: DerivedNames } = {}): MergedModels {
  const namesDerivedFrom = options.derivedNames ?? ((): string[] => []);
  if (models.length === 1) {
    const only = models[0]!;
    return { model: { ...only, roots: [rootOf(only, only.rootName, only.rootType)] }, typesOf: [only.types.map((t) => t.name)] };
  }
  const types: IrNamedType[] = [];
  const byKey = new Map<string, { type: IrNamedType; model: IrModel }>();
  // Value names derived from earlier types (`isTrackEvent`, `TrackEventSchema`, ...) → their owner.
  const values = new Map<string, string>();
  const typesOf: string[][] = [];
  const roots: IrRoot[] = [];
  const warnings: string[] = [];
  // Every earlier schema's name, lower-cased → what it is: a root's name, type or not (an OpenAPI
  // document's API), names a client (createXClient), so no two schemas may share it.
  const rootNames = new Map<string, string>();
  const conflict = (name: string, isRoot: boolean): string | undefined => {
    if (isRoot && rootNames.has(name.toLowerCase())) return `is also the name of ${rootNames.get(name.toLowerCase())!}`;
    const earlier = byKey.get(name.toLowerCase());
    if (earlier) return `is also defined, differently, by ${where(earlier.type.origin, earlier.model.source.file)}`;
    if (values.has(name)) return `is a name derived from ${values.get(name)}`;
    for (const derived of namesDerivedFrom(name, isRoot)) {
      const other = values.get(derived) ?? byKey.get(derived.toLowerCase())?.type.name;
      if (other !== undefined) return `derives "${derived}", which is taken by ${other}`;
    }
    return undefined;
  };
  // An API's name is no type: it may be a type's name, but not another schema's name, and the names
  // only a root derives (its client's) must be free.
  const apiConflict = (name: string): string | undefined => {
    const other = rootNames.get(name.toLowerCase());
    if (other !== undefined) return `is also the name of ${other}`;
    for (const derived of rootOnlyNames(name)) {
      const owner = values.get(derived) ?? byKey.get(derived.toLowerCase())?.type.name;
      if (owner !== undefined) return `derives "${derived}", which is taken by ${owner}`;
    }
    return undefined;
  };
  const rootOnlyNames = (name: string): string[] => {
    const own = new Set(namesDerivedFrom(name, false));
    return namesDerivedFrom(name, true).filter((derived) => !own.has(derived));
  };
  for (const model of models) {
    warnings.push(...model.warnings);
    const own = new Map(model.types.map((t) => [t.name, t]));
    const shared = sharedNames(model, own, byKey);
    const renames = new Map<string, string>();
    for (const type of model.types) {
      const isRoot = type.name === model.rootType;
      const reason = shared.has(type.name) ? undefined : conflict(type.name, isRoot);
      if (reason === undefined) continue;
      let n = 2;
      while (conflict(`${type.name}${n}`, isRoot) !== undefined || own.has(`${type.name}${n}`)) n++;
      if (options.nameCollisions === "error") {
        const { file, pointer } = displayOrigin(type.origin, model.source.file);
        throw new CodegenError("nameCollision", `name collision: "${type.name}" ${reason}; rename one of them (without --name-collisions error it would be "${type.name}${n}")`, { file, pointer });
      }
      renames.set(type.name, `${type.name}${n}`);
      warnings.push(`${where(type.origin, model.source.file)}: name collision: "${type.name}" ${reason}; using "${type.name}${n}"`);
    }
    const names: string[] = [];
    for (const type of model.types) {
      if (shared.has(type.name)) {
        names.push(type.name);
        continue;
      }
      const renamed: IrNamedType = renames.size ? { ...type, name: renames.get(type.name) ?? type.name, schema: renameRefs(type.schema, renames) } : type;
      types.push(renamed);
      byKey.set(renamed.name.toLowerCase(), { type: renamed, model });
      for (const derived of namesDerivedFrom(renamed.name, type.name === model.rootType)) values.set(derived, renamed.name);
      names.push(renamed.name);
    }
    typesOf.push(names);
    if (model.rootType !== undefined) {
      const name = renames.get(model.rootType) ?? model.rootType;
      rootNames.set(name.toLowerCase(), `the root type of ${where("#", model.source.file)}`);
      roots.push(rootOf(model, name, name));
      continue;
    }
    // No root type (an OpenAPI document): its API's name must still be its own among the package's
    // schemas (two documents titled alike would both export createXClient).
    let name = model.rootName;
    const reason = apiConflict(name);
    if (reason !== undefined) {
      let n = 2;
      while (apiConflict(`${model.rootName}${n}`) !== undefined) n++;
      name = `${model.rootName}${n}`;
      if (options.nameCollisions === "error") throw new CodegenError("nameCollision", `name collision: the API "${model.rootName}" ${reason}; rename one of them (without --name-collisions error it would be "${name}")`, { file: model.source.file, pointer: "#" });
      warnings.push(`${where("#", model.source.file)}: name collision: the API "${model.rootName}" ${reason}; using "${name}"`);
    }
    rootNames.set(name.toLowerCase(), `the API of ${where("#", model.source.file)}`);
    for (const derived of rootOnlyNames(name)) values.set(derived, `the API ${name}`);
    roots.push(rootOf(model, name, undefined));
  }
  const first = models[0]!;
  let hash: string | undefined;
  const model: IrModel = {
    rootName: roots[0]!.name,
    ...(roots[0]!.type !== undefined && { rootType: roots[0]!.type }),
    types,
    // Hashes read when needed (getters): see LoadedSchema.hash.
    source: {
      file: first.source.file,
      get hash() {
        return (hash ??= combinedHash(models.map((m) => m.source.hash)));
      },
      dialect: first.source.dialect,
    },
    warnings,
    roots,
  };
  return { model, typesOf };
}

/** The part of a merged model that some emitter should see: the types of the chosen schemas, roots among them. */
export function selectSchemas(merged: MergedModels, indices: readonly number[]): IrModel {
  const wanted = new Set(indices.flatMap((i) => merged.typesOf[i]!));
  const roots = indices.map((i) => merged.model.roots![i]!);
  const { rootType: _first, ...model } = merged.model;
  return { ...model, rootName: roots[0]!.name, ...(roots[0]!.type !== undefined && { rootType: roots[0]!.type }), roots, types: merged.model.types.filter((t) => wanted.has(t.name)) };
}

/** One hash for several schemas; a single schema keeps its own, so its package.json does not change. */
export function combinedHash(hashes: readonly string[]): string {
  if (hashes.length === 1) return hashes[0]!;
  return createHash("sha256").update(hashes.join("\n")).digest("hex");
}

function rootOf(model: IrModel, name: string, type: string | undefined): IrRoot {
  return {
    name,
    ...(type !== undefined && { type }),
    file: model.source.file,
    get hash() {
      return model.source.hash;
    },
  };
}

/** Names of `model` that an earlier model defines identically, references included (a fixpoint). */
function sharedNames(model: IrModel, own: Map<string, IrNamedType>, earlier: Map<string, { type: IrNamedType }>): Set<string> {
  const shared = new Set<string>();
  for (const type of model.types) {
    const other = earlier.get(type.name.toLowerCase());
    if (other && other.type.name === type.name && sameSchema(other.type.schema, type.schema)) shared.add(type.name);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of shared) {
      if ([...refsOf(own.get(name)!.schema)].some((ref) => !shared.has(ref))) {
        shared.delete(name);
        changed = true;
      }
    }
  }
  return shared;
}

/** Structural equality of two subschemas, ignoring `schemaPath` (where each sits in its file). */
export function sameSchema(a: IrSchema, b: IrSchema): boolean {
  return JSON.stringify(withoutPaths(a)) === JSON.stringify(withoutPaths(b));
}

/**
 * A schema without its `schemaPath`s: where a schema sits is not part of the API. What
 * `JSON.parse(JSON.stringify(schema, replacer dropping "schemaPath"))` gives, copied in one walk:
 * the release's snapshot strips every named type (stripe's: 5 MB of JSON), and the text round trip,
 * with a replacer call per key, was most of planning the release.
 */
export function stripPaths(schema: IrSchema): unknown {
  return jsonCopy(schema);
}

/** `value` as JSON would give it back (undefined for what JSON leaves out), without any `schemaPath` key. */
function jsonCopy(value: unknown): unknown {
  if (typeof value === "object" && value !== null) {
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "schemaPath" ? undefined : v)) ?? "null");
    if (Array.isArray(value)) return value.map((item) => jsonCopy(item) ?? null);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key === "schemaPath") continue;
      const copy = jsonCopy((value as Record<string, unknown>)[key]);
      // "__proto__" as JSON.parse makes it: an own property, not the prototype.
      if (copy === undefined) continue;
      if (key === "__proto__") Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
      else out[key] = copy;
    }
    return out;
  }
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : null;
  if (typeof value === "string" || typeof value === "boolean" || value === null) return value;
  // undefined, functions, symbols: left out (bigint makes JSON.stringify throw, as it did).
  if (typeof value === "bigint") throw new TypeError("Do not know how to serialize a BigInt");
  return undefined;
}

function withoutPaths(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPaths);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (key !== "schemaPath") out[key] = withoutPaths((value as Record<string, unknown>)[key]);
  }
  return out;
}

/** Every named type a subschema refers to (read in place: no copy of the schema is made). */
export function refsOf(schema: IrSchema, found = new Set<string>()): Set<string> {
  forEachNode(schema, (node) => {
    if (node.ref) found.add(node.ref);
    if (node.dynamicRef) found.add(node.dynamicRef.ref);
    for (const entry of node.dynamicScope ?? []) found.add(entry.type);
  });
  return found;
}

/** The named types `from` are and every type they refer to, transitively (`types`: the model's, by name). */
export function typesReachedFrom(types: ReadonlyMap<string, IrNamedType>, from: readonly string[]): Set<string> {
  const pending = [...from];
  const reached = new Set(pending);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const type = types.get(name);
    if (!type) continue;
    for (const ref of refsOf(type.schema)) {
      if (!reached.has(ref)) {
        reached.add(ref);
        pending.push(ref);
      }
    }
  }
  return reached;
}

export function renameRefs(schema: IrSchema, renames: ReadonlyMap<string, string>): IrSchema {
  const rename = (name: string): string => renames.get(name) ?? name;
  return visitNodes(schema, (node) => {
    const out = node.ref && renames.has(node.ref) ? { ...node, ref: rename(node.ref) } : node;
    if (out.dynamicRef) out.dynamicRef = { ...out.dynamicRef, ref: rename(out.dynamicRef.ref) };
    if (out.dynamicScope) out.dynamicScope = out.dynamicScope.map((entry) => ({ ...entry, type: rename(entry.type) }));
    return out;
  });
}

/** The IrNode fields that hold one subschema, a list of them, or named entries of them: every applicator (ENTRIES: forEachNode; visitNodes copies each kind as its own type). */
const ONE = ["items", "contains", "unevaluatedItems", "additionalProperties", "propertyNames", "unevaluatedProperties", "not", "if", "then", "else"] as const;
const LISTS = ["prefixItems", "allOf", "anyOf", "oneOf"] as const;
const ENTRIES = ["properties", "patternProperties", "dependentSchemas"] as const;

/** Calls `visit` on every node of a schema, every subschema of every applicator, without copying (a copy per node took 0.6 s on stripe's types). */
function forEachNode(schema: IrSchema, visit: (node: IrNode) => void): void {
  if (!isNode(schema)) return;
  visit(schema);
  // Indexed loops: iterators were the walk's allocations (~20 MB a walk of mist.com's types, every
  // refsOf), which optimized code without inlining (tier-up.ts) does not elide.
  for (let k = 0; k < ONE.length; k++) {
    const child = schema[ONE[k]!];
    if (child !== undefined) forEachNode(child, visit);
  }
  for (let k = 0; k < LISTS.length; k++) {
    const list = schema[LISTS[k]!];
    if (list !== undefined) for (let i = 0; i < list.length; i++) forEachNode(list[i]!, visit);
  }
  for (let k = 0; k < ENTRIES.length; k++) {
    const entries = schema[ENTRIES[k]!];
    if (entries !== undefined) for (let i = 0; i < entries.length; i++) forEachNode(entries[i]!.schema, visit);
  }
}

/** Rebuilds a schema bottom-up through `visit`, reaching every subschema of every applicator. */
function visitNodes(schema: IrSchema, visit: (node: IrNode) => IrNode): IrSchema {
  if (!isNode(schema)) return schema;
  const node: IrNode = { ...schema };
  for (const key of ONE) {
    const child = node[key];
    if (child !== undefined) node[key] = visitNodes(child, visit);
  }
  for (const key of LISTS) {
    const list = node[key];
    if (list !== undefined) node[key] = list.map((s) => visitNodes(s, visit));
  }
  if (node.properties) node.properties = node.properties.map((p) => ({ ...p, schema: visitNodes(p.schema, visit) }));
  if (node.patternProperties) node.patternProperties = node.patternProperties.map((p) => ({ ...p, schema: visitNodes(p.schema, visit) }));
  if (node.dependentSchemas) node.dependentSchemas = node.dependentSchemas.map((p) => ({ ...p, schema: visitNodes(p.schema, visit) }));
  return visit(node);
}

/** `file#/pointer`, as errors show a place (the pointer percent-encoded: `{id}` → `%7Bid%7D`). */
function where(origin: string, file: string | undefined): string {
  const { file: f, pointer } = displayOrigin(origin, file);
  return `${f ?? "(schema)"}${pointerFragment(pointer)}`;
}
