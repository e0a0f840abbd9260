import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Dialect } from "../ir/model";
import { CodegenError, isCodegenError } from "../errors";
import { detectDialect } from "./dialect";
import { parseJson } from "./parse-json";
import { SchemaRegistry, stripFragment, type SchemaDocument } from "./registry";

export interface LoadOptions {
  /** Folder that relative paths are resolved against; defaults to process.cwd(). */
  cwd?: string;
  /** Remote base URI prefix → local folder ("http://localhost:1234/" → "./remotes"). */
  resolve?: Record<string, string>;
  /** Fetch `http(s)` references that no `resolve` prefix maps. Off by default: no surprise network. */
  allowNetwork?: boolean;
  /** The dialect when the root has no `$schema`. */
  defaultDialect?: Dialect;
}

export interface LoadedSchema {
  root: unknown;
  rootDocument: SchemaDocument;
  registry: SchemaRegistry;
  dialect: Dialect;
  /** sha256 of the canonical JSON of every document read (key order and whitespace do not count). */
  hash: string;
}

/** Reads a schema (file path or object) and every document its `$ref`s reach, and indexes them. */
export async function loadSchema(input: string | object, options: LoadOptions = {}): Promise<LoadedSchema> {
  const cwd = options.cwd ?? process.cwd();
  const rootDocument = typeof input === "string" ? await readRootFile(input, cwd) : inMemoryDocument(input, cwd);
  const dialect = detectDialect(rootDocument.root, rootDocument.displayName, options.defaultDialect);
  const registry = new SchemaRegistry(dialect);
  registry.addDocument(rootDocument);

  // Load what the references reach until nothing new is referenced.
  for (let pending = missingDocuments(registry); pending.length > 0; pending = missingDocuments(registry)) {
    for (const { uri, from } of pending) {
      const document = await readReferencedDocument(uri, options, cwd, from.document.displayName, from.pointer);
      if (!registry.hasResource(uri)) registry.addDocument(document);
    }
  }

  return { root: rootDocument.root, rootDocument, registry, dialect, hash: hashDocuments(registry.documents) };
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

async function readRootFile(file: string, cwd: string): Promise<SchemaDocument> {
  const absolute = path.resolve(cwd, file);
  const text = await readText(absolute, file);
  const root = /\.ya?ml$/i.test(file) ? await parseWithRefParser(absolute, file) : parseJson(text, file);
  return { uri: pathToFileURL(absolute).href, displayName: file, root };
}

function inMemoryDocument(schema: object, cwd: string): SchemaDocument {
  // Relative file references from an in-memory schema resolve against the working folder.
  return { uri: pathToFileURL(path.join(cwd, "(schema).json")).href, displayName: "(schema)", root: schema };
}

async function readText(absolute: string, displayName: string, pointer?: string): Promise<string> {
  try {
    return await readFile(absolute, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a folder, not a file" : `cannot read (${code ?? String(error)})`;
    throw new CodegenError("fileNotFound", `${reason}: ${absolute}`, { file: displayName, pointer });
  }
}

async function readReferencedDocument(
  uri: string,
  options: LoadOptions,
  cwd: string,
  fromFile: string,
  fromPointer: string,
): Promise<SchemaDocument> {
  const documentUri = stripFragment(uri);
  const where = { file: fromFile, pointer: `#${fromPointer}/$ref` };
  const mapped = mapToLocalFile(documentUri, options.resolve ?? {}, cwd);
  if (mapped !== undefined || documentUri.startsWith("file:")) {
    const absolute = mapped ?? fileURLToPath(documentUri);
    const displayName = path.relative(cwd, absolute) || absolute;
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
    return { uri: documentUri, displayName: documentUri, root: await parseWithRefParser(documentUri, documentUri) };
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

/** YAML files and remote documents go through json-schema-ref-parser's parsers and resolvers. */
async function parseWithRefParser(location: string, displayName: string): Promise<unknown> {
  const { $RefParser } = await import("@apidevtools/json-schema-ref-parser");
  try {
    return await new $RefParser().parse(location, { resolve: { external: false } } as never);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new CodegenError("invalidJson", `cannot parse: ${message}`, { file: displayName });
  }
}

function hashDocuments(documents: SchemaDocument[]): string {
  const hash = createHash("sha256");
  for (const document of documents) hash.update(canonicalJson(document.root)).update("\n");
  return hash.digest("hex");
}

/** JSON with sorted keys, so that reformatting a schema does not change its hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
