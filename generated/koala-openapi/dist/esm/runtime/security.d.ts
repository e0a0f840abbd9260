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
export declare function emptyAuthParts(): AuthParts;
/** An `apiKey` scheme: the key under `name`, in a header, the query string or a cookie. */
export declare function applyApiKey(parts: AuthParts, location: "header" | "query" | "cookie", name: string, key: string): void;
/** `Authorization: Bearer <token>`. */
export declare function applyBearer(parts: AuthParts, token: string): void;
/** `Authorization: Basic <base64 of user:password>`, UTF-8 (RFC 7617's charset="UTF-8"). */
export declare function applyBasic(parts: AuthParts, username: string, password: string): void;
/** A credential: the key (apiKey), the token (bearer, OAuth 2, OpenID Connect), or a user and password (basic). */
export type Credential = string | {
    username: string;
    password: string;
};
/**
 * A security scheme of the document, as a generated client's factory lists it: what its credential
 * adds to a request. One per kind, so a client bundles only the kinds its document declares.
 */
export type SchemeApplier = (parts: AuthParts, credential: Credential) => void;
export declare const bearerScheme: SchemeApplier;
export declare const basicScheme: SchemeApplier;
export declare function apiKeyScheme(location: "header" | "query" | "cookie", name: string): SchemeApplier;
/**
 * The first alternative of an operation's security requirements that the configured credentials
 * cover entirely (an empty alternative needs none); undefined when none is covered.
 */
export declare function chooseSecurity(alternatives: readonly (readonly string[])[], configured: (scheme: string) => boolean): readonly string[] | undefined;
