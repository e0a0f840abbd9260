import { type StandardSchemaV1, type ValidationResult } from "./runtime/validation.js";
import type { KoalaProfileBatchRequest, TrackEvent, IdentifyCall, PageView, KoalaAccountBatchRequest, AccountIdentifyCall } from "./types.js";
export { SchemaValidationError } from "./runtime/validation.js";
export type { StandardSchemaV1, ValidationError, ValidationResult } from "./runtime/validation.js";
/** Whether `value` is a valid KoalaProfileBatchRequest. The fast path: no allocation when it is. */
export declare function isKoalaProfileBatchRequest(value: unknown): value is KoalaProfileBatchRequest;
/** Checks `value` against KoalaProfileBatchRequest's schema and returns it typed, or every error. */
export declare function validateKoalaProfileBatchRequest(value: unknown): ValidationResult<KoalaProfileBatchRequest>;
/** Throws a SchemaValidationError listing every error unless `value` is a valid KoalaProfileBatchRequest. */
export declare function assertKoalaProfileBatchRequest(value: unknown): asserts value is KoalaProfileBatchRequest;
/** KoalaProfileBatchRequest as a Standard Schema v1 validator (https://standardschema.dev). */
export declare const KoalaProfileBatchRequestSchema: StandardSchemaV1<KoalaProfileBatchRequest>;
/** Whether `value` is a valid TrackEvent. The fast path: no allocation when it is. */
export declare function isTrackEvent(value: unknown): value is TrackEvent;
/** Checks `value` against TrackEvent's schema and returns it typed, or every error. */
export declare function validateTrackEvent(value: unknown): ValidationResult<TrackEvent>;
/** Throws a SchemaValidationError listing every error unless `value` is a valid TrackEvent. */
export declare function assertTrackEvent(value: unknown): asserts value is TrackEvent;
/** TrackEvent as a Standard Schema v1 validator (https://standardschema.dev). */
export declare const TrackEventSchema: StandardSchemaV1<TrackEvent>;
/** Whether `value` is a valid IdentifyCall. The fast path: no allocation when it is. */
export declare function isIdentifyCall(value: unknown): value is IdentifyCall;
/** Checks `value` against IdentifyCall's schema and returns it typed, or every error. */
export declare function validateIdentifyCall(value: unknown): ValidationResult<IdentifyCall>;
/** Throws a SchemaValidationError listing every error unless `value` is a valid IdentifyCall. */
export declare function assertIdentifyCall(value: unknown): asserts value is IdentifyCall;
/** IdentifyCall as a Standard Schema v1 validator (https://standardschema.dev). */
export declare const IdentifyCallSchema: StandardSchemaV1<IdentifyCall>;
/** Whether `value` is a valid PageView. The fast path: no allocation when it is. */
export declare function isPageView(value: unknown): value is PageView;
/** Checks `value` against PageView's schema and returns it typed, or every error. */
export declare function validatePageView(value: unknown): ValidationResult<PageView>;
/** Throws a SchemaValidationError listing every error unless `value` is a valid PageView. */
export declare function assertPageView(value: unknown): asserts value is PageView;
/** PageView as a Standard Schema v1 validator (https://standardschema.dev). */
export declare const PageViewSchema: StandardSchemaV1<PageView>;
/** Whether `value` is a valid KoalaAccountBatchRequest. The fast path: no allocation when it is. */
export declare function isKoalaAccountBatchRequest(value: unknown): value is KoalaAccountBatchRequest;
/** Checks `value` against KoalaAccountBatchRequest's schema and returns it typed, or every error. */
export declare function validateKoalaAccountBatchRequest(value: unknown): ValidationResult<KoalaAccountBatchRequest>;
/** Throws a SchemaValidationError listing every error unless `value` is a valid KoalaAccountBatchRequest. */
export declare function assertKoalaAccountBatchRequest(value: unknown): asserts value is KoalaAccountBatchRequest;
/** KoalaAccountBatchRequest as a Standard Schema v1 validator (https://standardschema.dev). */
export declare const KoalaAccountBatchRequestSchema: StandardSchemaV1<KoalaAccountBatchRequest>;
/** Whether `value` is a valid AccountIdentifyCall. The fast path: no allocation when it is. */
export declare function isAccountIdentifyCall(value: unknown): value is AccountIdentifyCall;
/** Checks `value` against AccountIdentifyCall's schema and returns it typed, or every error. */
export declare function validateAccountIdentifyCall(value: unknown): ValidationResult<AccountIdentifyCall>;
/** Throws a SchemaValidationError listing every error unless `value` is a valid AccountIdentifyCall. */
export declare function assertAccountIdentifyCall(value: unknown): asserts value is AccountIdentifyCall;
/** AccountIdentifyCall as a Standard Schema v1 validator (https://standardschema.dev). */
export declare const AccountIdentifyCallSchema: StandardSchemaV1<AccountIdentifyCall>;
