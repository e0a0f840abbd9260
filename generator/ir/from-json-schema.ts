import * as path from "node:path";
import { CodegenError, pointerFragment } from "../errors";
import type { LoadedSchema } from "../load/load-schema";
import { isJsonObject, escapePointerToken, unescapePointerToken, type JsonObject } from "../load/keywords";
import { RECURSIVE_ANCHOR, safeDecode, stripFragment, type SchemaDocument, type SchemaLocation } from "../load/registry";
import { displayFileOf, sourceNameOf } from "../load/source-names";
import { keywordsIgnoredByDialect } from "./dialect-keywords";
import type { KeywordReader, KeywordReading, NumericKeyword } from "./keyword-reader";
import { apiSiteKey, type Dialect, type IrApi, type IrDiscriminator, type IrModel, type IrNamedType, type IrNode, type IrSchema, type JsonValue } from "./model";
import { NameAllocator, referenceNameHint, toTypeName, type DerivedNames, type NameCollision } from "./naming";
import { findInPlaceCycle } from "./reference-cycles";
import { compiledRegex } from "./regex-flags";
import { closedAllOfFindings } from "./closed-all-of";
import { contradictoryBounds } from "./contradictory-bounds";
import { runNodeChecks } from "./walk-nodes";
import { foldDuplicateTypes } from "./fold-duplicates";
import { readDiscriminator } from "../load/openapi/discriminator";
import { detectDialect } from "../load/dialect";
import { isOasDialect } from "../load/openapi/detect";

export interface NormalizeOptions {
  /** The root type's name (an OpenAPI document's: the API's); default: the root's `title`, else the file name. */
  rootName?: string;
  /**
   * The names an OpenAPI document's operations module derives from the API's name (its client's:
   * emit/client/artifact.ts's allClientNames), reserved before any type is named, as a JSON
   * Schema's root type reserves them through `derivedNames`.
   */
  apiNames?: (api: string) => string[];
  /**
   * Names the output reserves for itself so no type takes them: those of a client named apart from
   * the root (runtime helpers need none: they are imported under `$` aliases, emit/runtime-names.ts).
   */
  reservedNames?: Iterable<string>;
  /** The names the emitters derive from each type name (emit/index.ts's namesDerivedFrom): a type may not take a name another's `isX`/`createX` has. */
  derivedNames?: DerivedNames;
  /**
   * Two schema names that become the same identifier: `"suffix"` (default) keeps the first (the
   * root always comes first) and gives later ones a deterministic numeric suffix plus a warning;
   * `"error"` fails with exit code 8, for teams that want names never to move.
   */
  nameCollisions?: "error" | "suffix";
}

/**
 * JSON Schema (loaded and indexed) → IR: names every shared subschema, checks every keyword.
 * `vocabulary`: the keyword modules that read a schema object's keywords (emit/keywords/index.ts's
 * KEYWORDS), in the order they are read.
 */
export function fromJsonSchema(loaded: LoadedSchema, vocabulary: readonly KeywordReading[], options: NormalizeOptions = {}): IrModel {
  return new Normalizer(loaded, vocabulary, options).run();
}

interface Pending {
  name: string;
  schema: unknown;
  origin: string;
  location: SchemaLocation | undefined;
  /** The schema-named type a hoisted subschema came out of (its names are "<base>_<n>"). */
  hoistedFrom?: string;
}

/**
 * Subschemas nested deeper than this inside one named type become named types of their own (see
 * `Normalizer.child`): reading, every emitter, TypeScript and prettier then only ever see bounded
 * nesting, whatever the schema's depth. No schema in the wild we know of comes near it.
 */
export const MAX_INLINE_DEPTH = 8;

