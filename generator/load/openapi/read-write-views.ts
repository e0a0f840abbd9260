/**
 * `readOnly`/`writeOnly` in requests and responses: a request body leaves out read-only properties
 * and a response body write-only ones (and neither is then `required` there, as OpenAPI says).
 * A schema needs a request (or response) view when it has such a property, directly or through a
 * schema it references; `view` builds the view of any schema (a component's, or an operation's
 * inline one), its references to affected schemas pointed at their views. Pure and iterative.
 *
 * The schemas that get views of their own are the components and the schemas of other files that
 * the document reaches (a split document: `components.schemas.Pet: {$ref: ./pet.yaml}`, whose
 * `owner` is `$ref: ./owner.yaml`), each known by where it is: "#/components/schemas/Pet", or
 * "<uri>#/..." in another file. A component that is only a `$ref` to another file is that file's
 * schema under the component's name: its view is the file schema's (PetRequest), not a second one.
 */
import { escapePointerToken, forEachSubschema, isJsonObject, type JsonObject } from "../keywords";
import { referenceNameHint, toPascalCase } from "../../ir/naming";
import { mapSchemaGraph } from "./map-schema-graph";
import { readDiscriminator } from "./discriminator";
import { localRefResolver, pointerTokens, type RefResolver } from "./document-refs";
import { componentSchemaName } from "./names";

export type AccessFlag = "readOnly" | "writeOnly";

/** A schema whose view differs from it. */
export interface ViewSource {
  /** The view's name among the made schemas: PetRequest, PetResponse. */
  name: string;
  /** The schema the view is made from. */
  schema: unknown;
  /** Where that schema is: "#/components/schemas/Pet", or "<uri>#/..." in another file. */
  pointer: string;
}

export interface ReadWriteViews {
  /** The properties this view leaves out. */
  flag: AccessFlag;
  /** The schemas whose view differs from them (directly, or through a reference), by where they are (ViewSource.pointer). */
  affected: ReadonlyMap<string, ViewSource>;
  /**
   * The view of a schema written at `at` ("#/..." or "<uri>#/...", against which its references
   * resolve): its `flag` properties left out (and out of `required`), each reference to an affected
   * schema replaced by `viewRef(viewName)`, every other reference by `rebase(ref, base)` (the view
   * lives in another document; `base`: the absolute URI a `$id` on the way sets, else undefined for
   * the schema's file; default: as written). A view is no resource of its own: its `$id`s and
   * `$anchor`s are left out (a copy would claim its source's URI). The input is not touched.
   */
  view(schema: unknown, at: string, viewRef: (viewName: string) => string, rebase?: (ref: string, base: string | undefined) => string): unknown;
  /** Whether a schema's view differs from it: it has a `flag` property, or references an affected schema. */
  differs(schema: unknown, at: string): boolean;
  /** The view's name of the schema that `ref`, written at `at`, reaches, when that schema is affected. */
  refView(ref: string, at: string): string | undefined;
}

/** The type name of a component's view: PetRequest (no readOnly properties), PetResponse (no writeOnly ones). */
export function viewSchemaName(component: string, flag: AccessFlag): string {
  return `${component}${flag === "readOnly" ? "Request" : "Response"}`;
}

const COMPONENTS = "#/components/schemas/";

/** The base URI of a document read from no file (its relative `$id`s resolve against it, and so do references under them). */
const DOCUMENT_BASE = "file:///openapi-document.json";

/**
 * The `flag` views of a document's schemas: "readOnly" for requests, "writeOnly" for responses.
 * `resolve` follows references into the other files read (default: within the document only).
 */
