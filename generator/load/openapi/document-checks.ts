/**
 * The checks an OpenAPI document passes before anything is generated from it: the semantic rules
 * (semantic-checks.ts) and the official schema of its version (official-schema.ts), as one verdict.
 * Run where the document is read (readOpenApi), or, for a large document read from one JSON file,
 * on the worker thread while the main thread goes on reading it (checkDocumentText, below, and
 * load-schema.ts's settleChecks): the verdict is then awaited before the loaded schema is handed on,
 * and it is the same verdict, so the same refusal or the same warnings, byte for byte.
 */
import { CodegenError, pointerFragment } from "../../errors";
import type { JsonObject } from "../keywords";
import { detectDocument, type OpenApiVersion } from "./detect";
import { documentsResolver, localRefResolver, place } from "./document-refs";
import { checkOfficialSchema30, checkOfficialSchema31, type SchemaFinding } from "./official-schema";
import { checkOpenApiSemantics, type Finding } from "./semantic-checks";

export interface OpenApiVerdict {
  /** The semantic findings, refusals and warnings (Finding.warning) in the rules' order. */
  findings: Finding[];
  /** The first mistake the official schema finds, if any. */
  schemaFinding?: SchemaFinding;
}

/**
 * Both checks of a document of `version`. `documentUri` and `documents`: the other files its
 * references reach (none: references within the document only).
 */
export function checkOpenApiDocument(document: JsonObject, version: OpenApiVersion, documentUri?: string, documents: ReadonlyMap<string, unknown> = new Map()): OpenApiVerdict {
  const findings = checkOpenApiSemantics(document, documentUri === undefined ? localRefResolver(document) : documentsResolver(document, documentUri, documents));
  // What the semantic checks cannot see, the official schema of the document's version does. Both are
  // reported, each mistake on its line: @platformatic/openapi-schema-validator's invalid-spec.json
  // lacks `info` and names an undeclared security scheme, and only the second was said, so a user
  // fixing it met the first on the next run.
  const schemaFinding = version === "3.1" ? checkOfficialSchema31(document) : checkOfficialSchema30(document);
  return { findings, ...(schemaFinding && { schemaFinding }) };
}

/**
 * The same verdict on the worker thread, from the text of a JSON file (already parsed on the main
 * thread, so valid JSON) whose references stay within it. Null when the text is not an OpenAPI
 * document this tool reads: the main thread says why, or reads it as a JSON Schema.
 */
export function checkDocumentText(text: string, documentUri: string): OpenApiVerdict | null {
  const document: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const kind = detectDocument(document);
  if (kind.kind !== "openapi") return null;
  return checkOpenApiDocument(document as JsonObject, kind.version, documentUri);
}

/** The refusal a verdict makes (exit `invalidOpenApi`, 12): each mistake on its line, the semantic ones first. Undefined: the document passes. */
export function verdictRefusal({ findings, schemaFinding }: OpenApiVerdict, file: string | undefined): CodegenError | undefined {
  const errors = findings.filter((f) => f.warning !== true).map((f) => new CodegenError("invalidOpenApi", f.message, place(f.pointer, file)));
  if (schemaFinding) errors.push(new CodegenError("invalidOpenApi", schemaFinding.message, { file, pointer: schemaFinding.pointer }));
  const [first, ...rest] = errors;
  first?.also.push(...rest);
  return first;
}

/** The findings a verdict lets pass, as warning lines (file and pointer first). */
export function verdictWarnings({ findings }: OpenApiVerdict, file: string | undefined): string[] {
  return findings.filter((f) => f.warning === true).map((f) => `${file ?? "(document)"}${pointerFragment(f.pointer)}: ${f.message}`);
}