class Normalizer {
  private readonly allocator: NameAllocator;
  private readonly names = new Map<object, string>();
  /** Each type's name as the schema asked for it (fold-duplicates.ts). */
  private readonly desired = new Map<string, string>();
  private readonly queue: Pending[] = [];
  private readonly types: IrNamedType[] = [];
  private readonly dialect: Dialect;
  /** How deep the subschema being read is inside the named type being read. */
  private depth = 0;
  /** The schema-named type being read, or the one a hoisted type being read came out of. */
  private hoistBase = "";
  /** The dialect of the document being read (the root's, or a referenced file's own): a stack, since named types are read one inside another's queue turn. */
  private readonly reading: Dialect[] = [];
  /** Beside `reading`: the keywords the document's custom meta-schema leaves out (load/vocabulary.ts). */
  private readonly vocabularyIgnored: ReadonlySet<string>[] = [];

  /** The keyword modules, references first (see KeywordReading.readFirst), then in vocabulary order. */
  readonly readers: readonly KeywordReading[];
  private readonly ignoredByDialect: ReadonlyMap<Dialect, ReadonlySet<string>>;

  constructor(
    private readonly loaded: LoadedSchema,
    vocabulary: readonly KeywordReading[],
    private readonly options: NormalizeOptions,
  ) {
    this.readers = [...vocabulary.filter((k) => k.readFirst), ...vocabulary.filter((k) => !k.readFirst)];
    this.ignoredByDialect = keywordsIgnoredByDialect(vocabulary);
    // A collision is settled after reading: the same schema reached twice folds into one type (fold-duplicates.ts).
    this.allocator = new NameAllocator(options.reservedNames, options.derivedNames);
    this.dialect = loaded.dialect;
  }

  run(): IrModel {
    const root = this.loaded.root;
    const openapi = this.loaded.openapi;
    let rootName: string;
    let rootType: string | undefined;
    let api: IrApi | undefined;
    if (openapi) {
      // An OpenAPI document is no schema: no type stands for it (an `X = unknown` whose guards pass
      // anything). Its name is the API's, which names the package and the client; the names its
      // operations module derives from it (createXClient, ...) are reserved so that no component takes them.
      rootName = toTypeName(this.options.rootName ?? openApiTitle(openapi.input.document) ?? this.rootNameHint({}));
      this.allocator.reserve(this.options.apiNames?.(rootName) ?? [], `the API ${rootName}`);
      // The type each site became, for the client: what an operation's parameters, body and responses are.
      const siteTypes: Record<string, string> = {};
      for (const site of openapi.sites) {
        let type: string | boolean | undefined;
        if (site.name !== undefined) type = this.nameSite(site.schema, site.name, site.location);
        else if (isJsonObject(site.schema) && typeof site.schema.$ref === "string") type = this.refName(site.schema, site.schema.$ref, this.pathOf(site.location));
        const document = site.location.document;
        const file = document === openapi.parametersDocument ? "parameters" : document === this.loaded.rootDocument ? "" : stripFragment(document.uri);
        if (typeof type === "string") siteTypes[apiSiteKey(file, site.location.pointer)] = type;
      }
      api = { operations: openapi.input.operations, webhooks: openapi.input.webhooks, securitySchemes: openapi.input.securitySchemes, servers: openapi.input.servers, siteTypes };
    } else {
      const rootLocation: SchemaLocation = { document: this.loaded.rootDocument, pointer: "" };
      rootName = rootType = this.name(root, this.rootNameHint(root), rootLocation, true);
    }
    // Every definition of the root document becomes a named type, referenced or not: users import them.
    if (!openapi && isJsonObject(root)) {
      for (const keyword of ["$defs", "definitions"] as const) {
        const defs = root[keyword];
        if (this.ignoredByDialect.get(this.dialect)!.has(keyword) || !isJsonObject(defs)) continue;
        for (const [key, schema] of Object.entries(defs)) {
          if (isJsonObject(schema)) this.name(schema, key, { document: this.loaded.rootDocument, pointer: `/${keyword}/${escapePointerToken(key)}` });
        }
      }
    }
    // A worklist (queue index, not shift(): a 2,000-long chain of references queues 2,000 types).
    for (let next = 0; next < this.queue.length; next++) {
      const pending = this.queue[next]!;
      this.hoistBase = pending.hoistedFrom ?? pending.name;
      // A view's nodes carry its source's place: a guard's error names what a user can open.
      const schemaPath = this.viewSourcePath(pending.origin) ?? pending.origin;
      this.types.push({ name: pending.name, origin: pending.origin, schema: this.schema(pending.schema, schemaPath, pending.location) });
    }
    const { types, collisions } = foldDuplicateTypes(this.types, this.allocator.collisions, (name) => this.desired.get(name));
    const collision = collisions[0];
    if (collision && this.options.nameCollisions === "error") {
      this.fail("nameCollision", `${collisionText(collision)}; rename one of them (without --name-collisions error it would be "${collision.name}")`, collision.origin);
    }
    for (const finding of runNodeChecks<{ schemaPath: string; text: string }>(types, [closedAllOfFindings(types), contradictoryBounds()])) this.warnAt(finding.schemaPath, finding.text);
    const cycle = findInPlaceCycle(types);
    if (cycle) {
      const origins = cycle.map((name) => types.find((t) => t.name === name)!.origin);
      this.fail("invalidSchema", `reference cycle ${origins.join(" → ")} never descends into the value: validating it would loop forever`, origins[0]!);
    }
    const loaded = this.loaded;
    return {
      rootName,
      ...(rootType !== undefined && { rootType }),
      types,
      // The hash read when needed (a getter): see LoadedSchema.hash.
      source: {
        file: this.loaded.rootDocument.displayName,
        get hash() {
          return loaded.hash;
        },
        dialect: this.dialect,
      },
      // One line each, naming the file and both JSON pointers (the CLI prints them to stderr).
      // Once each: a view's finding names its source's place (viewSource), where the source's own is said.
      warnings: [...collisions.map((c) => `${this.where(c.origin)}: ${collisionText(c)}; using "${c.name}"`), ...new Set(this.readWarnings)],
      ...(api && { api }),
    };
  }

