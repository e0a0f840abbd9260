/**
 * Every operation of an OpenAPI 3.0/3.1 document's `paths` → IR operations: path-item and operation
 * parameters merged, `$ref`s to path items and components followed, names given (see names.ts),
 * security and servers resolved to what applies to each operation. The document is parsed, not
 * dereferenced; references are followed through a `RefResolver` (within the document by default).
 */
import type { HttpMethod, IrOperation, IrParameter, IrSecurityRequirement, IrServer, ParameterLocation } from "./operation-model";
import { HTTP_METHODS } from "./operation-model";
import { escapePointerToken, isJsonObject, type JsonObject } from "../keywords";
import { followRefs, localRefResolver, place, type RefResolver } from "./document-refs";
import { pointerFragment } from "../../errors";
import { desiredOperationName, inlineSchemaName, OperationNames, typeStem } from "./names";
import { toPascalCase, toValueName } from "../../identifiers";
import { isHeaderName } from "./field-names";
import { readParameters, readRequestBody, readResponses, type PartsContext } from "./operation-parts";
import { queryKeyClashes } from "./query-key-clashes";

export interface ExtractOptions {
  /** How `$ref`s are followed; default: JSON pointers within the document. */
  resolve?: RefResolver;
  /** The read-only and write-only views of the document's schemas (default: none, every body typed as written). */
  views?: PartsContext["views"];
  /** The document's file, for error messages. */
  file?: string;
}

export interface ExtractedOperations {
  operations: IrOperation[];
  /**
   * The requests the API itself sends, which the user's server receives: 3.1's `webhooks` and every
   * operation's `callbacks` (those of webhooks and callbacks too). No client function calls them;
   * their inline schemas (bodies, responses, parameters) become named types all the same, named like
   * an operation's (see names.ts), so that a receiver can type and check what arrives.
   */
  webhooks: IrOperation[];
  /** Name collisions settled with a suffix, one line each; the bodies left out of responses that have none, one line. */
  warnings: string[];
}

interface Found {
  method: HttpMethod;
  /** The path template; a webhook's key; a callback's runtime expression. */
  path: string;
  operation: JsonObject;
  pointer: string;
  pathItem: JsonObject;
  pathItemPointer: string;
}

/** "file#/paths/~1users/get": where a warning about an operation points (the other file's, for one a `$ref` reached there). */
function whereIs(pointer: string, file: string | undefined): string {
  const at = place(pointer, file);
  return `${at.file ?? "(document)"}${pointerFragment(at.pointer)}`;
}

