import type { Dialect } from "./dialect";
import { CodegenError } from "../errors";
import { customMetaSchemaUri, detectDialect, idKeyword } from "./dialect";
import type { MetaSchemaRules } from "./vocabulary";
import { forEachSubschema, isJsonObject, toPointer, unescapePointerToken, type JsonObject } from "./keywords";

/** A document read from disk (or given in memory): what error messages name. */
export interface SchemaDocument {
  /** Absolute URI it was retrieved from (file:///..., http://...). */
  uri: string;
  /** How to name it in a message: the path as the user gave it, or relative to the working folder. */
  displayName: string;
  root: unknown;
  /**
   * How generated code names it (the schema paths in the guards' errors, the types' origins):
   * relative to the root document's folder, so that a package is the same byte for byte whichever
   * folder `generate` runs from and however the schema's path was spelled (load/source-names.ts).
   * Set by loadSchema; absent for the root document, whose paths have no file part ("#/$defs/a").
   */
  sourceName?: string;
  /**
   * Set for a document that is not itself a schema (an OpenAPI document): the JSON pointers of the
   * schemas in it ("/components/schemas/Pet"), indexed as roots. Absent: the root is the schema.
   */
  schemaPointers?: readonly string[];
}

/** Where a schema object sits: its document and the JSON pointer from that document's root. */
export interface SchemaLocation {
  document: SchemaDocument;
  pointer: string;
}

export interface ResolvedRef {
  target: unknown;
  /** Absolute URI of the target, for naming and cycle detection. */
  uri: string;
  location?: SchemaLocation;
}

/**
 * The index of every schema resource that `$ref` can reach: documents by retrieval URI, resources
 * by `$id`, `$anchor`s, and for every schema object its base URI and location. JSON Schema resolves
 * `$ref` against the base URI that `$id` sets, which a plain JSON-reference dereferencer does not know.
 */
export class SchemaRegistry {
  readonly documents: SchemaDocument[] = [];
  private readonly resources = new Map<string, unknown>();
  private readonly anchors = new Map<string, unknown>();
  private readonly baseOf = new WeakMap<object, string>();
  private readonly locationOf = new WeakMap<object, SchemaLocation>();
  private readonly dialects = new Map<SchemaDocument, Dialect>();
  /** Per schema resource (base URI): its `$dynamicAnchor`s (and 2019-09 `$recursiveAnchor`), name → schema. */
  private readonly dynamicAnchors = new Map<string, Map<string, JsonObject>>();

  /**
   * `dialect`: the root document's, and that of any document without a `$schema` of its own.
   * `metaSchemas`: the custom meta-schemas the loader read, by URI (see load/vocabulary.ts).
   */
  constructor(
    readonly dialect: Dialect,
    private readonly metaSchemas: ReadonlyMap<string, MetaSchemaRules> = new Map(),
  ) {}

  /** Keywords that a document's custom meta-schema leaves out with its vocabulary (see load/vocabulary.ts). */
  vocabularyIgnored(document: SchemaDocument): ReadonlySet<string> {
    const uri = customMetaSchemaUri(document.root);
    return (uri !== undefined && this.metaSchemas.get(uri)?.ignored) || NOTHING_IGNORED;
  }

  /** The dialect a document is read by: its own `$schema`, else the root's. */
  dialectOf(document: SchemaDocument): Dialect {
    return this.dialects.get(document) ?? this.dialect;
  }