  private rootNameHint(root: unknown): string {
    if (this.options.rootName) return this.options.rootName;
    if (isJsonObject(root) && typeof root.title === "string" && root.title.trim()) return root.title;
    const base = path.basename(this.loaded.rootDocument.displayName).replace(/(\.schema)?\.(json|ya?ml)$/i, "");
    return base || "Root";
  }

  /** The name of a schema object that gets its own type, allocating it (and queueing it) on first sight. */
  private name(schema: unknown, hint: string, location: SchemaLocation | undefined, isRoot = false): string {
    const key = isJsonObject(schema) ? schema : undefined;
    const known = key && this.names.get(key);
    if (known) return known;
    const origin = this.pathOf(location);
    const name = this.allocator.allocate(hint, origin, isRoot);
    this.desired.set(name, hint);
    if (key) this.names.set(key, name);
    this.queue.push({ name, schema, origin, location });
    return name;
  }

  /**
   * A named site's type. A component that is only a `$ref` to another file's schema (a split
   * document: `Pet: {$ref: ./pet.yaml}`, every component so) gives its name to that schema: one type
   * Pet, where the file's own name ("pet") took a second one and made Pet an alias of it (Pet = Pet2,
   * with a collision warning for each component). Unless another component named that schema first.
   */
  private nameSite(schema: unknown, name: string, location: SchemaLocation): string {
    const alias =
      location.document === this.loaded.rootDocument &&
      location.pointer.startsWith("/components/schemas/") &&
      isJsonObject(schema) &&
      Object.keys(schema).length === 1 &&
      typeof schema.$ref === "string" &&
      !schema.$ref.startsWith("#") &&
      !this.names.has(schema);
    if (alias) {
      const resolved = this.loaded.registry.resolve(schema.$ref as string, schema);
      if (isJsonObject(resolved.target) && resolved.location !== undefined && resolved.location.document !== location.document && !this.names.has(resolved.target)) {
        const named = this.name(resolved.target, name, resolved.location);
        this.names.set(schema, named);
        return named;
      }
    }
    return this.name(schema, name, location);
  }