export function readWriteViews(document: JsonObject, flag: AccessFlag, resolve: RefResolver = localRefResolver(document), documentUri: string = DOCUMENT_BASE): ReadWriteViews {
  const components = isJsonObject(document.components) && isJsonObject(document.components.schemas) ? document.components.schemas : {};
  /** The schemas that may get a view, by place: the components, then the files' schemas they reach. */
  const schemas = new Map<string, { schema: unknown; name: string }>();
  /** A component that is only a `$ref` to another file's schema: that schema's place. */
  const aliases = new Map<string, string>();
  const componentKey = (name: string): string => COMPONENTS + name.replace(/~/g, "~0").replace(/\//g, "~1");
  for (const [name, schema] of Object.entries(components)) {
    const key = componentKey(name);
    const target = isJsonObject(schema) && Object.keys(schema).length === 1 && typeof schema.$ref === "string" && !schema.$ref.startsWith("#") ? resolve(schema.$ref, key) : undefined;
    if (target !== undefined && !target.pointer.startsWith("#") && !schemas.has(target.pointer)) {
      aliases.set(key, target.pointer);
      schemas.set(target.pointer, { schema: target.value, name });
    } else schemas.set(key, { schema, name });
  }
  /** The place of a pointer into the document: its component's (a component that is a `$ref` to a file: that file's schema), if it is one. */
  const componentPlace = (pointer: string): string | undefined => {
    const name = componentSchemaName(pointer);
    return name === undefined ? undefined : (aliases.get(componentKey(name)) ?? componentKey(name));
  };
  const placeOfTarget = (target: { value: unknown; pointer: string }): string | undefined => {
    if (target.pointer.startsWith("#")) return componentPlace(target.pointer);
    if (!schemas.has(target.pointer)) schemas.set(target.pointer, { schema: target.value, name: "" });
    return target.pointer;
  };
  /**
   * The schemas that are resources of their own (`$id`, and `$anchor`s), read the first time a
   * reference may need them (most documents have none, and are never walked for them).
   */
  let resources: SchemaResources | undefined;
  const fileBase = (at: string): string => (at.startsWith("#") ? documentUri : at.slice(0, Math.max(at.indexOf("#"), 0)));
  /**
   * The place a `$ref` written at `at` reaches, when it is a component or a schema in another file
   * (a place elsewhere in the document is read as written). `base`: the URI a `$id` on the way to
   * the reference set, against which it resolves (JSON Schema 2020-12: `$ref: money` under
   * `$id: https://example.com/schemas/order` is the schema whose `$id` is ".../money"), else
   * undefined: it resolves against its file. References within the document, most of them, are read
   * without the resolver.
   */
  const placeOf = (ref: string, at: string, base?: string): string | undefined => {
    if (base === undefined && ref.startsWith("#") && at.startsWith("#")) return componentPlace(ref);
    // By `$id`: under one, or an absolute URI that one of the document's schemas may declare.
    if (base !== undefined || /^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      resources ??= schemaResources(schemas, fileBase);
      const target = resources.find(ref, base ?? fileBase(at));
      if (target !== undefined) return placeOfTarget(target);
      // Under a `$id`, a reference no schema of the document declares is to another resource, not a file beside the document.
      if (base !== undefined) return undefined;
    }
    const target = resolve(ref, at);
    return target === undefined ? undefined : placeOfTarget(target);
  };
  const isFlaggedRoot = (place: string | undefined): boolean => {
    const schema = place === undefined ? undefined : schemas.get(place)?.schema;
    return isJsonObject(schema) && schema[flag] === true;
  };
  /** The base URI within `schema` (written at `at`): the one its `$id` sets, else `inherited` (undefined: its file's). */
  const baseOf = (schema: JsonObject, inherited: string | undefined, at: string): string | undefined =>
    typeof schema.$id === "string" ? (resolveUri(schema.$id, inherited ?? fileBase(at)) ?? inherited) : inherited;
  /** A property schema marked `flag`, itself or by being a reference to a schema marked so at its root. `base`: as placeOf's, above the property. */
  const isFlagged = (property: unknown, at: string, base: string | undefined): boolean => {
    if (!isJsonObject(property)) return false;
    if (property[flag] === true) return true;
    return typeof property.$ref === "string" && isFlaggedRoot(placeOf(property.$ref, at, baseOf(property, base, at)));
  };
  /** Whether a schema has a `flag` property (not through references), and the places it references. */
  const scan = (schema: unknown, at: string): { flagged: boolean; references: Set<string> } => {
    const references = new Set<string>();
    let flagged = false;
    const stack = [schema];
    // The base URI each schema on the stack is under (bases[i] for stack[i]): undefined but under a `$id`.
    const bases: (string | undefined)[] = [undefined];
    while (stack.length > 0) {
      const next = stack.pop();
      const inherited = bases.pop();
      if (!isJsonObject(next)) continue;
      const base = baseOf(next, inherited, at);
      const place = typeof next.$ref === "string" ? placeOf(next.$ref, at, base) : undefined;
      if (place !== undefined) references.add(place);
      if (isJsonObject(next.properties)) {
        for (const property of Object.values(next.properties)) {
          if (isFlagged(property, at, base)) flagged = true;
        }
      }
      forEachSubschema(next, (child) => {
        stack.push(child);
        bases.push(base);
      });
    }
    return { flagged, references };
  };
  // Each schema scanned once, as it is found: the components and the files' schemas they reach
  // first, then those that an operation's own schema reaches (differs, view and refView ask).
  const affected = new Set<string>();
  const references = new Map<string, Set<string>>();
  const views = new Map<string, ViewSource>();
  // A view's name is one the document does not give a component: drf-spectacular's
  // COMPONENT_SPLIT_REQUEST writes AuthorRequest beside Author, and Author's request view, named
  // AuthorRequest too, took "AuthorRequest2" with a collision warning per model (an error under
  // --name-collisions error, for a name the document never wrote).
  const taken = new Set<string>(Object.keys(components));
  const update = (): void => {
    if (references.size === schemas.size) return;
    for (const [place, entry] of schemas) {
      if (references.has(place)) continue;
      const found = scan(entry.schema, place);
      if (found.flagged) affected.add(place);
      references.set(place, found.references);
    }
    // Whoever references an affected schema is affected: to a fixpoint.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [place, refs] of references) {
        if (!affected.has(place) && [...refs].some((ref) => affected.has(ref))) {
          affected.add(place);
          changed = true;
        }
      }
    }
    // The components' views named first (by their names), then the files' (by the name their type gets).
    const unnamed = [...affected].filter((place) => !views.has(place));
    for (const place of [...unnamed.filter((p) => p.startsWith("#")), ...unnamed.filter((p) => !p.startsWith("#"))]) {
      const entry = schemas.get(place)!;
      const base = viewSchemaName(entry.name || fileSchemaHint(entry.schema, place), flag);
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
      taken.add(name);
      views.set(place, { name, schema: entry.schema, pointer: place });
    }
  };
  update();
  return {
    flag,
    get affected() {
      update();
      return views;
    },
    view: (schema, at, viewRef, rebase = (ref) => ref) => {
      // What it references known first: an operation's schema may reach a file nothing else does.
      scan(schema, at);
      update();
      return viewOf(document, schema, at, (place) => views.get(place)?.name, (ref, base) => placeOf(ref, at, base), (source, base) => baseOf(source, base, at), (property, base) => isFlagged(property, at, base), viewRef, rebase);
    },
    differs: (schema, at) => {
      const found = scan(schema, at);
      update();
      return found.flagged || [...found.references].some((ref) => affected.has(ref));
    },
    refView: (ref, at) => {
      const place = placeOf(ref, at);
      update();
      return place === undefined ? undefined : views.get(place)?.name;
    },
  };
}

