/**
 * A parsed OpenAPI document → what the rest of the pipeline needs: the document with its Schema
 * Objects in JSON Schema 2020-12, the dialect of those schemas, the operations and the security
 * schemes. Refuses, with every finding on a line of its own, a document that breaks a rule the
 * schema cannot express (semantic-checks.ts). Not an OpenAPI document: undefined (a JSON Schema).
 */
import type { Dialect } from "../dialect";
import type { IrOperation, IrSecurityScheme, IrServer } from "./operation-model";
import { CodegenError, pointerFragment } from "../../errors";
import type { JsonObject } from "../keywords";
import { detectDocument, schemaDialectOf, type OpenApiVersion } from "./detect";
import { fromDocument30 } from "./document-30";
import { documentsResolver, localRefResolver, place, type RefResolver } from "./document-refs";
import { readWriteViews, type AccessFlag, type ReadWriteViews } from "./read-write-views";
import { extractOperations, firstNonEmpty, readServers } from "./operations";
import { basesMadeIn, splitAllOfDiscriminators } from "./allof-discriminator";
import { readSecuritySchemes } from "./security-schemes";
import { checkOfficialSchema, type SchemaFinding } from "./official-schema";
import { checkOpenApiSemantics } from "./semantic-checks";

export interface OpenApiInput {
  version: OpenApiVersion;
  /** The `openapi` field as written. */
  declared: string;
  /** A 3.0 document with its Schema Objects rewritten (document-30.ts); a 3.1 document as it is. */
  document: JsonObject;
  /** The dialect of Schema Objects without `$schema`. */
  dialect: Dialect;
  operations: IrOperation[];
  /** The requests the API sends: `webhooks` and `callbacks` (operations.ts's ExtractedOperations.webhooks). */
  webhooks: IrOperation[];
  /** Follows a `$ref` within the document or into the other files read (pointers "#/..." or "<uri>#/..."). */
  resolve: RefResolver;
  /** Request bodies leave out read-only properties, responses write-only ones (read-write-views.ts). */
  views: Record<AccessFlag, ReadWriteViews>;
  securitySchemes: IrSecurityScheme[];
  /** The document's `servers` (`[{ url: "/" }]` when it has none). */
  servers: IrServer[];
  /** Operation name collisions settled with a suffix. */
  warnings: string[];
  /** Component schemas made from another (allof-discriminator.ts's bases, "PetBase" → "Pet"): a message names the source's place. */
  madeBases?: ReadonlyMap<string, string>;
}

export interface ReadOpenApiOptions {
  /** The file, as the user named it, for messages. */
  file?: string;
  /** The document's URI: references to other files are relative to it (default: none, references within the document only). */
  documentUri?: string;
  /** The other files that references to parameters, bodies, responses, headers and path items reach, by URI. */
  documents?: ReadonlyMap<string, unknown>;
}

/** A version we do not read, and a semantic finding, exit with `invalidOpenApi` (12). */
export function readOpenApi(parsed: unknown, options: ReadOpenApiOptions = {}): OpenApiInput | undefined {
  const checked = checkOpenApi(parsed, options, "here");
  return checked && readCheckedOpenApi(checked, options);
}

/** An OpenAPI document that passed checkOpenApi. */
export interface CheckedOpenApi {
  version: OpenApiVersion;
  declared: string;
  original: JsonObject;
  findingWarnings: string[];
}

/**
 * The checks that refuse a document: its version, the semantic rules, and its official schema
 * (official-schema.ts). `officialSchema` "elsewhere": the caller has the official schema checked
 * elsewhere (on the CLI's worker thread: load/load-schema.ts) and must report that check's finding
 * before anything thrown after this returns; it is checked here all the same when a semantic
 * finding refuses the document, to be reported with it. Not an OpenAPI document: undefined.
 */
export function checkOpenApi(parsed: unknown, options: ReadOpenApiOptions, officialSchema: "here" | "elsewhere"): CheckedOpenApi | undefined {
  const { file } = options;
  const kind = detectDocument(parsed);
  if (kind.kind === "json-schema") return undefined;
  if (kind.kind === "unsupported") throw new CodegenError("invalidOpenApi", kind.message, { file, pointer: kind.pointer });
  const original = parsed as JsonObject;
  const documents = options.documents ?? new Map();
  const allFindings = checkOpenApiSemantics(original, options.documentUri === undefined ? localRefResolver(original) : documentsResolver(original, options.documentUri, documents));
  const findings = allFindings.filter((f) => f.warning !== true);
  const findingWarnings = allFindings.filter((f) => f.warning === true).map((f) => `${file ?? "(document)"}${pointerFragment(f.pointer)}: ${f.message}`);
  // What the semantic checks cannot see, the official schema of the document's version does. Both are
  // reported, each mistake on its line: @platformatic/openapi-schema-validator's invalid-spec.json
  // lacks `info` and names an undeclared security scheme, and only the second was said, so a user
  // fixing it met the first on the next run.
  const schemaFinding = officialSchema === "here" || findings.length > 0 ? checkOfficialSchema(kind.version, original) : undefined;
  if (findings.length > 0) {
    const [first, ...rest] = findings.map((f) => new CodegenError("invalidOpenApi", f.message, place(f.pointer, file)));
    first!.also.push(...rest);
    if (schemaFinding) first!.also.push(officialSchemaError(schemaFinding, file));
    throw first;
  }
  if (schemaFinding) throw officialSchemaError(schemaFinding, file);
  return { version: kind.version, declared: kind.declared, original, findingWarnings };
}