/** Reads every operation under `paths`, in document order (methods in the specification's order). */
export function extractOperations(document: JsonObject, options: ExtractOptions = {}): ExtractedOperations {
  const context: PartsContext = { resolve: options.resolve ?? localRefResolver(document), file: options.file, views: options.views };
  const found = findOperations(document, context);
  // Operations that chose their name (operationId) keep it before derived names are handed out.
  const names = new OperationNames();
  const chosen = new Map<Found, string>();
  for (const withId of [true, false]) {
    for (const f of found.filter((f) => (typeof f.operation.operationId === "string") === withId)) {
      const operationId = typeof f.operation.operationId === "string" ? f.operation.operationId : undefined;
      chosen.set(f, names.allocate(desiredOperationName(operationId, f.method, f.path), `${f.method.toUpperCase()} ${f.path}`, whereIs(f.pointer, options.file)));
    }
  }
  const unsendable: string[] = [];
  const operations = found.map((f) => toOperation(f, chosen.get(f)!, document, context, unsendable));
  const webhooks = extractWebhooks(document, found, chosen, names, context);
  const bodiless = operations.flatMap((operation) => dropBodilessContents(operation));
  const unsent = operations.filter((operation) => (operation.method === "get" || operation.method === "head") && operation.requestBody !== undefined);
  const warnings = [...names.warnings];
  if (unsent.length > 0) {
    // OpenAPI 3.0: "where the HTTP spec is vague, requestBody shall be ignored by consumers"; 3.1 permits
    // it, but fetch refuses to send a GET or HEAD with a body (a TypeError: every call failed as "network").
    for (const operation of unsent) delete operation.requestBody;
    const listed = unsent.slice(0, 3).map((o) => `${o.method.toUpperCase()} ${o.path}`).join(", ") + (unsent.length > 3 ? `, and ${unsent.length - 3} more` : "");
    warnings.push(`${options.file ?? "(document)"}: ${unsent.length} GET or HEAD operation${unsent.length === 1 ? " declares" : "s declare"} a request body, which fetch cannot send: left out (${listed})`);
  }
  if (unsendable.length > 0) {
    const listed = unsendable.slice(0, 3).join(", ") + (unsendable.length > 3 ? `, and ${unsendable.length - 3} more` : "");
    warnings.push(`${options.file ?? "(document)"}: ${unsendable.length} header${unsendable.length === 1 ? " has a name" : "s have names"} that HTTP cannot carry (not a token, RFC 9110): left out (${listed})`);
  }
  if (bodiless.length > 0) {
    const listed = bodiless.slice(0, 3).join(", ") + (bodiless.length > 3 ? `, and ${bodiless.length - 3} more` : "");
    warnings.push(`${options.file ?? "(document)"}: ${bodiless.length} response${bodiless.length === 1 ? " declares" : "s declare"} a body that HTTP never sends (a 204, 205 or 304 status, or an answer to HEAD): typed and checked as no body (${listed})`);
  }
  const clashes = queryKeyClashes(operations, context.resolve, options.file);
  if (clashes.length > 0) {
    const listed = clashes.slice(0, 3).join("; ") + (clashes.length > 3 ? `; and ${clashes.length - 3} more` : "");
    warnings.push(`${options.file ?? "(document)"}: ${clashes.length} operation${clashes.length === 1 ? " has" : "s have"} a query key that two parameters write, which no server can tell apart: sent as written (${listed})`);
  }
  return { operations, webhooks, warnings };
}

/**
 * The webhooks (document order, methods in the specification's order), then the callbacks of every
 * operation, the path operations' first, then those of the webhooks and callbacks found, as deep as
 * they nest. Named after the path operations (whose names they never take): the `operationId`, else
 * the webhook's key + "webhook" (`newPet` → newPetWebhook), a callback's operation + key +
 * "callback" (subscribe's `onEvent` → subscribeOnEventCallback), the method before the key when it
 * is not POST (putPetUpdatedWebhook, subscribeOnEventCallbackPutConfirmCallback). Bodies and responses are typed as written: the read-only and write-only
 * views are the client's requests and responses, and here the API is the one sending.
 */
function extractWebhooks(document: JsonObject, found: readonly Found[], chosen: Map<Found, string>, names: OperationNames, context: PartsContext): IrOperation[] {
  const written: PartsContext = { ...context, views: undefined };
  const webhooks: { found: Found; name: string }[] = [];
  // `parent`: the operation a callback belongs to, whose name goes first.
  const add = (f: Found, parent: string[], words: string[]): { found: Found; name: string } => {
    const operationId = typeof f.operation.operationId === "string" && toPascalCase(f.operation.operationId) !== "" ? f.operation.operationId : undefined;
    const desired = operationId !== undefined ? toValueName(operationId) : toValueName([...parent, ...(f.method === "post" ? [] : [f.method]), ...words].join(" "));
    const webhook = { found: f, name: names.allocate(desired, f.pointer, whereIs(f.pointer, context.file)) };
    webhooks.push(webhook);
    return webhook;
  };
  if (isJsonObject(document.webhooks)) {
    for (const [key, entry] of Object.entries(document.webhooks)) {
      for (const f of pathItemOperations(entry, key, `#/webhooks/${escapePointerToken(key)}`, written)) add(f, [], [key, "webhook"]);
    }
  }
  // A worklist: callbacks nest in the operations of callbacks. A callback component that several
  // operations use is an operation of each (its inline schemas one type, named after the first).
  const queue: { found: Found; name: string }[] = [...found.map((f) => ({ found: f, name: chosen.get(f)! })), ...webhooks];
  const seen = new Set<string>();
  for (let next = 0; next < queue.length; next++) {
    const { found: parent, name: parentName } = queue[next]!;
    const callbacks = parent.operation.callbacks;
    if (!isJsonObject(callbacks)) continue;
    for (const [key, entry] of Object.entries(callbacks)) {
      const callback = followRefs({ value: entry, pointer: `${parent.pointer}/callbacks/${escapePointerToken(key)}` }, written.resolve, written.file);
      if (!isJsonObject(callback.value)) continue;
      for (const [expression, pathItem] of Object.entries(callback.value)) {
        if (expression.startsWith("x-")) continue;
        for (const f of pathItemOperations(pathItem, expression, `${callback.pointer}/${escapePointerToken(expression)}`, written)) {
          const pair = `${parent.pointer}\u0000${f.pointer}`;
          if (seen.has(pair)) continue;
          seen.add(pair);
          queue.push(add(f, [parentName], [key, "callback"]));
        }
      }
    }
  }
  return webhooks.map(({ found: f, name }) => {
    // No client sends a webhook, so its unsendable headers need no warning.
    const operation = toOperation(f, name, document, written, []);
    // No client sends them: no server, no security of the document's.
    return { ...operation, security: [], servers: [], ownServers: false };
  });
}

