/**
 * A parsed OpenAPI document → what the rest of the pipeline needs: the document with its Schema
 * Objects in JSON Schema 2020-12, the dialect of those schemas, the operations and the security
 * schemes. Refuses, with every finding on a line of its own, a document that breaks a rule the
 * schema cannot express (semantic-checks.ts). Not an OpenAPI document: undefined (a JSON Schema).
 */
import type { Dialect } from "../dialect";
import type { IrOperation, IrSecurityScheme } from "./operation-model";
import { CodegenError } from "../../errors";
import type { JsonObject } from "../keywords";
import { detectDocument, schemaDialectOf, type OpenApiVersion } from "./detect";
import { fromDocument30 } from "./document-30";
import { localRefResolver, type RefResolver } from "./document-refs";
import { readWriteViews, type AccessFlag, type ReadWriteViews } from "./read-write-views";
import { extractOperations } from "./operations";
import { readSecuritySchemes } from "./security-schemes";
import { checkOfficialSchema31 } from "./official-schema";
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
  /** Request bodies leave out read-only properties, responses write-only ones (read-write-views.ts). */
  views: Record<AccessFlag, ReadWriteViews>;
  securitySchemes: IrSecurityScheme[];
  /** Operation name collisions settled with a suffix. */
  warnings: string[];
}

export interface ReadOpenApiOptions {
  /** The file, as the user named it, for messages. */
  file?: string;
  /** How `$ref`s to parameters, bodies, responses, headers and path items are followed; default: within the document. */
  resolve?: RefResolver;
}

/** A version we do not read, and a semantic finding, exit with `invalidOpenApi` (12). */
export function readOpenApi(parsed: unknown, options: ReadOpenApiOptions = {}): OpenApiInput | undefined {
  const { file } = options;
  const kind = detectDocument(parsed);
  if (kind.kind === "json-schema") return undefined;
  if (kind.kind === "unsupported") throw new CodegenError("invalidOpenApi", kind.message, { file, pointer: kind.pointer });
  const original = parsed as JsonObject;
  const findings = checkOpenApiSemantics(original);
  if (findings.length > 0) {
    const [first, ...rest] = findings.map((f) => new CodegenError("invalidOpenApi", f.message, { file, pointer: f.pointer }));
    first!.also.push(...rest);
    throw first;
  }
  // What the semantic checks cannot see, the official schema does (3.1; there is no 3.0 one here yet).
  const schemaFinding = kind.version === "3.1" ? checkOfficialSchema31(original) : undefined;
  if (schemaFinding) throw new CodegenError("invalidOpenApi", schemaFinding.message, { file, pointer: schemaFinding.pointer });
  const document = kind.version === "3.0" ? fromDocument30(original) : original;
  const resolve = options.resolve ?? localRefResolver(document);
  const views = { readOnly: readWriteViews(document, "readOnly"), writeOnly: readWriteViews(document, "writeOnly") };
  const { operations, warnings } = extractOperations(document, { resolve, file, views });
  return {
    version: kind.version,
    declared: kind.declared,
    document,
    dialect: schemaDialectOf(original, kind.version, file),
    operations,
    views,
    securitySchemes: readSecuritySchemes(document, resolve, file),
    warnings,
  };
}