  /**
   * A reference may target an object that no schema lists as a subschema: a schema an OpenAPI
   * document (or a file of its parameters or responses) does not list, `{"$ref": "#/schemas/Envelope"}`
   * in a responses file; or one under a keyword JSON Schema does not know, `{"$ref": "#/x/A"}`, or
   * under a plain file's own key (`schemas.yaml#/Base`). Each such target is indexed as one more
   * schema of its document, with the base URI of the resource it is in, so its own references
   * resolve and are loaded (a `$ref: "#/Base"` in schemas.yaml is schemas.yaml's). Returns how many
   * were added (the loader repeats until none).
   */
  indexReferenceTargets(): number {
    let added = 0;
    // The documents by URI, once a call, not once per reference and document.
    const byUri = new Map<string, SchemaDocument>();
    for (const d of this.documents) if (!byUri.has(stripFragment(d.uri))) byUri.set(stripFragment(d.uri), d);
    for (const { uri } of this.references()) {
      // A reference settled in an earlier round (its target indexed, or not a schema) is not followed again:
      // each round goes over every reference of the documents, thousands on a large one.
      if (this.referencesSettled.has(uri)) continue;
      const hash = uri.indexOf("#");
      const raw = hash < 0 ? "" : uri.slice(hash + 1);
      const fragment = safeDecode(raw);
      if (fragment !== "" && !fragment.startsWith("/")) continue;
      const resourceUri = stripFragment(uri);
      const resource = this.resources.get(resourceUri);
      if (resource === undefined) continue;
      const target = followPointer(resource, raw);
      this.referencesSettled.add(uri);
      if (!isJsonObject(target) || this.locationOf.has(target)) continue;
      // Where the resource is: a document's root, or a schema with an `$id` inside one.
      const at = isJsonObject(resource) ? this.locationOf.get(resource) : undefined;
      const document = at?.document ?? byUri.get(resourceUri);
      if (!document) continue;
      const pointer = `${at?.pointer ?? ""}${fragment}`;
      // Added to in place (a copy per target made this quadratic in the targets).
      const roots = this.referencedRoots.get(document);
      if (roots) roots.push({ schema: target, pointer });
      else this.referencedRoots.set(document, [{ schema: target, pointer }]);
      this.index(target, resourceUri, document, pointer);
      added++;
    }
    return added;
  }

  /** References whose target {@link indexReferenceTargets} has followed: the same URI in the same documents finds the same target. */
  private readonly referencesSettled = new Set<string>();

  /** The schemas indexed by {@link indexReferenceTargets}, per document. */
  private readonly referencedRoots = new Map<SchemaDocument, { schema: unknown; pointer: string }[]>();

  hasResource(uri: string): boolean {
    return this.resources.has(stripFragment(uri));
  }

  /** Indexes a document and every subschema in it. */
  addDocument(document: SchemaDocument): void {
    this.documents.push(document);
    this.referencesFound = undefined;
    // Each document by its own `$schema` (a 2020-12 schema may reference a draft-04 file).
    this.dialects.set(document, detectDialect(document.root, document.displayName, this.dialect, this.metaSchemas));
    this.dynamicNames = undefined;
    this.resources.set(stripFragment(document.uri), document.root);
    for (const { schema, pointer } of schemaRoots(document)) this.index(schema, stripFragment(document.uri), document, pointer);
  }

  location(schema: object): SchemaLocation | undefined {
    return this.locationOf.get(schema);
  }

  baseUri(schema: object): string | undefined {
    return this.baseOf.get(schema);
  }

  /**
   * Every `$ref` (and `$dynamicRef`, `$recursiveRef`) in every indexed schema, with its absolute
   * target URI. Kept until something more is indexed: the loader asks twice a round (targets to
   * index, then documents to read), and each time is a walk of every schema (stripe's: 3,000 refs).
   */
  references(): readonly { uri: string; from: SchemaLocation }[] {
    return (this.referencesFound ??= this.findReferences());
  }
  private referencesFound: readonly { uri: string; from: SchemaLocation }[] | undefined;

  private findReferences(): { uri: string; from: SchemaLocation }[] {
    const found: { uri: string; from: SchemaLocation }[] = [];
    for (const document of this.documents) {
      const keywords = referenceKeywords(this.dialectOf(document));
      this.walkDocument(document, (schema) => {
        for (const keyword of keywords) {
          const ref = schema[keyword];
          if (typeof ref !== "string") continue;
          const base = this.baseOf.get(schema)!;
          const from = this.locationOf.get(schema)!;
          found.push({ uri: this.absolute(ref, base, from), from });
        }
      });
    }
    return found;
  }