  private pathOf(location: SchemaLocation | undefined): string {
    if (!location) return "#";
    return `${sourceNameOf(location.document, this.loaded.rootDocument)}#${location.pointer}`;
  }

  private fail(code: "invalidSchema" | "unsupportedKeyword" | "nameCollision", message: string, schemaPath: string): never {
    throw new CodegenError(code, message, this.locate(schemaPath));
  }

  /** "#/$defs/a" (root document) or "other.json#/$defs/a" → its file, as messages name it, and pointer. */
  private locate(schemaPath: string): { file: string; pointer: string } {
    const hash = schemaPath.indexOf("#");
    const root = this.loaded.rootDocument;
    const file = hash > 0 ? schemaPath.slice(0, hash) : undefined;
    const document = file === undefined ? root : this.loaded.registry.documents.find((d) => sourceNameOf(d, root) === file);
    return this.viewSource(document, schemaPath.slice(hash + 1)) ?? { file: document?.displayName ?? displayFileOf(file!, root.displayName), pointer: this.baseSource(document, schemaPath.slice(hash)) };
  }

  /** A place in a base that allof-discriminator.ts made ("#/components/schemas/PetBase/...") as the same place in its source (Pet), which a user can open. */
  private baseSource(document: SchemaDocument | undefined, pointer: string): string {
    const made = this.loaded.openapi?.input.madeBases;
    const base = made && made.size > 0 && document === this.loaded.rootDocument ? /^#\/components\/schemas\/([^/]*)(.*)$/.exec(pointer) : null;
    const source = base && made!.get(unescapePointerToken(base[1]!));
    return source === undefined || source === null ? pointer : `#/components/schemas/${escapePointerToken(source)}${base![2]}`;
  }

  /**
   * A place in an OpenAPI request or response view (PetRequest, among the made schemas of the
   * parameters' document) as the same place in the schema it was made from (`#/components/schemas/Pet/...`):
   * the place a user can open. Undefined elsewhere.
   */
  private viewSource(document: SchemaDocument | undefined, pointer: string): { file: string; pointer: string } | undefined {
    const openapi = this.loaded.openapi;
    if (openapi === undefined || document !== openapi.parametersDocument) return undefined;
    const view = /^\/\$defs\/([^/]*)(.*)$/.exec(pointer);
    const origin = view && openapi.viewOrigins.get(unescapePointerToken(view[1]!));
    if (!origin) return undefined;
    const source = origin.document === undefined ? this.loaded.rootDocument : this.loaded.registry.documents.find((d) => stripFragment(d.uri) === origin.document);
    return { file: source?.displayName ?? origin.document!, pointer: `#${origin.pointer}${view[2]}` };
  }

  /**
   * The schema path, as generated code names it, of the schema an OpenAPI request or response view
   * was made from (`PetRequest` → `#/components/schemas/Pet`; an inline body's or parameter's own
   * place), for a type whose origin is that view (`api.yaml (parameters)#/$defs/PetRequest`), a
   * document held only in memory. A view keeps the places of what it keeps, so each of its
   * subschemas' paths is that subschema's path in its source. Undefined for every other origin.
   */
  private viewSourcePath(origin: string): string | undefined {
    const openapi = this.loaded.openapi;
    if (openapi === undefined) return undefined;
    const root = this.loaded.rootDocument;
    const prefix = `${sourceNameOf(openapi.parametersDocument, root)}#/$defs/`;
    if (!origin.startsWith(prefix) || origin.indexOf("/", prefix.length) !== -1) return undefined;
    const source = openapi.viewOrigins.get(unescapePointerToken(origin.slice(prefix.length)));
    if (!source) return undefined;
    const document = source.document === undefined ? root : this.loaded.registry.documents.find((d) => stripFragment(d.uri) === source.document);
    return document && `${sourceNameOf(document, root)}#${source.pointer}`;
  }

