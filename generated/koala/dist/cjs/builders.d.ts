import type { KoalaProfileBatchRequest, TrackEvent, IdentifyCall, PageView, KoalaAccountBatchRequest, AccountIdentifyCall } from "./types.js";
import * as runtime from "./runtime/builders.js";
export type { StampOptions } from "./runtime/builders.js";
/**
 * Builds a {@link KoalaProfileBatchRequest} and checks it against the schema.
 *
 * @throws SchemaValidationError with the guard's errors when the result is not valid.
 */
export declare function createKoalaProfileBatchRequest(input: KoalaProfileBatchRequest): KoalaProfileBatchRequest;
/** What {@link createTrackEvent} takes: a {@link TrackEvent} whose constants may be left out. */
export type TrackEventInput = runtime.BuilderInput<TrackEvent, "type">;
/**
 * Builds a {@link TrackEvent} and checks it against the schema.
 * Fills in `type: "track"`.
 * `options.idempotencyKey` fills `message_id` with `crypto.randomUUID()` when the input has none.
 * `options.timestamp` fills `sent_at` with now (or the given Date) when the input has none.
 *
 * @throws SchemaValidationError with the guard's errors when the result is not valid.
 */
export declare function createTrackEvent(input: TrackEventInput, options?: Pick<runtime.StampOptions, "idempotencyKey" | "timestamp">): TrackEvent;
/** What {@link createIdentifyCall} takes: an {@link IdentifyCall} whose constants may be left out. */
export type IdentifyCallInput = runtime.BuilderInput<IdentifyCall, "type">;
/**
 * Builds an {@link IdentifyCall} and checks it against the schema.
 * Fills in `type: "identify"`.
 * `options.timestamp` fills `sent_at` with now (or the given Date) when the input has none.
 *
 * @throws SchemaValidationError with the guard's errors when the result is not valid.
 */
export declare function createIdentifyCall(input: IdentifyCallInput, options?: Pick<runtime.StampOptions, "timestamp">): IdentifyCall;
/** What {@link createPageView} takes: a {@link PageView} whose constants may be left out. */
export type PageViewInput = runtime.BuilderInput<PageView, "type">;
/**
 * Builds a {@link PageView} and checks it against the schema.
 * Fills in `type: "page"`.
 * `options.idempotencyKey` fills `message_id` with `crypto.randomUUID()` when the input has none.
 * `options.timestamp` fills `sent_at` with now (or the given Date) when the input has none.
 *
 * @throws SchemaValidationError with the guard's errors when the result is not valid.
 */
export declare function createPageView(input: PageViewInput, options?: Pick<runtime.StampOptions, "idempotencyKey" | "timestamp">): PageView;
/**
 * Builds a {@link KoalaAccountBatchRequest} and checks it against the schema.
 *
 * @throws SchemaValidationError with the guard's errors when the result is not valid.
 */
export declare function createKoalaAccountBatchRequest(input: KoalaAccountBatchRequest): KoalaAccountBatchRequest;
/**
 * Builds an {@link AccountIdentifyCall} and checks it against the schema.
 * `options.timestamp` fills `sent_at` with now (or the given Date) when the input has none.
 *
 * @throws SchemaValidationError with the guard's errors when the result is not valid.
 */
export declare function createAccountIdentifyCall(input: AccountIdentifyCall, options?: Pick<runtime.StampOptions, "timestamp">): AccountIdentifyCall;
/** The last argument of {@link track}: the other properties of a {@link TrackEvent}, and the stamp options. */
export type TrackOptions = runtime.Rest<TrackEventInput, "event" | "properties"> & Pick<runtime.StampOptions, "idempotencyKey" | "timestamp">;
/**
 * Builds a {@link TrackEvent} (`type: "track"`): shorthand for {@link createTrackEvent}.
 *
 * @throws SchemaValidationError with the guard's errors when the result is not valid.
 */
export declare function track(event: TrackEvent["event"], properties?: TrackEvent["properties"], options?: TrackOptions): TrackEvent;
/** The last argument of {@link identify}: the other properties of an {@link IdentifyCall}, and the stamp options. */
export type IdentifyOptions = runtime.Rest<IdentifyCallInput, "traits"> & Pick<runtime.StampOptions, "timestamp"> & {
    idempotencyKey?: never;
};
/**
 * Builds an {@link IdentifyCall} (`type: "identify"`): shorthand for {@link createIdentifyCall}.
 *
 * @throws SchemaValidationError with the guard's errors when the result is not valid.
 */
