import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Dialect } from "./dialect";
import { canonicalJson } from "./canonical-json";
import { CodegenError, isCodegenError } from "../errors";
import { displayPath, findPackageRoot } from "../paths";
import { customMetaSchemaUri, detectDialect, idKeyword } from "./dialect";
import { assertJsonSchema } from "./input-kind";
import { checkOpenApi, missingParts, missingSchemaFiles, officialSchemaError, readCheckedOpenApi, referencesOtherFiles, type OpenApiInput, type ReadOpenApiOptions } from "./openapi/read-openapi";
import { detectDocument, type OpenApiVersion } from "./openapi/detect";
import { checkOfficialSchema, type SchemaFinding } from "./openapi/official-schema";
import { openApiSchemas, type OpenApiSchemas, type SchemaSite } from "./openapi/schema-sites";
import { place } from "./openapi/document-refs";
import { fromFile30 } from "./openapi/document-30";
import { parseJson } from "./parse-json";
import { followPointer, SchemaRegistry, stripFragment, type SchemaDocument, type SchemaLocation } from "./registry";
import { escapePointerToken } from "./keywords";
import { metaSchemaRules, type MetaSchemaRules } from "./vocabulary";
import { noteInputText } from "../tier-up";
import { applyMergeKeys } from "./yaml-merge-keys";
import { nameSources } from "./source-names";

export interface LoadOptions {
  /** Folder that relative paths are resolved against; defaults to process.cwd(). */
  cwd?: string;
  /** Remote base URI prefix → local folder ("http://localhost:1234/" → "./remotes"). */
  resolve?: Record<string, string>;
  /** Fetch `http(s)` references that no `resolve` prefix maps. Off by default: no surprise network. */
  allowNetwork?: boolean;
  /** The dialect when the root has no `$schema`. */
  defaultDialect?: Dialect;
  /**
   * Checks an OpenAPI document against its official schema elsewhere, from its JSON text (the CLI's
   * worker thread: pipeline/generate.ts), while this thread reads the document on: the finding, as
   * official-schema.ts gives it. Asked for a root document of OFFICIAL_CHECK_ELSEWHERE_FROM_CHARS or more.
   */
  officialSchemaCheck?: (version: OpenApiVersion, text: string, file: string) => Promise<SchemaFinding | undefined>;
}

/**
 * From how many characters of JSON an OpenAPI document's official schema is checked elsewhere
 * (LoadOptions.officialSchemaCheck). That check is ~0.05 s of a 1–2.5 MB document's reading here
 * (netbox.dev, stripe, mist.com), which the other thread, idle until the model comes, does meanwhile
 * (parsing the text again first: ~0.02 s there). Below, it is a few milliseconds.
 */
export const OFFICIAL_CHECK_ELSEWHERE_FROM_CHARS = 256 * 1024;

export interface LoadedSchema {
  root: unknown;
  rootDocument: SchemaDocument;
  registry: SchemaRegistry;
  dialect: Dialect;
  /** sha256 of the canonical JSON of every document read (key order and whitespace do not count); computed when first read. */
  readonly hash: string;
  /** Set when the input is an OpenAPI document: the named types come from its schema sites, not a root and its `$defs`. */
  openapi?: LoadedOpenApi;
}

export interface LoadedOpenApi {
  input: OpenApiInput;
  /** Each site's schema is one of the registry's (in the document, or the parameters' own document). */
  sites: { schema: unknown; location: SchemaLocation; name?: string }[];
  /** The in-memory document of the parameter objects: no file to watch. */
  parametersDocument: SchemaDocument;
  /** Where each view in that document was made from (openapi/schema-sites.ts's OpenApiSchemas.viewOrigins). */
  viewOrigins: OpenApiSchemas["viewOrigins"];
}

/** Reads a schema (file path or object) and every document its `$ref`s reach, and indexes them. */
export async function loadSchema(input: string | object, options: LoadOptions = {}): Promise<LoadedSchema> {
  const cwd = options.cwd ?? process.cwd();
  const { read, officialCheck } = typeof input === "string" ? await readRootFile(input, cwd, options) : { read: inMemoryDocument(input, cwd), officialCheck: undefined };
  assertJsonSchema(read.root, read.displayName);
  const inDialect = dialectOfFiles(read.root);
  const { openapi, parts, schemaFiles } = await readOpenApiParts(read, options, cwd, inDialect, officialCheck);
  try {
    const loaded = await indexDocuments(read, { input: openapi?.read(), parts, schemaFiles }, options, cwd, inDialect);
    const refused = await openapi?.refusal?.();
    if (refused) throw refused;
    return loaded;
  } catch (error) {
    // Thrown after the semantic checks: the official schema's refusal, if any, comes first (see Refusal).
    throw (await openapi?.refusal?.()) ?? error;
  }
}