  /** `file#/pointer`, as errors show a place (the pointer percent-encoded: `{id}` → `%7Bid%7D`). */
  private where(schemaPath: string): string {
    const { file, pointer } = this.locate(schemaPath);
    return `${file}${pointerFragment(pointer)}`;
  }

  /** One subschema → IR. `schemaPath` is where it is ("#/$defs/TrackEvent/properties/type"). */
  private schema(schema: unknown, schemaPath: string, location?: SchemaLocation): IrSchema {
    if (typeof schema === "boolean") return schema;
    if (!isJsonObject(schema)) this.fail("invalidSchema", `a schema must be an object or a boolean, got ${describe(schema)}`, schemaPath);
    // A named type is read by the rules of the document it sits in; its subschemas inherit them.
    const own = this.ownDialect(schema, schemaPath);
    if (!location && own === undefined) return new NodeReader(this, schema, schemaPath, location).read();
    this.reading.push(own ?? this.loaded.registry.dialectOf(location!.document));
    if (location) this.vocabularyIgnored.push(this.loaded.registry.vocabularyIgnored(location.document));
    try {
      return new NodeReader(this, schema, schemaPath, location).read();
    } finally {
      this.reading.pop();
      if (location) this.vocabularyIgnored.pop();
    }
  }

  /**
   * The dialect an OpenAPI 3.1 Schema Object names in its own `$schema`, which the specification
   * says MUST be used for it and its subschemas, over `jsonSchemaDialect` (ReadMe's
   * schema-validation-local: a draft-04 `exclusiveMinimum: true` beside 2020-12 ones; and the
   * reverse under a draft-04 `jsonSchemaDialect`). Undefined elsewhere: a JSON Schema's dialect is
   * its document's, and 3.0 has no `$schema` in its Schema Object.
   */
  private ownDialect(schema: JsonObject, schemaPath: string): Dialect | undefined {
    if (schema.$schema === undefined || this.loaded.openapi?.input.version !== "3.1") return undefined;
    if (isOasDialect(schema.$schema)) return "2020-12";
    try {
      return detectDialect({ $schema: schema.$schema }, undefined);
    } catch (error) {
      if (!(error instanceof CodegenError)) throw error;
      this.fail(error.code === "unsupportedKeyword" ? "unsupportedKeyword" : "invalidSchema", error.message, `${schemaPath}/$schema`);
    }
  }

  /** Called by NodeReader for `$ref`. */
  refName(schema: JsonObject, ref: string, schemaPath: string): string | boolean {
    const resolved = this.loaded.registry.resolve(ref, schema);
    if (typeof resolved.target === "boolean") return resolved.target;
    if (!isJsonObject(resolved.target)) {
      this.fail("invalidSchema", `$ref "${ref}" points to ${describe(resolved.target)}, not a schema`, `${schemaPath}/$ref`);
    }
    return this.name(resolved.target, referenceNameHint(resolved.target, resolved.uri, resolved.location?.pointer ?? "", schemaPath), resolved.location);
  }

  /**
   * Called by NodeReader for `$dynamicRef`/`$recursiveRef`: the static target's name, and the anchor
   * to look up in the dynamic scope when that target declares it (else the reference is a `$ref`).
   */
  dynamicRefTarget(schema: JsonObject, keyword: "$dynamicRef" | "$recursiveRef", ref: string, schemaPath: string): boolean | { name: string; anchor?: string } {
    const resolved = this.loaded.registry.resolve(ref, schema, keyword);
    const target = resolved.target;
    if (typeof target === "boolean") return target;
    if (!isJsonObject(target)) this.fail("invalidSchema", `${keyword} "${ref}" points to ${describe(target)}, not a schema`, `${schemaPath}/${keyword}`);
    const name = this.name(target, referenceNameHint(target, resolved.uri, resolved.location?.pointer ?? "", schemaPath), resolved.location);
    if (keyword === "$recursiveRef") return { name, anchor: target.$recursiveAnchor === true ? RECURSIVE_ANCHOR : undefined };
    // Dynamic only when the fragment is a plain name that the static target declares as `$dynamicAnchor`.
    const hash = resolved.uri.indexOf("#");
    const fragment = hash < 0 ? "" : safeDecode(resolved.uri.slice(hash + 1));
    const dynamic = fragment !== "" && !fragment.startsWith("/") && target.$dynamicAnchor === fragment;
    return { name, anchor: dynamic ? fragment : undefined };
  }