  /**
   * The anchor names that some `$dynamicRef` may look up in the dynamic scope (the fragment of
   * each one; {@link RECURSIVE_ANCHOR} for a 2019-09 `$recursiveRef`). Empty: nothing is dynamic.
   */
  dynamicAnchorNames(): ReadonlySet<string> {
    if (this.dynamicNames) return this.dynamicNames;
    const names = new Set<string>();
    for (const document of this.documents) {
      const dialect = this.dialectOf(document);
      this.walkDocument(document, (schema) => {
        if (dialect === "2020-12" && typeof schema.$dynamicRef === "string") {
          const hash = schema.$dynamicRef.indexOf("#");
          if (hash >= 0) names.add(safeDecode(schema.$dynamicRef.slice(hash + 1)));
        }
        if (dialect === "2019-09" && typeof schema.$recursiveRef === "string") names.add(RECURSIVE_ANCHOR);
      });
    }
    return (this.dynamicNames = names);
  }
  private dynamicNames: Set<string> | undefined;

  /** The `$dynamicAnchor`s declared in the schema resource `schema` belongs to (not in resources nested in it). */
  dynamicAnchorsOf(schema: object): ReadonlyMap<string, JsonObject> {
    return this.dynamicAnchors.get(this.baseOf.get(schema) ?? "") ?? new Map();
  }

  /** Resolves the `$ref` written in `schema` (absolute or relative to its base URI). */
  resolve(ref: string, schema: object, keyword: "$ref" | "$dynamicRef" | "$recursiveRef" = "$ref"): ResolvedRef {
    const base = this.baseOf.get(schema) ?? "";
    const from = this.locationOf.get(schema);
    const uri = this.absolute(ref, base, from);
    const target = this.lookup(uri);
    if (target === undefined) {
      throw new CodegenError("unresolvedRef", `${keyword} "${ref}" does not resolve (looked for ${uri})`, {
        file: from?.document.displayName,
        pointer: from ? `#${from.pointer}/${keyword}` : undefined,
      });
    }
    return { target, uri, location: isJsonObject(target) ? this.locationOf.get(target) : undefined };
  }

  /** Looks up an absolute URI: a resource, a resource plus JSON pointer, or an anchor. */
  lookup(uri: string): unknown {
    const hash = uri.indexOf("#");
    const resourceUri = hash < 0 ? uri : uri.slice(0, hash);
    const fragment = hash < 0 ? "" : uri.slice(hash + 1);
    if (fragment === "" || fragment.startsWith("/")) {
      const resource = this.resources.get(resourceUri);
      if (resource === undefined) return undefined;
      return followPointer(resource, fragment) ?? this.followThroughRefs(resource, fragment, resourceUri);
    }
    return this.anchors.get(`${resourceUri}#${decodeURIComponent(fragment)}`);
  }

  /**
   * A pointer written through a `$ref` ("#/paths/~1a/get/responses/200/content/application~1json/schema/properties/b"
   * where `schema` is a `$ref` to a component): not JSON Schema, but real documents (and
   * dereferencing tools that make them) write it. Tried only when the plain pointer leads nowhere.
   */
  private followThroughRefs(resource: unknown, fragment: string, resourceUri: string, depth = 0): unknown {
    if (depth > 32) return undefined;
    let node = resource;
    const tokens = fragment.slice(1).split("/");
    for (let i = 0; i < tokens.length; i++) {
      const next = followPointer(node, `/${tokens[i]!}`);
      if (next !== undefined) {
        node = next;
        continue;
      }
      if (!isJsonObject(node) || typeof node.$ref !== "string") return undefined;
      let uri: string;
      try {
        uri = new URL(node.$ref, this.baseOf.get(node) ?? resourceUri).href;
      } catch {
        return undefined;
      }
      const hash = uri.indexOf("#");
      const target = this.resources.get(hash < 0 ? uri : uri.slice(0, hash));
      const targetFragment = hash < 0 ? "" : uri.slice(hash + 1);
      if (target === undefined || (targetFragment !== "" && !targetFragment.startsWith("/"))) return undefined;
      const rest = `${targetFragment}/${tokens.slice(i).join("/")}`;
      return this.followThroughRefs(target, rest, hash < 0 ? uri : uri.slice(0, hash), depth + 1);
    }
    return node;
  }