/** The rest of loadSchema: the documents the references reach, read and indexed. */
async function indexDocuments(
  read: SchemaDocument,
  { input: openapi, parts, schemaFiles }: { input?: OpenApiInput; parts: Map<string, SchemaDocument>; schemaFiles: Map<string, SchemaDocument> },
  options: LoadOptions,
  cwd: string,
  inDialect: (document: SchemaDocument) => SchemaDocument,
): Promise<LoadedSchema> {
  const schemas = openapi && openApiSchemas(openapi, stripFragment(read.uri));
  // An OpenAPI document is read with its 3.0 schemas converted, and only its schemas are indexed.
  const rootDocument: SchemaDocument = schemas ? { ...read, root: openapi!.document, schemaPointers: schemas.pointers } : read;
  // Where a file says (with its root `$id`) it lives on the web, its siblings live next to it on disk:
  // a relative `$ref` that resolves against that `$id` reads the sibling file, not the network.
  const idFolders: Record<string, string> = {};
  const metaSchemas = new Map<string, MetaSchemaRules>();
  // Custom meta-schemas read for their `$vocabulary`: not schemas of the model, but they shape it (hashed too).
  const metaDocuments: SchemaDocument[] = [];
  const readMeta = async (document: SchemaDocument): Promise<void> => {
    const meta = await readMetaSchema(document, metaSchemas, options, idFolders, cwd);
    if (meta) metaDocuments.push(meta);
  };
  await readMeta(rootDocument);
  const dialect = openapi?.dialect ?? detectDialect(rootDocument.root, rootDocument.displayName, options.defaultDialect, metaSchemas);
  const registry = new SchemaRegistry(dialect, metaSchemas);
  registry.addDocument(rootDocument);
  // The parameter objects (one per operation and location) live in a document of their own, in memory.
  const parametersDocument: SchemaDocument | undefined = schemas && { uri: `${stripFragment(read.uri)}.parameters`, displayName: `${read.displayName} (parameters)`, root: schemas.parameters };
  if (parametersDocument) registry.addDocument(parametersDocument);
  // The files of parameters, bodies, responses and path items: only their schemas are indexed.
  const partDocuments = [...parts].map(([uri, document]) => ({ ...document, schemaPointers: schemas?.partPointers.get(uri) ?? [] }));
  for (const document of partDocuments) registry.addDocument(document);

  const addDocument = async (document: SchemaDocument): Promise<void> => {
    await readMeta(document);
    registry.addDocument(document);
    Object.assign(idFolders, idFolderOf(document, registry.dialectOf(document)));
  };
  Object.assign(idFolders, idFolderOf(rootDocument, dialect));

  // Load what the references reach until nothing new is referenced. Local files go first: one of
  // them may declare (with `$id`) the remote-looking URI that another reference names.
  const nextDocuments = () => {
    while (registry.indexReferenceTargets() > 0);
    return missingDocuments(registry);
  };
  for (let pending = nextDocuments(); pending.length > 0; pending = nextDocuments()) {
    const local = pending.filter(({ uri }) => isLocal(uri, options, idFolders));
    for (const { uri, from } of local.length > 0 ? local : pending) {
      if (registry.hasResource(uri)) continue;
      const document = schemaFiles.get(uri) ?? inDialect(await readReferencedDocument(uri, options, idFolders, cwd, from.document.displayName, from.pointer));
      if (!registry.hasResource(uri)) await addDocument(document);
    }
  }

  nameSources(registry.documents, rootDocument, parametersDocument);
  // The parameters' document is made from the others (and names them by absolute URI): hashing it would make the hash depend on where the repository is.
  const hashed = [...registry.documents.filter((d) => d !== parametersDocument), ...metaDocuments];
  let hash: string | undefined;
  const loaded: LoadedSchema = {
    root: rootDocument.root,
    rootDocument,
    registry,
    dialect,
    // Hashed when first read (package.json, the release's snapshot), not here: the canonical JSON of
    // stripe's 2.5 MB document is ~0.05 s that no longer comes before the guards go to esbuild.
    get hash() {
      return (hash ??= hashDocuments(hashed));
    },
  };
  if (openapi && schemas && parametersDocument) {
    const documents = new Map([[undefined, rootDocument], ...partDocuments.map((d) => [d.uri, d] as const)]);
    loaded.openapi = { input: openapi, sites: openApiSites(schemas.sites, documents, parametersDocument), parametersDocument, viewOrigins: schemas.viewOrigins };
  }
  return loaded;
}

