/**
 * The IR of an API's operations, beside the named types of ir/model.ts: what the client, the mock
 * server and the docs read, whichever format (OpenAPI 3.0 or 3.1) the API came from. Every `$ref`
 * to a parameter, request body, response, header or path item is already followed; schemas are not
 * inlined but pointed at (`IrSchemaSite`), because they become named types through the JSON Schema
 * normalizer like any `$defs` entry.
 */

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A media type without its parameters, lower-cased: "application/json; charset=utf-8" → "application/json". */
export function mediaTypeEssence(mediaType: string): string {
  return mediaType.split(";")[0]!.trim().toLowerCase();
}

/** A media type with its parameters as the client's runtime reads an answer's (mediaTypeKey there): "application/json; Version=2" is "application/json;version=2". */
export function mediaTypeKey(mediaType: string): string {
  const [essence, ...parameters] = mediaType.split(";").map((part) => part.trim().toLowerCase());
  return [essence, ...parameters.filter((p) => p !== "").map((p) => p.replace(/\s*=\s*/, "="))].join(";");
}

export const PARAMETER_LOCATIONS = ["path", "query", "header", "cookie"] as const;
export type ParameterLocation = (typeof PARAMETER_LOCATIONS)[number];

export type ParameterStyle = "matrix" | "label" | "simple" | "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";

/** A schema of the document and the type it becomes. */
export interface IrSchemaSite {
  /** Where the Schema Object is, as a URI fragment of its document: "#/paths/~1pets/get/responses/200/content/application~1json/schema". */
  pointer: string;
  /** The schema's `$ref` when it is one (the loader resolves it, in this document or another file). */
  ref?: string;
  /**
   * The type name it asks for, before the naming stage makes names unique: the key of a
   * `#/components/schemas/<key>` reference, else a name derived from operation + role (see openapi/names.ts).
   * A request body's reference to a component with read-only properties asks for its request view
   * ("PetRequest"), a response's to one with write-only properties for its response view ("PetResponse").
   */
  name: string;
  /** Set when the type leaves out properties: `readOnly` ones in a request body, `writeOnly` ones in a response (openapi/read-write-views.ts). */
  leavesOut?: "readOnly" | "writeOnly";
}

export interface IrParameter {
  name: string;
  in: ParameterLocation;
  /** Always true for `in: path`. */
  required: boolean;
  deprecated: boolean;
  /** The defaults filled in: simple for path and header, form for query and cookie. */
  style: ParameterStyle;
  /** The default filled in: true for form, false otherwise. */
  explode: boolean;
  allowReserved: boolean;
  allowEmptyValue: boolean;
  /** The parameter's schema (`schema`, or the schema of its one `content` entry); absent means any value. */
  schemaPointer?: string;
  /** Set when the parameter is given by `content` instead of `schema`: the value is serialized as this media type. */
  mediaType?: string;
  description?: string;
  /** Where the Parameter Object is, after following its `$ref`. */
  pointer: string;
}

export interface IrMediaContent {
  mediaType: string;
  /** Absent when the media type has no schema (any body). */
  schema?: IrSchemaSite;
  /** The Encoding Object per property (form-urlencoded and multipart), as written. */
  encoding?: Record<string, { contentType?: string; style?: ParameterStyle; explode?: boolean; allowReserved?: boolean }>;
}

export interface IrRequestBody {
  required: boolean;
  description?: string;
  pointer: string;
  contents: IrMediaContent[];
}

export interface IrHeader {
  name: string;
  required: boolean;
  deprecated: boolean;
  explode: boolean;
  schemaPointer?: string;
  /** Set when the header is given by `content` instead of `schema`: its value is text of this media type. */
  mediaType?: string;
  description?: string;
  pointer: string;
}

export interface IrResponse {
  /** "200", "4XX" (a range, upper-case X) or "default". */
  status: string;
  description?: string;
  pointer: string;
  contents: IrMediaContent[];
  headers: IrHeader[];
  /** The type name of its declared headers as one object ("ListPetsResponse200Headers"), when it declares any. */
  headersType?: string;
}

/** One alternative of a security requirement: every scheme in it applies together. */
export type IrSecurityRequirement = { scheme: string; scopes: string[] }[];

export interface IrServer {
  url: string;
  description?: string;
  variables: { name: string; default: string; enum?: string[]; description?: string }[];
}

export interface IrOperation {
  /** The `operationId` as written, when there is one. */
  operationId?: string;
  method: HttpMethod;
  /** The path template as written: "/users/{id}". */
  path: string;
  /** The client method's name (camelCase, unique among the operations); see openapi/names.ts. */
  name: string;
  /** PascalCase stem of the operation's derived type names ("GetUser" → GetUserResponse200). */
  typeStem: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  tags: string[];
  /** Path-item parameters merged with the operation's (the operation's win by name + location), in that order. */
  parameters: IrParameter[];
  /** The type name of each location's parameters as one object ("GetUserParamsQuery"), for the locations it has. */
  parameterTypes: Partial<Record<ParameterLocation, string>>;
  requestBody?: IrRequestBody;
  /** In document order. */
  responses: IrResponse[];
  /** The operation's, else the document's; `[]` means no authentication. Alternatives: any one of them suffices. */
  security: IrSecurityRequirement[];
  /** The operation's, else the path item's, else the document's, else `[{ url: "/" }]`. */
  servers: IrServer[];
  /** Whether `servers` are the operation's or its path item's own (the client sends there instead of the document's server). */
  ownServers: boolean;
  /** `x-idempotency-key`: the body property (of the items of its arrays) or header parameter that carries the idempotency key. */
  idempotencyKey?: string;
  /** Where the Operation Object is: "#/paths/~1users~1{id}/get". */
  pointer: string;
}

/**
 * A security scheme of `components.securitySchemes`, as the client's options take it: a key
 * (header, query or cookie), a bearer token (http bearer, and the access token of OAuth 2 or
 * OpenID Connect, obtained by the caller), or a user and password (http basic). Others (mutualTLS,
 * http digest, ...) are listed so that the client can say it does not apply them.
 */
export type IrSecurityScheme = { name: string; description?: string } & IrSecurityKind;

export type IrSecurityKind =
  | { kind: "apiKey"; in: "header" | "query" | "cookie"; parameterName: string }
  | { kind: "bearer"; from: "http" | "oauth2" | "openIdConnect"; bearerFormat?: string }
  | { kind: "basic" }
  | { kind: "unsupported"; type: string };