  absolute(ref: string, base: string, from?: SchemaLocation): string {
    try {
      const url = new URL(ref, base);
      return url.href;
    } catch {
      if (ref.startsWith("#")) return stripFragment(base) + ref;
      throw new CodegenError("unresolvedRef", `$ref "${ref}" is not a valid URI reference against base "${base}"`, {
        file: from?.document.displayName,
        pointer: from ? `#${from.pointer}/$ref` : undefined,
      });
    }
  }

  /** Indexes `root` and its subschemas in document order; a worklist, since schemas nest as deep as JSON does. */
  private index(root: unknown, rootBase: string, document: SchemaDocument, rootPointer: string): void {
    this.referencesFound = undefined;
    const stack: { schema: unknown; base: string; pointer: string }[] = [{ schema: root, base: rootBase, pointer: rootPointer }];
    for (let item = stack.pop(); item; item = stack.pop()) {
      const { schema, base, pointer } = item;
      if (!isJsonObject(schema)) continue;
      const ownBase = this.indexOne(schema, base, document, pointer);
      const children: typeof stack = [];
      forEachSubschema(schema, (child, childTokens) => children.push({ schema: child, base: ownBase, pointer: pointer + toPointer(childTokens) }));
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }

  /** Records one schema object's `$id`, anchors, base URI and location; returns its base URI. */
  private indexOne(schema: JsonObject, base: string, document: SchemaDocument, pointer: string): string {
    let ownBase = base;
    const dialect = this.dialectOf(document);
    const id = schema[idKeyword(dialect)];
    // Before 2019-09, `$ref` overrides its siblings, `$id` included.
    const idIgnored = (dialect === "draft-07" || dialect === "draft-06" || dialect === "draft-04") && "$ref" in schema;
    if (typeof id === "string" && !idIgnored) {
      if (id.startsWith("#") && dialect !== "2020-12" && dialect !== "2019-09") {
        // draft-07 and older: "$id": "#foo" is a plain-name anchor.
        this.anchors.set(`${stripFragment(base)}#${id.slice(1)}`, schema);
      } else {
        try {
          ownBase = stripFragment(new URL(id, base).href);
          if (!this.resources.has(ownBase)) this.resources.set(ownBase, schema);
        } catch {
          // An id that is not a URI reference cannot be referenced: leave the base as it is.
        }
      }
    }
    // `$anchor` exists from 2019-09 on, `$dynamicAnchor` in 2020-12; before, they are unknown keywords.
    const modern = dialect === "2020-12" || dialect === "2019-09";
    if (modern && typeof schema.$anchor === "string") this.anchors.set(`${ownBase}#${schema.$anchor}`, schema);
    if (dialect === "2020-12" && typeof schema.$dynamicAnchor === "string") {
      if (!this.anchors.has(`${ownBase}#${schema.$dynamicAnchor}`)) this.anchors.set(`${ownBase}#${schema.$dynamicAnchor}`, schema);
      this.addDynamicAnchor(ownBase, schema.$dynamicAnchor, schema);
    }
    // 2019-09: `$recursiveAnchor: true` counts only at the root of a resource.
    const resourceRoot = pointer === "" || ownBase !== base;
    if (dialect === "2019-09" && schema.$recursiveAnchor === true && resourceRoot) this.addDynamicAnchor(ownBase, RECURSIVE_ANCHOR, schema);
    this.baseOf.set(schema, ownBase);
    if (!this.locationOf.has(schema)) this.locationOf.set(schema, { document, pointer });
    return ownBase;
  }

  private addDynamicAnchor(resource: string, name: string, schema: JsonObject): void {
    let anchors = this.dynamicAnchors.get(resource);
    if (!anchors) this.dynamicAnchors.set(resource, (anchors = new Map()));
    if (!anchors.has(name)) anchors.set(name, schema);
  }

  private walkDocument(document: SchemaDocument, visit: (schema: JsonObject) => void): void {
    for (const { schema } of [...schemaRoots(document), ...(this.referencedRoots.get(document) ?? [])]) this.walk(schema, visit);
  }

  /** Calls `visit` on every schema object under `root`, parents first. */
  private walk(root: unknown, visit: (schema: JsonObject) => void): void {
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const schema = stack.pop();
      if (!isJsonObject(schema)) continue;
      visit(schema);
      const children: unknown[] = [];
      forEachSubschema(schema, (child) => children.push(child));
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
}

const NOTHING_IGNORED: ReadonlySet<string> = new Set();

/** The schemas of a document: its root, or (an OpenAPI document) those at its `schemaPointers`. */
function schemaRoots(document: SchemaDocument): readonly { schema: unknown; pointer: string }[] {
  if (document.schemaPointers === undefined) return [{ schema: document.root, pointer: "" }];
  // Followed once per document: it is indexed, walked and searched for references (an OpenAPI
  // document has a schema pointer per parameter, body and response).
  const known = rootsOf.get(document);
  if (known !== undefined && known.pointers === document.schemaPointers && known.root === document.root) return known.roots;
  const roots = document.schemaPointers.map((pointer) => ({ schema: followPointer(document.root, pointer), pointer }));
  rootsOf.set(document, { pointers: document.schemaPointers, root: document.root, roots });
  return roots;
}

const rootsOf = new WeakMap<SchemaDocument, { pointers: readonly string[]; root: unknown; roots: readonly { schema: unknown; pointer: string }[] }>();

/**
 * The dynamic anchor name a 2019-09 `$recursiveAnchor: true` declares (and `$recursiveRef` looks
 * up): `$recursiveRef` is `$dynamicRef` with one anonymous anchor. `$` cannot start an anchor name.
 */
export const RECURSIVE_ANCHOR = "$recursiveAnchor";

/** The keywords that reference another schema in a dialect (what the loader must fetch). */
function referenceKeywords(dialect: Dialect): readonly string[] {
  if (dialect === "2020-12") return ["$ref", "$dynamicRef"];
  if (dialect === "2019-09") return ["$ref", "$recursiveRef"];
  return ["$ref"];
}

/** A URI fragment, percent-decoded (as written when it does not decode). */
export function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export function stripFragment(uri: string): string {
  const hash = uri.indexOf("#");
  return hash < 0 ? uri : uri.slice(0, hash);
}

/** Follows an RFC 6901 pointer given as a URI fragment ("/a~1b/%25x"); undefined when it leads nowhere. */
export function followPointer(root: unknown, fragment: string): unknown {
  if (fragment === "") return root;
  let node = root;
  for (const raw of fragment.slice(1).split("/")) {
    // Most tokens hold neither an escape nor a `~`: decoded only when they do (this runs for every schema site of a document).
    let token = raw;
    if (token.includes("%")) {
      try {
        token = decodeURIComponent(token);
      } catch {
        return undefined;
      }
    }
    token = unescapePointerToken(token);
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (isJsonObject(node) && Object.prototype.hasOwnProperty.call(node, token)) {
      node = node[token];
    } else {
      return undefined;
    }
    if (node === undefined) return undefined;
  }
  return node;
}