/**
 * An OpenAPI document (else undefined) and the other files its references to parameters, bodies,
 * responses, headers and path items reach, by URI: read again with each newly found file until no
 * reference reaches a file not yet read (a chain of files is a few rounds).
 */
async function readOpenApiParts(
  read: SchemaDocument,
  options: LoadOptions,
  cwd: string,
  inDialect: (document: SchemaDocument) => SchemaDocument,
  officialCheck: Promise<SchemaFinding | undefined> | undefined,
): Promise<{ openapi?: CheckedDocument; parts: Map<string, SchemaDocument>; schemaFiles: Map<string, SchemaDocument> }> {
  const parts = new Map<string, SchemaDocument>();
  const roots = new Map<string, unknown>();
  const schemaFiles = new Map<string, SchemaDocument>();
  const documentUri = stripFragment(read.uri);
  // One walk says whether there is anything to read: a single-file document (every APIs.guru one) is read at once.
  if (!referencesOtherFiles(read.root)) return { openapi: checkDocument(read.root, { file: read.displayName, documentUri, documents: roots }, officialCheck), parts, schemaFiles };
  for (let missing = missingParts(read.root, documentUri, roots); missing.size > 0; missing = missingParts(read.root, documentUri, roots)) {
    for (const [uri, from] of missing) {
      const where = place(from, read.displayName);
      const document = inDialect(await readReferencedDocument(uri, options, {}, cwd, where.file ?? read.displayName, where.pointer.slice(1).replace(/\/\$ref$/, "")));
      parts.set(uri, document);
      roots.set(uri, document.root);
    }
  }
  // The schema files they reference, read now for the document's views, and kept for the schema
  // loader: not parts (each is a schema, indexed as any referenced file is).
  const tried = new Set<string>();
  for (let missing = missingSchemaFiles(read.root, documentUri, roots, tried); missing.size > 0; missing = missingSchemaFiles(read.root, documentUri, roots, tried)) {
    for (const uri of missing.keys()) {
      tried.add(uri);
      try {
        const document = inDialect(await readReferencedDocument(uri, options, {}, cwd, read.displayName, ""));
        schemaFiles.set(uri, document);
        roots.set(uri, document.root);
      } catch (error) {
        if (!isCodegenError(error)) throw error;
      }
    }
  }
  return { openapi: checkDocument(read.root, { file: read.displayName, documentUri, documents: roots }, officialCheck), parts, schemaFiles };
}

/**
 * What refuses a document after the semantic checks passed, when its official schema is checked
 * elsewhere (LoadOptions.officialSchemaCheck): that check's finding as the error the check here
 * would have thrown, or undefined. Awaited where the loading ends (loadSchema), or where something
 * throws before, whose error the finding replaces: the check came first, before anything else read
 * the document. Should the other thread fail, the document is checked here.
 */
type Refusal = () => Promise<CodegenError | undefined>;

/** An OpenAPI document past the checks that refuse it first: `read()` reads it on, `refusal` may still refuse it (see Refusal). */
interface CheckedDocument {
  read: () => OpenApiInput;
  refusal?: Refusal;
}

/**
 * The document's version and semantic rules checked now (checkOpenApi); its official schema too,
 * unless `officialCheck` checks it elsewhere, whose finding is then the refusal. Not an OpenAPI
 * document: undefined.
 */
function checkDocument(root: unknown, options: ReadOpenApiOptions, officialCheck: Promise<SchemaFinding | undefined> | undefined): CheckedDocument | undefined {
  const checked = checkOpenApi(root, options, officialCheck === undefined ? "here" : "elsewhere");
  if (checked === undefined) return undefined;
  const read = (): OpenApiInput => readCheckedOpenApi(checked, options);
  if (officialCheck === undefined) return { read };
  const refusal: Refusal = async () => {
    const found = await officialCheck.catch(() => checkOfficialSchema(checked.version, checked.original));
    return found && officialSchemaError(found, options.file);
  };
  return { read, refusal };
}