/** The error that refuses a document for what its official schema found. */
export function officialSchemaError(finding: SchemaFinding, file: string | undefined): CodegenError {
  return new CodegenError("invalidOpenApi", finding.message, { file, pointer: finding.pointer });
}

/** A checked document → what the pipeline needs of it (see the file comment). */
export function readCheckedOpenApi({ version, declared, original, findingWarnings }: CheckedOpenApi, options: ReadOpenApiOptions): OpenApiInput {
  const { file } = options;
  const documents = options.documents ?? new Map();
  const document = splitAllOfDiscriminators(version === "3.0" ? fromDocument30(original) : original);
  const resolve = options.documentUri === undefined ? localRefResolver(document) : documentsResolver(document, options.documentUri, documents);
  const views = { readOnly: readWriteViews(document, "readOnly", resolve, options.documentUri), writeOnly: readWriteViews(document, "writeOnly", resolve, options.documentUri) };
  const { operations, webhooks, warnings } = extractOperations(document, { resolve, file, views });
  const securitySchemes = readSecuritySchemes(document, resolve, file, warnings);
  return {
    version,
    declared,
    document,
    dialect: schemaDialectOf(original, version, file),
    operations,
    webhooks,
    resolve,
    views,
    securitySchemes,
    madeBases: basesMadeIn(document),
    servers: readServers(firstNonEmpty(document.servers)),
    warnings: [...findingWarnings, ...warnings],
  };
}

/**
 * The other files that an OpenAPI document's references to parameters, bodies, responses, headers,
 * security schemes and path items reach and that are not in `documents` yet, each with the pointer
 * of its first `$ref`: the loader reads them and asks again, until none is missing. Not an OpenAPI
 * document, or one this tool refuses: none (readOpenApi says why).
 */
export function missingParts(parsed: unknown, documentUri: string, documents: ReadonlyMap<string, unknown>): Map<string, string> {
  const missing = new Map<string, string>();
  const kind = detectDocument(parsed);
  if (kind.kind !== "openapi") return missing;
  const document = parsed as JsonObject;
  // Every `$ref` local ("#..."): no other file can be reached, and the operations need not be
  // extracted here too (readOpenApi extracts them; stripe's, twice, were ~0.1 s).
  if (!hasOtherFileRef(document)) return missing;
  const resolve = documentsResolver(document, documentUri, documents, missing);
  try {
    extractOperations(document, { resolve });
    readSecuritySchemes(document, resolve);
  } catch {
    // A broken reference or a cycle: readOpenApi reports it, once every file it can reach is read.
  }
  return missing;
}

/**
 * The files of schemas (`$ref: ./pet.yaml`) that the document and the files read so far (its parts,
 * and the schema files found before) reference, on this disk and not read yet, each with the place
 * of a `$ref` to it: read before the document is, so that a read-only property of a split document's
 * schema is seen when requests are typed (read-write-views.ts). Every `$ref` counts, data included,
 * so the loader reads them leniently: one it cannot read is left to the schema loader, which reports
 * a reference it needs. Asked only of an OpenAPI document that references other files
 * (referencesOtherFiles): a whole-document walk, which a single-file document is spared.
 */
export function missingSchemaFiles(parsed: unknown, documentUri: string, documents: ReadonlyMap<string, unknown>, tried: ReadonlySet<string>): Map<string, string> {
  const missing = new Map<string, string>();
  for (const [uri, root] of [[documentUri, parsed] as const, ...documents]) {
    someOtherFileRef(root, (ref) => {
      let target: string;
      try {
        target = new URL(ref, uri).href.replace(/#.*$/, "");
      } catch {
        return false; // not a URI reference: the loader reports it where it is used
      }
      if (target.startsWith("file:") && target !== documentUri && !documents.has(target) && !tried.has(target) && !missing.has(target)) missing.set(target, `${uri}#`);
      return false;
    });
  }
  return missing;
}

/** Whether `parsed` is an OpenAPI document some `$ref` of which names another file: the loader reads no other file otherwise. */
export function referencesOtherFiles(parsed: unknown): boolean {
  return detectDocument(parsed).kind === "openapi" && hasOtherFileRef(parsed as JsonObject);
}

/** Whether some `$ref` of the document (anywhere, data included: erring towards reading) names something other than a place in it. */
function hasOtherFileRef(document: JsonObject): boolean {
  return someOtherFileRef(document, () => true);
}

/** Calls `visit` with each `$ref` of a value (anywhere, data included) that is not a place in its own file ("#..."), until it returns true. */
function someOtherFileRef(root: unknown, visit: (ref: string) => boolean): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === "object" && item !== null) stack.push(item);
    } else if (typeof value === "object" && value !== null) {
      const ref = (value as JsonObject).$ref;
      if (typeof ref === "string" && !ref.startsWith("#") && visit(ref)) return true;
      for (const key in value) {
        const child = (value as JsonObject)[key];
        if (typeof child === "object" && child !== null) stack.push(child);
      }
    }
  }
  return false;
}