  /**
   * The dynamic anchors a subschema brings into the dynamic scope: those of its schema resource when
   * it is a resource's root (`$id`) or a named type (entered through a reference), and only anchors
   * that some dynamic reference looks up. Each anchor's schema becomes a named type.
   */
  dynamicScope(schema: JsonObject, entered: boolean): { anchor: string; type: string }[] | undefined {
    const registry = this.loaded.registry;
    const wanted = registry.dynamicAnchorNames();
    if (wanted.size === 0) return undefined;
    const modern = this.currentDialect === "2020-12" || this.currentDialect === "2019-09";
    if (!modern || (!entered && typeof schema.$id !== "string")) return undefined;
    const scope: { anchor: string; type: string }[] = [];
    for (const [anchor, target] of registry.dynamicAnchorsOf(schema)) {
      if (!wanted.has(anchor)) continue;
      const location = registry.location(target);
      scope.push({ anchor, type: this.name(target, referenceNameHint(target, registry.baseUri(target) ?? "", location?.pointer ?? "", this.pathOf(location)), location) });
    }
    return scope.length > 0 ? scope : undefined;
  }

  /** A subschema of the node being read: inline, or past MAX_INLINE_DEPTH a reference to a hoisted named type. */
  child(schema: unknown, schemaPath: string): IrSchema {
    const location = isJsonObject(schema) ? this.loaded.registry.location(schema) : undefined;
    if (this.depth >= MAX_INLINE_DEPTH && isJsonObject(schema) && location) return this.hoist(schema, schemaPath, location);
    this.depth++;
    try {
      return this.schema(schema, schemaPath);
    } finally {
      this.depth--;
    }
  }

  /** `schema` as a named type of its own ("<base>_<n>", queued like a `$ref` target), and a node referencing it. */
  private hoist(schema: JsonObject, schemaPath: string, location: SchemaLocation): IrNode {
    let name = this.names.get(schema);
    if (name === undefined) {
      name = this.allocator.allocateHoisted(this.hoistBase, schemaPath);
      this.names.set(schema, name);
      this.queue.push({ name, schema, origin: schemaPath, location, hoistedFrom: this.hoistBase });
    }
    return { schemaPath, ref: name, annotations: {} };
  }

  /** What reading the schemas noticed (a discriminator left out, a pattern rewritten): one line each, naming its place. */
  private readonly readWarnings: string[] = [];

  /** One warning about the keyword at `schemaPath`. */
  warnAt(schemaPath: string, text: string): void {
    this.readWarnings.push(`${this.where(schemaPath)}: ${text}`);
  }

  /** OpenAPI's `discriminator` of `schema`, each tag with the named type it picks; undefined in a JSON Schema input, or with no tag. */
  discriminator(schema: JsonObject, schemaPath: string): Omit<IrDiscriminator, "keyword"> | undefined {
    const openapi = this.loaded.openapi;
    if (!openapi) return undefined;
    const table = readDiscriminator(schema, `#${this.loaded.registry.location(schema)?.pointer ?? ""}`, openapi.input.document);
    if (!table || table.branches.length === 0) return undefined;
    const branches: IrDiscriminator["branches"] = [];
    for (const { tag, ref } of table.branches) {
      let type: string | boolean;
      try {
        type = this.refName(schema, ref, `${schemaPath}/discriminator`);
      } catch (error) {
        if (!(error instanceof CodegenError) || error.code !== "unresolvedRef") throw error;
        // The mapping is a hint over the value's own schema (its oneOf/anyOf still checks it): a
        // target that does not resolve (a file left out when the document was bundled) makes the
        // discriminator unusable, not the document invalid.
        this.warnAt(`${schemaPath}/discriminator/mapping`, `"${tag}" maps to "${ref}", which does not resolve; the discriminator is ignored (the schema is checked as written)`);
        return undefined;
      }
      if (typeof type === "boolean") this.fail("invalidSchema", `discriminator mapping "${tag}" points to a boolean schema, not an object schema`, `${schemaPath}/discriminator/mapping`);
      branches.push({ tag, type });
    }
    return { propertyName: table.propertyName, branches };
  }