/**
 * How the files a document references are read: those of an OpenAPI 3.0 document speak its Schema
 * Object dialect, rewritten to 2020-12 as the document's own schemas are (document-30.ts's
 * fromFile30; before, a split 3.0 document's `nullable` was ignored in its files and a boolean
 * `exclusiveMinimum` refused). Any other document's files are read as they are.
 */
function dialectOfFiles(root: unknown): (document: SchemaDocument) => SchemaDocument {
  const kind = detectDocument(root);
  if (kind.kind !== "openapi" || kind.version !== "3.0") return (document) => document;
  return (document) => ({ ...document, root: fromFile30(document.root) });
}

/** The components and inline sites in the document (or another file), then the made schemas, each with its schema object. */
function openApiSites(sites: readonly SchemaSite[], documents: ReadonlyMap<string | undefined, SchemaDocument>, parameters: SchemaDocument): LoadedOpenApi["sites"] {
  const out: LoadedOpenApi["sites"] = sites.map(({ pointer, name, document: uri }) => {
    const document = documents.get(uri)!;
    return { schema: followPointer(document.root, pointer), location: { document, pointer }, ...(name !== undefined && { name }) };
  });
  const defs = (parameters.root as { $defs: Record<string, unknown> }).$defs;
  for (const [name, schema] of Object.entries(defs)) out.push({ schema, location: { document: parameters, pointer: `/$defs/${escapePointerToken(name)}` }, name });
  return out;
}

/**
 * A document whose `$schema` names a custom meta-schema: reads that meta-schema (like a `$ref`
 * target: --resolve, bundled, or network when allowed) for its dialect and `$vocabulary`. Returns
 * the meta-schema document when it read one.
 */
async function readMetaSchema(
  document: SchemaDocument,
  metaSchemas: Map<string, MetaSchemaRules>,
  options: LoadOptions,
  idFolders: Record<string, string>,
  cwd: string,
): Promise<SchemaDocument | undefined> {
  const uri = customMetaSchemaUri(document.root);
  if (uri === undefined || metaSchemas.has(uri)) return undefined;
  let metaSchema: SchemaDocument;
  try {
    metaSchema = await readReferencedDocument(uri, options, idFolders, cwd, document.displayName, "");
  } catch (error) {
    if (!isCodegenError(error)) throw error;
    throw new CodegenError("unsupportedKeyword", `unsupported meta-schema "${uri}": ${error.message}`, { file: document.displayName, pointer: "#/$schema" });
  }
  const dialect = detectDialect(metaSchema.root, metaSchema.displayName);
  metaSchemas.set(uri, metaSchemaRules(metaSchema.root, dialect, { file: metaSchema.displayName, pointer: "#" }));
  return metaSchema;
}

/** A file, or a URI that a `--resolve` prefix (or a file's own `$id`) maps to a file: reading it needs no network. */
function isLocal(uri: string, options: LoadOptions, idFolders: Record<string, string>): boolean {
  const prefixes = [...Object.keys(options.resolve ?? {}), ...Object.keys(idFolders)];
  return uri.startsWith("file:") || prefixes.some((prefix) => uri.startsWith(prefix)) || builtInMetaSchema(stripFragment(uri)) !== undefined;
}

/**
 * Meta-schemas shipped with the generator (schemas/meta/, see its README), so that
 * `"$ref": "https://json-schema.org/draft/2020-12/schema"` (validate a schema document) and a custom
 * meta-schema built on them work offline.
 */
const META_SCHEMAS: Record<string, string> = {
  "json-schema.org/draft-07/schema": "draft-07.json",
  "json-schema.org/draft-06/schema": "draft-06.json",
  ...metaSchemaFolder("2020-12", ["core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation", "content"]),
  ...metaSchemaFolder("2019-09", ["core", "applicator", "validation", "meta-data", "format", "content"]),
};

