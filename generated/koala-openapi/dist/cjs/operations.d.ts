import { type CallOptions as $CallOptions } from "./runtime/http-client.js";
import { type ApiClient as $ApiClient, type OperationClientOptions as $OperationClientOptions } from "./runtime/operation-call.js";
import { type ApiFailure as $ApiFailure, type ApiHttpError as $ApiHttpError, type ApiSuccess as $ApiSuccess } from "./runtime/responses.js";
import type { Accepted, AccountsBatchParamsHeader, AccountsBatchParamsPath, BatchParamsHeader, BatchParamsPath, Error_, KoalaAccountBatchRequest, KoalaProfileBatchRequest } from "./types.js";
export type { ApiClient, BlobLike, MultipartBody, OperationClientOptions } from "./runtime/operation-call.js";
export type { Credential } from "./runtime/security.js";
export type { ApiFailure, ApiHttpError, ApiIssue, ApiSuccess, ApiUnsupportedMethod, HeadersLike, StatusRange } from "./runtime/responses.js";
/** Options of {@link createKoalaIngestionClient}: the transport's options, `validateResponses`, `retryNonIdempotent` and credentials. */
export interface KoalaIngestionClientOptions extends $OperationClientOptions {
    /** Scheme, host and path prefix of the API. Default: https://api2.getkoala.com. */
    baseUrl?: string;
}
/** What every operation function takes first: settings only, no connection or timer. */
export type KoalaIngestionClient = $ApiClient;
/** Creates the client every operation function takes; a base URL that is not absolute http(s) is a TypeError. */
export declare function createKoalaIngestionClient(options?: KoalaIngestionClientOptions): KoalaIngestionClient;
/** The request of {@link batch}: its parameters by location and its body. */
export interface BatchRequest {
    /** The path parameters. */
    path: BatchParamsPath;
    /** The header parameters. */
    header: BatchParamsHeader;
    /** The request body (application/json). */
    body: KoalaProfileBatchRequest;
}
/** What {@link batch} resolves to: a declared status with its typed body, or why there is none. Never a rejection. */
export type BatchResult = $ApiSuccess<200, Accepted> | $ApiHttpError<400, Error_> | $ApiHttpError<401, Error_> | $ApiHttpError<429, Error_> | $ApiFailure;
/**
 * `POST /web/projects/{publicKey}/batch`: Send one person's events, identify calls and page views.
 *
 * One request per person: everything in it belongs to the `profile_id` or `email` it names. Up to 30 each of events, identifies and page views. `message_id` on an event is the idempotency key: Koala drops a replayed event with a known id.
 */
export declare function batch(client: $ApiClient, request: BatchRequest, call?: $CallOptions): Promise<BatchResult>;
/** The request of {@link accountsBatch}: its parameters by location and its body. */
export interface AccountsBatchRequest {
    /** The path parameters. */
    path: AccountsBatchParamsPath;
    /** The header parameters. */
    header: AccountsBatchParamsHeader;
    /** The request body (application/json). */
    body: KoalaAccountBatchRequest;
}
/** What {@link accountsBatch} resolves to: a declared status with its typed body, or why there is none. Never a rejection. */
export type AccountsBatchResult = $ApiSuccess<200, Accepted> | $ApiHttpError<400, Error_> | $ApiHttpError<401, Error_> | $ApiHttpError<429, Error_> | $ApiFailure;
/**
 * `POST /web/projects/{publicKey}/accounts/batch`: Send one account's traits and events.
 *
 * `domain` (recommended; the account is created when missing) or `account_id` names the account; `identifies` carry its traits (with `group_id` for multi-tenant accounts).
 */
export declare function accountsBatch(client: $ApiClient, request: AccountsBatchRequest, call?: $CallOptions): Promise<AccountsBatchResult>;
/**
 * Every operation with its method and path, for generic callers (tests, a command line): importing
 * this map bundles every operation; import the functions themselves to bundle only those.
 */
export declare const koalaIngestionOperations: {
    readonly batch: {
        readonly method: "POST";
        readonly path: "/web/projects/{publicKey}/batch";
        readonly call: typeof batch;
    };
    readonly accountsBatch: {
        readonly method: "POST";
        readonly path: "/web/projects/{publicKey}/accounts/batch";
        readonly call: typeof accountsBatch;
    };
};