  isIgnored(keyword: string): boolean {
    return this.ignoredByDialect.get(this.currentDialect)!.has(keyword) || (this.vocabularyIgnored[this.vocabularyIgnored.length - 1]?.has(keyword) ?? false);
  }

  get currentDialect(): Dialect {
    return this.reading[this.reading.length - 1] ?? this.dialect;
  }

  failAt(code: "invalidSchema" | "unsupportedKeyword", message: string, schemaPath: string): never {
    this.fail(code, message, schemaPath);
  }
}

/** `name collision: "user_id" becomes "UserId", taken by #/$defs/UserId`: what collided, and with what. */
function collisionText(c: NameCollision): string {
  return `name collision: "${c.desired}"${c.desired === c.base ? "" : ` becomes "${c.base}"`}, ${c.reason}`;
}

/** `info.title` of an OpenAPI document, when it has one. */
function openApiTitle(document: JsonObject): string | undefined {
  const title = isJsonObject(document.info) ? document.info.title : undefined;
  return typeof title === "string" && title.trim() ? title : undefined;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  // The string itself, as config.ts says it: `type: "text"` or a list's "int" is found at once.
  if (typeof value === "string") return value.length <= 40 ? JSON.stringify(value) : "a string";
  // "an object", not "a object": codat.io/accounting's `type` holding a schema is refused with this word.
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Reads one schema object keyword by keyword, checking each value's JSON type: each keyword module reads its own. */
class NodeReader implements KeywordReader {
  readonly node: IrNode;
  readonly dialect: Dialect;

  constructor(
    private readonly normalizer: Normalizer,
    readonly schema: JsonObject,
    private readonly schemaPath: string,
    /** Set for a named type's own schema (entered through a reference), not for inline subschemas. */
    private readonly location?: SchemaLocation,
  ) {
    this.node = { schemaPath, annotations: {} };
    this.dialect = normalizer.currentDialect;
  }

  get entered(): boolean {
    return this.location !== undefined;
  }

  read(): IrNode {
    for (const keyword of this.normalizer.readers) {
      if (keyword.read(this) === "stop") return this.node;
    }
    this.annotations();
    return this.node;
  }

  refName(ref: string): string | boolean {
    return this.normalizer.refName(this.schema, ref, this.schemaPath);
  }

  dynamicRefTarget(keyword: "$dynamicRef" | "$recursiveRef", ref: string): boolean | { name: string; anchor?: string } {
    return this.normalizer.dynamicRefTarget(this.schema, keyword, ref, this.schemaPath);
  }

  dynamicScope(): { anchor: string; type: string }[] | undefined {
    return this.normalizer.dynamicScope(this.schema, this.entered);
  }

  discriminator(): Omit<IrDiscriminator, "keyword"> | undefined {
    return this.normalizer.discriminator(this.schema, this.schemaPath);
  }

  has(keyword: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.schema, keyword) && !this.normalizer.isIgnored(keyword);
  }

  at(keyword: string): string {
    return `${this.schemaPath}/${keyword}`;
  }

  invalid(keyword: string, expected: string): never {
    // A path may go into a list too (`type/1`, a list's bad member).
    const value = keyword.split("/").reduce<unknown>((v, k) => (isJsonObject(v) ? v[unescapePointerToken(k)] : Array.isArray(v) ? v[Number(k)] : undefined), this.schema);
    this.normalizer.failAt("invalidSchema", `"${keyword.split("/")[0]}" must be ${expected}, got ${describe(value)}`, this.at(keyword));
  }

  sub(schema: unknown, ...tokens: string[]): IrSchema {
    return this.normalizer.child(schema, `${this.schemaPath}/${tokens.map(escapePointerToken).join("/")}`);
  }

  string(keyword: string): string {
    const value = this.schema[keyword];
    if (typeof value !== "string") this.invalid(keyword, "a string");
    return value;
  }

  boolean(keyword: string): boolean {
    const value = this.schema[keyword];
    if (typeof value !== "boolean") this.invalid(keyword, "a boolean");
    return value;
  }

  number(keyword: NumericKeyword): void {
    if (!this.has(keyword)) return;
    const value = this.schema[keyword];
    if (typeof value !== "number" || !Number.isFinite(value)) this.invalid(keyword, "a number");
    this.node[keyword] = value;
  }

  count(keyword: NumericKeyword): void {
    if (!this.has(keyword)) return;
    const value = this.schema[keyword];
    // 1.0 is an integer in JSON Schema; so is any float with no fractional part.
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) this.invalid(keyword, "a non-negative integer");
    this.node[keyword] = value;
  }

  warn(keyword: string, text: string): void {
    this.normalizer.warnAt(this.at(keyword), text);
  }

  regex(keyword: string, source: string): string {
    const compiled = compiledRegex(source);
    if (compiled?.translated) this.normalizer.warnAt(this.at(keyword), `regular expression ${JSON.stringify(source)} uses ${compiled.foreign?.join(" and ") ?? "syntax"}, which ECMA-262 does not have; checked as ${JSON.stringify(compiled.source)}`);
    if (compiled === undefined) {
      let message = "";
      try {
        new RegExp(source, "u");
      } catch (error) {
        message = (error as Error).message;
      }
      this.normalizer.failAt("invalidSchema", `regular expression ${JSON.stringify(source)} does not compile: ${message}`, this.at(keyword));
    }
    return source;
  }

  stringArray(keyword: string, value: unknown): string[] {
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) this.invalid(keyword, "an array of strings");
    return [...new Set(value as string[])];
  }

  schemaArray(keyword: string, nonEmpty = false): IrSchema[] {
    const value = this.schema[keyword];
    if (!Array.isArray(value) || (nonEmpty && value.length === 0)) this.invalid(keyword, nonEmpty ? "a non-empty array of schemas" : "an array of schemas");
    return value.map((item, i) => this.sub(item, keyword, String(i)));
  }

  objectEntries(keyword: string): [string, unknown][] {
    const value = this.schema[keyword];
    if (!isJsonObject(value)) this.invalid(keyword, "an object");
    return Object.entries(value);
  }

  schemaMap(keyword: string): [string, IrSchema][] {
    return this.objectEntries(keyword).map(([key, schema]) => [key, this.sub(schema, keyword, key)]);
  }

  private annotations(): void {
    const s = this.schema;
    const a = this.node.annotations;
    if (typeof s.title === "string") a.title = s.title;
    if (typeof s.description === "string") a.description = s.description;
    if (typeof s.$comment === "string") a.$comment = s.$comment;
    const examples: JsonValue[] = [];
    if (Array.isArray(s.examples)) examples.push(...(s.examples as JsonValue[]));
    if ("example" in s) examples.push(s.example as JsonValue);
    if (examples.length) a.examples = examples;
    if ("default" in s) a.default = { value: s.default as JsonValue };
    if (s.deprecated === true) a.deprecated = true;
    if (s.readOnly === true) a.readOnly = true;
    if (s.writeOnly === true) a.writeOnly = true;
    if (typeof s.contentMediaType === "string") a.contentMediaType = s.contentMediaType;
    if (typeof s.contentEncoding === "string") a.contentEncoding = s.contentEncoding;
  }
}