/** A draft's `schema` and `meta/<vocabulary>` URIs → their files under schemas/meta/draft-<draft>/. */
function metaSchemaFolder(draft: string, vocabularies: readonly string[]): Record<string, string> {
  const out: Record<string, string> = { [`json-schema.org/draft/${draft}/schema`]: `draft-${draft}/schema.json` };
  for (const vocabulary of vocabularies) out[`json-schema.org/draft/${draft}/meta/${vocabulary}`] = `draft-${draft}/meta/${vocabulary}.json`;
  return out;
}

function builtInMetaSchema(documentUri: string): { file: string; displayName: string } | undefined {
  const name = META_SCHEMAS[documentUri.replace(/^https?:\/\//, "")];
  if (name === undefined) return undefined;
  return { file: path.join(findPackageRoot(), "schemas", "meta", name), displayName: `(built-in) ${documentUri}` };
}

/** A file whose root `$id` is an http(s) URI: that URI's folder → the file's folder. */
function idFolderOf(document: SchemaDocument, dialect: Dialect): Record<string, string> {
  const root = document.root;
  if (!document.uri.startsWith("file:") || typeof root !== "object" || root === null) return {};
  const id = (root as Record<string, unknown>)[idKeyword(dialect)];
  if (typeof id !== "string") return {};
  try {
    const url = new URL(id, document.uri);
    if (url.protocol !== "http:" && url.protocol !== "https:") return {};
    const prefix = url.href.replace(/[#?].*$/, "").replace(/[^/]*$/, "");
    return { [prefix]: path.dirname(fileURLToPath(document.uri)) };
  } catch {
    return {};
  }
}

function missingDocuments(registry: SchemaRegistry) {
  const seen = new Set<string>();
  return registry.references().filter(({ uri }) => {
    const documentUri = stripFragment(uri);
    if (registry.hasResource(documentUri) || seen.has(documentUri)) return false;
    seen.add(documentUri);
    return true;
  });
}

async function readRootFile(file: string, cwd: string, options: LoadOptions): Promise<{ read: SchemaDocument; officialCheck?: Promise<SchemaFinding | undefined> }> {
  const absolute = path.resolve(cwd, file);
  const text = await readText(absolute, file);
  const yaml = /\.ya?ml$/i.test(file);
  const root = yaml ? await parseWithRefParser(absolute, file) : parseJson(text, file);
  const read = { uri: pathToFileURL(absolute).href, displayName: file, root };
  if (yaml || options.officialSchemaCheck === undefined || text.length < OFFICIAL_CHECK_ELSEWHERE_FROM_CHARS) return { read };
  const kind = detectDocument(root);
  if (kind.kind !== "openapi") return { read };
  const officialCheck = options.officialSchemaCheck(kind.version, text, file);
  // Awaited where the loading ends (loadSchema's refusal), unless an error comes first.
  officialCheck.catch(() => undefined);
  return { read, officialCheck };
}

function inMemoryDocument(schema: object, cwd: string): SchemaDocument {
  // Relative file references from an in-memory schema resolve against the working folder.
  return { uri: pathToFileURL(path.join(cwd, "(schema).json")).href, displayName: "(schema)", root: schema };
}

async function readText(absolute: string, displayName: string, pointer?: string): Promise<string> {
  try {
    const text = await readFile(absolute, "utf8");
    noteInputText(text.length);
    return text;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a folder, not a file" : `cannot read (${code ?? String(error)})`;
    throw new CodegenError("fileNotFound", `${reason}: ${absolute}`, { file: displayName, pointer });
  }
}

async function readReferencedDocument(
  uri: string,
  options: LoadOptions,
  idFolders: Record<string, string>,
  cwd: string,
  fromFile: string,
  fromPointer: string,
): Promise<SchemaDocument> {
  const documentUri = stripFragment(uri);
  const where = { file: fromFile, pointer: `#${fromPointer}/$ref` };
  // An explicit --resolve wins; a sibling found through a file's `$id` comes next (only if it exists).
  let mapped = mapToLocalFile(documentUri, options.resolve ?? {}, cwd);
  if (mapped === undefined) {
    const sibling = mapToLocalFile(documentUri, idFolders, cwd);
    if (sibling !== undefined && existsSync(sibling)) mapped = sibling;
  }
  const builtIn = mapped === undefined ? builtInMetaSchema(documentUri) : undefined;
  if (builtIn !== undefined) return { uri: documentUri, displayName: builtIn.displayName, root: parseJson(await readText(builtIn.file, builtIn.displayName), builtIn.displayName) };
  if (mapped !== undefined || documentUri.startsWith("file:")) {
    const absolute = mapped ?? fileURLToPath(documentUri);
    const displayName = displayPath(absolute, cwd);
    let text: string;
    try {
      text = await readText(absolute, displayName);
    } catch (error) {
      if (isCodegenError(error)) throw new CodegenError("unresolvedRef", `$ref target ${documentUri}: ${error.message}`, where);
      throw error;
    }
    const root = /\.ya?ml$/i.test(absolute) ? await parseWithRefParser(absolute, displayName) : parseJson(text, displayName);
    return { uri: documentUri, displayName, root };
  }
  if (/^https?:/.test(documentUri)) {
    if (!options.allowNetwork) {
      throw new CodegenError(
        "unresolvedRef",
        `$ref to remote ${documentUri} is not fetched without --allow-network; map it with --resolve <prefix>=<folder>`,
        where,
      );
    }
    const text = await fetchText(documentUri, where);
    const root = /\.ya?ml$/i.test(new URL(documentUri).pathname) ? await parseWithRefParser(documentUri, documentUri, text) : parseJson(text, documentUri);
    return { uri: documentUri, displayName: documentUri, root };
  }
  throw new CodegenError("unresolvedRef", `$ref to ${documentUri}: no document with that URI`, where);
}

function mapToLocalFile(uri: string, prefixes: Record<string, string>, cwd: string): string | undefined {
  // Longest prefix first, so a specific mapping wins over a general one.
  const sorted = Object.keys(prefixes).sort((a, b) => b.length - a.length);
  for (const prefix of sorted) {
    if (uri.startsWith(prefix)) return path.resolve(cwd, prefixes[prefix]!, decodeURIComponent(uri.slice(prefix.length)));
  }
  return undefined;
}

const REMOTE_TIMEOUT_MS = 30_000;

/** A remote document's text, with Node's own fetch (json-schema-ref-parser's refuses private addresses). */
async function fetchText(uri: string, where: { file: string; pointer: string }): Promise<string> {
  let text: string;
  try {
    // A server that never answers must not hang `generate` (or a watch) forever.
    const response = await fetch(uri, {
      headers: { accept: "application/schema+json, application/json, application/yaml;q=0.9, */*;q=0.5" },
      redirect: "follow",
      signal: AbortSignal.timeout(REMOTE_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    throw new CodegenError("unresolvedRef", `$ref target ${uri}: cannot fetch (${(error as Error).message})`, where);
  }
  return text;
}

/**
 * YAML goes through json-schema-ref-parser's parser: a file it reads itself, a remote document as
 * the text we fetched (handed over as its only resolver, so the library touches no network).
 */
async function parseWithRefParser(location: string, displayName: string, fetched?: string): Promise<unknown> {
  const { $RefParser } = await import("@apidevtools/json-schema-ref-parser");
  const resolve =
    fetched === undefined
      ? { external: false }
      : { external: false, file: false, http: false, fetched: { order: 1, canRead: true, read: () => fetched } };
  try {
    // YAML 1.1's merge keys, which the library's YAML 1.2 core schema leaves as "<<" keys (yaml-merge-keys.ts).
    return applyMergeKeys(await new $RefParser().parse(location, { resolve } as never));
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    // The library says "Error parsing <absolute path>: <js-yaml's reason> (line:column)": the file is
    // named in front already, so the line reads as JSON's does, "file:line:column: invalid YAML: reason"
    // (ibm-openapi-validator's clean-with-tabs.yml named its file twice).
    const prefix = `Error parsing ${location}: `;
    if (message.startsWith(prefix)) {
      const reason = message.slice(prefix.length);
      const at = /^(.*) \((\d+):(\d+)\)$/.exec(reason);
      if (at) throw new CodegenError("invalidJson", `invalid YAML: ${at[1]}`, { file: displayName, line: Number(at[2]), column: Number(at[3]) });
      throw new CodegenError("invalidJson", `invalid YAML: ${reason}`, { file: displayName });
    }
    throw new CodegenError("invalidJson", `cannot parse: ${message}`, { file: displayName });
  }
}

function hashDocuments(documents: SchemaDocument[]): string {
  const hash = createHash("sha256");
  for (const document of documents) hash.update(canonicalJson(document.root)).update("\n");
  return hash.digest("hex");
}