/** The operations of a Path Item (or a `$ref` to one), each with its pointer. */
function pathItemOperations(entry: unknown, path: string, pointer: string, context: PartsContext): Found[] {
  const located = followRefs({ value: entry, pointer }, context.resolve, context.file);
  if (!isJsonObject(located.value)) return [];
  const { $ref: _ref, ...own } = isJsonObject(entry) ? entry : {};
  const pathItem = { ...located.value, ...own };
  const found: Found[] = [];
  for (const method of HTTP_METHODS) {
    const operation = pathItem[method];
    if (!isJsonObject(operation)) continue;
    found.push({ method, path, operation, pointer: `${method in own ? pointer : located.pointer}/${method}`, pathItem, pathItemPointer: located.pointer });
  }
  return found;
}

/** Statuses whose response has no content (RFC 9110 15.3.5, 15.3.6, 15.4.5): fetch gives an empty body whatever the server wrote. */
const BODILESS_STATUSES = new Set(["204", "205", "304"]);

/**
 * Leaves out the content of the responses that cannot have one: a 204, 205 or 304, and any answer to
 * HEAD. Documents declare one all the same (62 of the APIs.guru corpus's 3.x documents, 492 AWS-style
 * `204` with a JSON schema): the client then checked the empty body against the schema and called a
 * valid answer invalid, and the type promised data that never comes. Returns "METHOD path status" for each.
 */
function dropBodilessContents(operation: IrOperation): string[] {
  const dropped: string[] = [];
  operation.responses = operation.responses.map((response) => {
    if (response.contents.length === 0 || (operation.method !== "head" && !BODILESS_STATUSES.has(response.status))) return response;
    dropped.push(`${operation.method.toUpperCase()} ${operation.path} ${response.status}`);
    return { ...response, contents: [] };
  });
  return dropped;
}

function findOperations(document: JsonObject, context: PartsContext): Found[] {
  const found: Found[] = [];
  if (!isJsonObject(document.paths)) return found;
  for (const [path, entry] of Object.entries(document.paths)) {
    if (!path.startsWith("/")) continue; // `x-` extensions
    const located = followRefs({ value: entry, pointer: `#/paths/${escapePointerToken(path)}` }, context.resolve, context.file);
    if (!isJsonObject(located.value)) continue;
    // A referencing Path Item's own fields win over the referenced one's (3.1 allows siblings of `$ref`).
    const { $ref: _ref, ...own } = isJsonObject(entry) ? entry : {};
    const pathItem = { ...located.value, ...own };
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isJsonObject(operation)) continue;
      const pointer = `${method in own ? `#/paths/${escapePointerToken(path)}` : located.pointer}/${method}`;
      found.push({ method, path, operation, pointer, pathItem, pathItemPointer: located.pointer });
    }
  }
  return found;
}