/** The name a schema of another file is known by (its type's, as the normalizer names a reference target). */
function fileSchemaHint(schema: unknown, place: string): string {
  const hash = place.indexOf("#");
  const pointer = place.slice(hash + 1);
  return toPascalCase(referenceNameHint(isJsonObject(schema) ? schema : {}, place, pointer, place)) || "Schema";
}

function viewOf(
  document: JsonObject,
  schema: unknown,
  at: string,
  viewName: (place: string) => string | undefined,
  placeOf: (ref: string, idBase: string | undefined) => string | undefined,
  idBaseOf: (source: JsonObject, inherited: string | undefined) => string | undefined,
  isFlagged: (property: unknown, idBase: string | undefined) => boolean,
  viewRef: (viewName: string) => string,
  rebase: (ref: string, base: string | undefined) => string,
): unknown {
  // The base URI of each schema met, where a `$id` above it (or its own) set one: as `rebase` writes
  // it (for the references the view keeps), and as placeOf resolves against it (its `$id`s absolute).
  const bases = new Map<object, { base: string | undefined; idBase: string | undefined }>();
  return mapSchemaGraph(schema, (source) => ({ ...source }), (source, copy, viewOfChild) => {
    const inherited = bases.get(source);
    const base = typeof source.$id === "string" ? rebase(source.$id, inherited?.base).replace(/#.*$/, "") : inherited?.base;
    const idBase = idBaseOf(source, inherited?.idBase);
    delete copy.$id;
    delete copy.$anchor;
    const target = (reference: string): string => {
      const place = placeOf(reference, idBase);
      const name = place === undefined ? undefined : viewName(place);
      return name !== undefined ? viewRef(name) : rebase(reference, base);
    };
    if (typeof source.$ref === "string") copy.$ref = target(source.$ref);
    // A discriminator's tags, written out as a mapping to the branches as the view references them:
    // an implicit tag (a branch's component name) would be lost with a view's name, and a mapping's
    // target is a reference like any other (rebased, or the branch's view). An inline alternative is
    // in the view's own oneOf, where it is read again (by the tag it pins, or the discriminator unused).
    const table = isJsonObject(source.discriminator) ? readDiscriminator(source, "", document) : undefined;
    if (table && table.branches.length > 0) {
      copy.discriminator = { ...(source.discriminator as JsonObject), mapping: Object.fromEntries(table.branches.filter((b) => !b.inline).map((b) => [String(b.tag), target(b.ref)])) };
    }
    if (isJsonObject(source.properties)) {
      const removed = Object.keys(source.properties).filter((name) => isFlagged((source.properties as JsonObject)[name], idBase));
      if (removed.length > 0 && Array.isArray(source.required)) copy.required = source.required.filter((name) => !removed.includes(name as string));
      copy.properties = Object.fromEntries(Object.entries(source.properties).filter(([name]) => !removed.includes(name)));
    }
    // Each container of subschemas copied once, then its subschemas replaced by their views.
    forEachSubschema(copy, (_child, tokens) => {
      if (tokens.length === 2 && copy[tokens[0]!] === source[tokens[0]!]) {
        const container = copy[tokens[0]!];
        copy[tokens[0]!] = Array.isArray(container) ? [...container] : { ...(container as JsonObject) };
      }
    });
    forEachSubschema(copy, (child, tokens) => {
      if (isJsonObject(child) && !bases.has(child)) bases.set(child, { base, idBase });
      if (tokens.length === 1) copy[tokens[0]!] = viewOfChild(child);
      else (copy[tokens[0]!] as Record<string, unknown>)[tokens[1]!] = viewOfChild(child);
    });
  });
}

/** `uri` resolved against `base`, without its fragment; undefined when it is no URI reference. */
function resolveUri(uri: string, base: string): string | undefined {
  try {
    return new URL(uri, base).href.replace(/#.*$/, "");
  } catch {
    return undefined;
  }
}

/** The schemas that are resources (`$id`) and their `$anchor`s, by absolute URI. */
interface SchemaResources {
  /** The place (and schema) that `ref` reaches against `base`, when it is such a resource, an anchor in one, or a JSON pointer into one. */
  find(ref: string, base: string): { value: unknown; pointer: string } | undefined;
}

/**
 * The resources among `schemas` (by place: "#/components/schemas/X", "<uri>#/...") and the schemas
 * below them, each `$id` resolved against the one above it, or its file (`fileBase` of its place).
 */
function schemaResources(schemas: ReadonlyMap<string, { schema: unknown }>, fileBase: (place: string) => string): SchemaResources {
  const byUri = new Map<string, { value: unknown; pointer: string }>();
  const stack: { value: unknown; pointer: string; base: string }[] = [...schemas].map(([place, { schema }]) => ({ value: schema, pointer: place, base: fileBase(place) }));
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, pointer } = next;
    if (!isJsonObject(value)) continue;
    let base = next.base;
    if (typeof value.$id === "string") {
      base = resolveUri(value.$id, base) ?? base;
      if (!byUri.has(base)) byUri.set(base, { value, pointer });
    }
    if (typeof value.$anchor === "string" && !byUri.has(`${base}#${value.$anchor}`)) byUri.set(`${base}#${value.$anchor}`, { value, pointer });
    forEachSubschema(value, (child, tokens) => stack.push({ value: child, pointer: pointer + tokens.map((t) => "/" + escapePointerToken(t)).join(""), base }));
  }
  return {
    find(ref, base) {
      let absolute: string;
      try {
        absolute = new URL(ref, base).href;
      } catch {
        return undefined;
      }
      const hash = absolute.indexOf("#");
      const uri = hash < 0 ? absolute : absolute.slice(0, hash);
      const fragment = hash < 0 ? "#" : absolute.slice(hash);
      // An anchor ("#money"); else a JSON pointer into a resource, followed from it as the document's own are.
      if (pointerTokens(fragment) === undefined) return byUri.get(uri + fragment);
      const resource = byUri.get(uri);
      const found = resource && localRefResolver(resource.value)(fragment);
      return found && { value: found.value, pointer: resource!.pointer + found.pointer.slice(1) };
    },
  };
}