export declare function identify(traits?: IdentifyCall["traits"], options?: IdentifyOptions): IdentifyCall;
/** The last argument of {@link page}: the other properties of a {@link PageView}, and the stamp options. */
export type PageOptions = runtime.Rest<PageViewInput, "name" | "properties"> & Pick<runtime.StampOptions, "idempotencyKey" | "timestamp">;
/**
 * Builds a {@link PageView} (`type: "page"`): shorthand for {@link createPageView}.
 *
 * @throws SchemaValidationError with the guard's errors when the result is not valid.
 */
export declare function page(name?: PageView["name"], properties?: PageView["properties"], options?: PageOptions): PageView;
/**
 * Splits a {@link KoalaProfileBatchRequest} whose arrays hold more than their `maxItems` (`events`: 30, `identifies`: 30, `page_views`: 30) into
 * as many requests as needed, in order; each keeps every non-array property (the identity).
 * A request within the limits comes back alone. Every part is checked with assertKoalaProfileBatchRequest,
 * unless `options.validate` is false (for a caller that checks the parts itself, or means not to).
 *
 * @throws SchemaValidationError with the guard's errors when a part is not valid.
 */
export declare function chunkKoalaProfileBatchRequest(request: KoalaProfileBatchRequest, options?: {
    validate?: boolean | undefined;
}): KoalaProfileBatchRequest[];
/**
 * Splits a {@link KoalaAccountBatchRequest} whose arrays hold more than their `maxItems` (none in this schema) into
 * as many requests as needed, in order; each keeps every non-array property (the identity).
 * A request within the limits comes back alone. Every part is checked with assertKoalaAccountBatchRequest,
 * unless `options.validate` is false (for a caller that checks the parts itself, or means not to).
 *
 * @throws SchemaValidationError with the guard's errors when a part is not valid.
 */
export declare function chunkKoalaAccountBatchRequest(request: KoalaAccountBatchRequest, options?: {
    validate?: boolean | undefined;
}): KoalaAccountBatchRequest[];
/** Who a {@link KoalaProfileBatchRequest} is about: every property but the item arrays. */
export type KoalaProfileBatchRequestIdentity = runtime.Rest<KoalaProfileBatchRequest, "events" | "identifies" | "page_views">;
/** An item of any of the arrays of a {@link KoalaProfileBatchRequest}. */
export type KoalaProfileBatchRequestItem = TrackEvent | IdentifyCall | PageView;
/** An item and the identity it belongs to, for {@link groupKoalaProfileBatchRequestItems}. */
export type KoalaProfileBatchRequestEntry = runtime.IdentifiedItem<KoalaProfileBatchRequestIdentity, KoalaProfileBatchRequestItem>;
/**
 * Groups items by identity into requests: one per distinct identity (in order of first
 * appearance), each item in its array (by `type`), split with {@link chunkKoalaProfileBatchRequest}.
 *
 * @throws TypeError when an item fits none of the arrays.
 * @throws SchemaValidationError with the guard's errors when a request is not valid.
 */
export declare function groupKoalaProfileBatchRequestItems(entries: Iterable<KoalaProfileBatchRequestEntry>): KoalaProfileBatchRequest[];
/** Who a {@link KoalaAccountBatchRequest} is about: every property but the item arrays. */
export type KoalaAccountBatchRequestIdentity = runtime.Rest<KoalaAccountBatchRequest, "identifies" | "events">;
/** An item of any of the arrays of a {@link KoalaAccountBatchRequest}. */
export type KoalaAccountBatchRequestItem = AccountIdentifyCall | TrackEvent;
/** An item and the identity it belongs to, for {@link groupKoalaAccountBatchRequestItems}. */
export type KoalaAccountBatchRequestEntry = runtime.IdentifiedItem<KoalaAccountBatchRequestIdentity, KoalaAccountBatchRequestItem>;
/**
 * Groups items by identity into requests: one per distinct identity (in order of first
 * appearance), each item in its array (by the first item type whose guard accepts it), split with {@link chunkKoalaAccountBatchRequest}.
 *
 * @throws TypeError when an item fits none of the arrays.
 * @throws SchemaValidationError with the guard's errors when a request is not valid.
 */
export declare function groupKoalaAccountBatchRequestItems(entries: Iterable<KoalaAccountBatchRequestEntry>): KoalaAccountBatchRequest[];