/** `unsendable` receives "METHOD path header name" (or "METHOD path status response header name") for each header left out (see isHeaderName). */
function toOperation(f: Found, name: string, document: JsonObject, context: PartsContext, unsendable: string[]): IrOperation {
  const { operation, pointer } = f;
  const stem = typeStem(name);
  const merged = mergeParameters(
    readParameters(f.pathItem.parameters, `${f.pathItemPointer}/parameters`, context),
    readParameters(operation.parameters, `${pointer}/parameters`, context),
  );
  // A header named with a space or nothing at all: fetch refuses it (a TypeError, the call failed as
  // "network" with whatever else it carried), so the client could never send it, nor the mock ask for it.
  const parameters = merged.filter((parameter) => parameter.in !== "header" || isHeaderName(parameter.name));
  for (const parameter of merged) if (!parameters.includes(parameter)) unsendable.push(`${f.method.toUpperCase()} ${f.path} header ${JSON.stringify(parameter.name)}`);
  const parameterTypes: Partial<Record<ParameterLocation, string>> = {};
  for (const parameter of parameters) parameterTypes[parameter.in] = inlineSchemaName.parameters(stem, parameter.in);
  const requestBody = readRequestBody(operation.requestBody, `${pointer}/requestBody`, stem, context);
  return {
    ...(typeof operation.operationId === "string" && { operationId: operation.operationId }),
    method: f.method,
    path: f.path,
    name,
    typeStem: stem,
    ...textField("summary", operation.summary ?? f.pathItem.summary),
    ...textField("description", operation.description ?? f.pathItem.description),
    deprecated: operation.deprecated === true,
    tags: Array.isArray(operation.tags) ? operation.tags.filter((t): t is string => typeof t === "string") : [],
    parameters,
    parameterTypes,
    ...(requestBody && { requestBody }),
    responses: readResponses(operation.responses, `${pointer}/responses`, stem, context).map((response) => {
      // The mock could not write such a header (Node refuses it: every answer was a 500), nor fetch read it.
      const headers = response.headers.filter((header) => isHeaderName(header.name));
      if (headers.length === response.headers.length) return response;
      for (const header of response.headers) if (!headers.includes(header)) unsendable.push(`${f.method.toUpperCase()} ${f.path} ${response.status} response header ${JSON.stringify(header.name)}`);
      const { headersType, ...rest } = response;
      return { ...rest, headers, ...(headers.length > 0 && { headersType }) };
    }),
    security: readSecurity(Array.isArray(operation.security) ? operation.security : document.security),
    servers: readServers(firstNonEmpty(operation.servers, f.pathItem.servers, document.servers)),
    ownServers: [operation.servers, f.pathItem.servers].some((list) => Array.isArray(list) && list.length > 0),
    ...(typeof operation["x-idempotency-key"] === "string" && { idempotencyKey: operation["x-idempotency-key"] }),
    pointer,
  };
}

/** The operation's parameters override the path item's with the same name and location. */
function mergeParameters(pathLevel: IrParameter[], operationLevel: IrParameter[]): IrParameter[] {
  const key = (p: IrParameter) => `${p.in}\u0000${p.name}`;
  const overridden = new Set(operationLevel.map(key));
  return [...pathLevel.filter((p) => !overridden.has(key(p))), ...operationLevel];
}

function textField<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === "string" ? ({ [key]: value } as Record<K, string>) : {};
}

function readSecurity(requirements: unknown): IrSecurityRequirement[] {
  if (!Array.isArray(requirements)) return [];
  return requirements.filter(isJsonObject).map((requirement) =>
    Object.entries(requirement).map(([scheme, scopes]) => ({ scheme, scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === "string") : [] })),
  );
}

/** `servers` absent or empty at one level means the next level's; none anywhere means "/". */
export function firstNonEmpty(...lists: unknown[]): unknown[] {
  return (lists.find((list) => Array.isArray(list) && list.length > 0) as unknown[] | undefined) ?? [{ url: "/" }];
}

export function readServers(servers: unknown[]): IrServer[] {
  return servers.filter(isJsonObject).map((server) => ({
    url: String(server.url),
    ...textField("description", server.description),
    variables: Object.entries(isJsonObject(server.variables) ? server.variables : {})
      .filter(([, variable]) => isJsonObject(variable))
      .map(([name, variable]) => {
        const v = variable as JsonObject;
        return { name, default: String(v.default), ...(Array.isArray(v.enum) && { enum: v.enum.map(String) }), ...textField("description", v.description) };
      }),
  }));
}
