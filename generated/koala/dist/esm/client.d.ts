import { type CallOptions, type SendResult, type TransportOptions } from "./runtime/http-client.js";
import type { KoalaProfileBatchRequest, KoalaAccountBatchRequest } from "./types.js";
export type { AbortSignalLike, CallOptions, ClientHooks, FailureKind, FetchInit, FetchLike, FetchResponse, RequestEvent, ResponseEvent, RetryEvent, RetryOptions, SendFailure, SendResult, SendSuccess, TransportOptions, ValidationIssue } from "./runtime/http-client.js";
/** Options of {@link createKoalaClient}: the endpoint parameters, plus the transport's options. */
export interface KoalaClientOptions extends TransportOptions {
    /** Fills `{publicKey}` in the endpoint paths. */
    publicKey: string;
}
/** One method per endpoint. Methods never throw for HTTP or network failures: see {@link SendResult}. */
export interface KoalaClient {
    /**
     * `POST /web/projects/{publicKey}/batch` with a {@link KoalaProfileBatchRequest}: checked with validateKoalaProfileBatchRequest; split by `maxItems` with chunkKoalaProfileBatchRequest; `message_id` filled in where missing (`events`, `page_views`); sent with retries.
     */
    batch(request: KoalaProfileBatchRequest, options?: CallOptions): Promise<SendResult<KoalaProfileBatchRequest>>;
    /**
     * `POST /web/projects/{publicKey}/accounts/batch` with a {@link KoalaAccountBatchRequest}: checked with validateKoalaAccountBatchRequest; split by `maxItems` with chunkKoalaAccountBatchRequest; `message_id` filled in where missing (`events`); sent with retries.
     */
    accountsBatch(request: KoalaAccountBatchRequest, options?: CallOptions): Promise<SendResult<KoalaAccountBatchRequest>>;
}
/** Creates a client (defaults: base URL https://api2.getkoala.com, User-Agent koala-events/0.1.0). It holds no timers or connections of its own. */
export declare function createKoalaClient(options: KoalaClientOptions): KoalaClient;
