/**
 * What an OpenAPI 3.0/3.1 document must satisfy beyond its schema: unique operationIds, the path
 * rules (path-checks.ts), local `$ref`s that resolve (ref-checks.ts), security requirements naming
 * declared schemes. Each finding is one line at a JSON pointer; none means the document is sound.
 */
import { pointerFragment } from "../../errors";
import { HTTP_METHODS } from "./operation-model";
import { escapePointerToken, isJsonObject, type JsonObject } from "../keywords";
import { localRefResolver, type RefResolver } from "./document-refs";
import { checkPaths } from "./path-checks";
import { checkLocalRefs } from "./ref-checks";

export interface Finding {
  /** "#/paths/~1users~1{id}/get/parameters/1". */
  pointer: string;
  /** One line. */
  message: string;
  /**
   * A rule real documents break without harm to what is generated (templates that differ only in
   * parameter names: the first declared wins a request both match): reported, not refused.
   */
  warning?: true;
}

/**
 * Every semantic finding, in document order of the rules: operationIds, paths, security, references.
 * `resolve` follows references to path items and parameters (default: within the document).
 */
export function checkOpenApiSemantics(document: JsonObject, resolve: RefResolver = localRefResolver(document)): Finding[] {
  return [
    ...checkOperationIds(document),
    ...checkPaths(document.paths, resolve),
    ...checkSecurityNames(document),
    ...checkLocalRefs(document),
  ];
}

/** "The id MUST be unique among all operations described in the API": paths, webhooks, callbacks and components. */
function checkOperationIds(document: JsonObject): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  for (const { operation, pointer } of allOperations(document)) {
    if (typeof operation.operationId !== "string") continue;
    const first = seen.get(operation.operationId);
    if (first !== undefined) findings.push({ pointer: `${pointer}/operationId`, message: `operationId "${operation.operationId}" is not unique: ${pointerFragment(first)} has it too` });
    else seen.set(operation.operationId, pointer);
  }
  return findings;
}

/** Each Operation Object written in the document, once (references are not followed), callbacks' included. */
function allOperations(document: JsonObject): { operation: JsonObject; pointer: string }[] {
  const components = isJsonObject(document.components) ? document.components : {};
  const pathItems: [unknown, string][] = [];
  const addMap = (map: unknown, pointer: string) => {
    if (isJsonObject(map)) for (const [key, item] of Object.entries(map)) pathItems.push([item, `${pointer}/${escapePointerToken(key)}`]);
  };
  addMap(document.paths, "#/paths");
  addMap(document.webhooks, "#/webhooks");
  addMap(components.pathItems, "#/components/pathItems");
  if (isJsonObject(components.callbacks)) for (const [key, callback] of Object.entries(components.callbacks)) addMap(callback, `#/components/callbacks/${escapePointerToken(key)}`);
  const operations: { operation: JsonObject; pointer: string }[] = [];
  for (let i = 0; i < pathItems.length; i++) {
    const [item, pointer] = pathItems[i]!;
    if (!isJsonObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isJsonObject(operation)) continue;
      operations.push({ operation, pointer: `${pointer}/${method}` });
      // A callback is a map of path items: its operations are operations of the API too.
      if (isJsonObject(operation.callbacks)) {
        for (const [key, callback] of Object.entries(operation.callbacks)) addMap(callback, `${pointer}/${method}/callbacks/${escapePointerToken(key)}`);
      }
    }
  }
  return operations;
}

/** Each name in a Security Requirement "MUST correspond to a security scheme which is declared" in components. */
function checkSecurityNames(document: JsonObject): Finding[] {
  const schemes = isJsonObject(document.components) && isJsonObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  const findings: Finding[] = [];
  const check = (requirements: unknown, pointer: string) => {
    if (!Array.isArray(requirements)) return;
    requirements.forEach((requirement, index) => {
      if (!isJsonObject(requirement)) return;
      for (const name of Object.keys(requirement)) {
        if (!Object.prototype.hasOwnProperty.call(schemes, name)) findings.push({ pointer: `${pointer}/${index}/${escapePointerToken(name)}`, message: `security scheme "${name}" is not declared in components.securitySchemes` });
      }
    });
  };
  check(document.security, "#/security");
  for (const { operation, pointer } of allOperations(document)) check(operation.security, `${pointer}/security`);
  return findings;
}
