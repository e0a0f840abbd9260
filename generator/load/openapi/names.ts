/**
 * The names an OpenAPI document gives the generated code, beyond `components.schemas` keys:
 *
 * - a client method per operation: its `operationId` in camelCase ("get-user_by id" → getUserById),
 *   else the method followed by each path segment in PascalCase, a template segment as "By" + its
 *   name (GET /users/{id}/posts → getUsersByIdPosts), a path of no words as "Root" (GET / → getRoot). Operations with an `operationId`
 *   are named first, then the others, each group in document order (paths in order, methods in the
 *   specification's order get, put, post, delete, options, head, patch, trace); a name already taken
 *   (compared case-insensitively, as the derived type names are) gets the next free numeric suffix
 *   (getUsers2; getV2_2 after a digit) and a warning;
 * - the type stem of an operation is its method name in PascalCase (getUserById → GetUserById);
 * - inline schemas are named stem + role: `<Stem>Params<Path|Query|Header|Cookie>` (the location's
 *   parameters as one object), `<Stem>RequestBody`, `<Stem>Response<Status>` (200, 4XX, Default);
 *   when a body or response has inline schemas under several media types, each also gets its media
 *   subtype in PascalCase (Json, Xml, XWwwFormUrlencoded, FormData; `*` → Any);
 * - a response's declared headers: `<Stem>Response<Status>Headers` (all of them as one object) and
 *   `<Stem>Response<Status>Header<Name>` (each header's schema, unless it is a bare `$ref`).
 */
import { numberedName, toPascalCase, toTypeName, toValueName } from "../../identifiers";
import type { HttpMethod, ParameterLocation } from "./operation-model";
import { pointerTokens } from "./document-refs";

/** The method name an operation asks for, before collisions are settled. */
export function desiredOperationName(operationId: string | undefined, method: HttpMethod, path: string): string {
  if (operationId !== undefined && toPascalCase(operationId) !== "") return toValueName(operationId);
  return toValueName(methodPathWords(method, path));
}

/** "GET", "/users/{id}/posts" → "get users By id posts" (words for toValueName). */
function methodPathWords(method: HttpMethod, path: string): string {
  const words: string[] = [];
  for (const piece of path.split(/(\{[^}]*\})/)) {
    if (piece.startsWith("{") && piece.endsWith("}")) words.push("By", piece.slice(1, -1));
    else words.push(piece);
  }
  const named = toPascalCase(words.join(" ")) !== "";
  return `${method} ${named ? words.join(" ") : "Root"}`;
}

/** Unique method names: first comer keeps its name, later ones get a numeric suffix and a warning. */
export class OperationNames {
  private readonly taken = new Map<string, string>();
  readonly warnings: string[] = [];

  /** `where`: the file and JSON pointer of the operation, which a warning starts with. */
  allocate(desired: string, origin: string, where: string): string {
    let name = desired;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = numberedName(desired, n);
    if (name !== desired) this.warnings.push(`${where}: operation name collision: ${origin} wanted "${desired}", taken by ${this.taken.get(desired.toLowerCase())}; using "${name}"`);
    this.taken.set(name.toLowerCase(), origin);
    return name;
  }
}

export function typeStem(operationName: string): string {
  return toTypeName(operationName);
}

export const inlineSchemaName = {
  parameters: (stem: string, location: ParameterLocation): string => `${stem}Params${toPascalCase(location)}`,
  requestBody: (stem: string): string => `${stem}RequestBody`,
  response: (stem: string, status: string): string => `${stem}Response${status === "default" ? "Default" : status}`,
  /** A response's declared headers as one object, and each header's own schema: ListPetsResponse200Headers, ListPetsResponse200HeaderXRateLimit. */
  responseHeaders: (stem: string, status: string): string => `${inlineSchemaName.response(stem, status)}Headers`,
  responseHeader: (stem: string, status: string, header: string): string => `${inlineSchemaName.response(stem, status)}Header${toPascalCase(header) || "Value"}`,
  /** The suffix for one of several media types: "application/x-www-form-urlencoded" → "XWwwFormUrlencoded". */
  mediaSuffix: (mediaType: string): string => toPascalCase(mediaType.split(";")[0]!.split("/")[1] ?? "") || "Any",
} as const;

/** The key of a `#/components/schemas/<key>` reference: that schema's type name. */
export function componentSchemaName(ref: string): string | undefined {
  const tokens = pointerTokens(ref);
  return tokens?.length === 3 && tokens[0] === "components" && tokens[1] === "schemas" ? tokens[2] : undefined;
}
