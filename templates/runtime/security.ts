/**
 * Credentials for generated OpenAPI clients, set once in the client's options and applied to each
 * request its operation's `security` asks for: an API key in a header, the query or a cookie; an
 * HTTP bearer token (also the access token of OAuth 2 / OpenID Connect); HTTP basic user and password.
 * Small independent functions: a client with only a bearer scheme ships no basic-auth code.
 */

/** What a request is given by the credentials: added to its headers, query string and Cookie header. */
export interface AuthParts {
  headers: Record<string, string>;
  /** `name=value` pairs, already percent-encoded. */
  query: string[];
  /** `name=value` cookies. */
  cookies: string[];
}

export function emptyAuthParts(): AuthParts {
  return { headers: {}, query: [], cookies: [] };
}

/** An `apiKey` scheme: the key under `name`, in a header, the query string or a cookie. */
export function applyApiKey(parts: AuthParts, location: "header" | "query" | "cookie", name: string, key: string): void {
  if (location === "header") parts.headers[name] = key;
  else if (location === "query") parts.query.push(`${encodeURIComponent(name)}=${encodeURIComponent(key)}`);
  else parts.cookies.push(`${name}=${encodeURIComponent(key)}`);
}

/** `Authorization: Bearer <token>`. */
export function applyBearer(parts: AuthParts, token: string): void {
  parts.headers.Authorization = `Bearer ${token}`;
}

/** `Authorization: Basic <base64 of user:password>`, UTF-8 (RFC 7617's charset="UTF-8"). */
export function applyBasic(parts: AuthParts, username: string, password: string): void {
  parts.headers.Authorization = `Basic ${base64Utf8(`${username}:${password}`)}`;
}

/** A credential: the key (apiKey), the token (bearer, OAuth 2, OpenID Connect), or a user and password (basic). */
export type Credential = string | { username: string; password: string };

/**
 * A security scheme of the document, as a generated client's factory lists it: what its credential
 * adds to a request. One per kind, so a client bundles only the kinds its document declares.
 */
export type SchemeApplier = (parts: AuthParts, credential: Credential) => void;

export const bearerScheme: SchemeApplier = (parts, credential) => {
  if (typeof credential === "string") applyBearer(parts, credential);
};

export const basicScheme: SchemeApplier = (parts, credential) => {
  if (typeof credential === "object") applyBasic(parts, credential.username, credential.password);
};

export function apiKeyScheme(location: "header" | "query" | "cookie", name: string): SchemeApplier {
  return (parts, credential) => {
    if (typeof credential === "string") applyApiKey(parts, location, name, credential);
  };
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 of the UTF-8 bytes of `text`, without TextEncoder or btoa (so without the DOM lib); a lone surrogate counts as U+FFFD. */
function base64Utf8(text: string): string {
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  const bytes = encodeURIComponent(wellFormed).replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes.charCodeAt(i) << 16) | ((bytes.charCodeAt(i + 1) || 0) << 8) | (bytes.charCodeAt(i + 2) || 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]! + (i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : "=") + (i + 2 < bytes.length ? BASE64[n & 63]! : "=");
  }
  return out;
}

/**
 * The first alternative of an operation's security requirements that the configured credentials
 * cover entirely (an empty alternative needs none); undefined when none is covered.
 */
export function chooseSecurity(alternatives: readonly (readonly string[])[], configured: (scheme: string) => boolean): readonly string[] | undefined {
  return alternatives.find((schemes) => schemes.every(configured));
}
