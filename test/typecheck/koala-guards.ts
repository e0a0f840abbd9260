/**
 * Type-level tests of the generated Koala guards: what each guard narrows to is exactly the
 * generated type (not a supertype, not `any`), validate/assert/Standard Schema carry the same type,
 * and `XSchema` is a real Standard Schema v1 as @standard-schema/spec defines it.
 */
import type { StandardSchemaV1 } from "@standard-schema/spec";
import {
  assertIdentifyCall,
  assertKoalaProfileBatchRequest,
  IdentifyCallSchema,
  isKoalaProfileBatchRequest,
  isPageView,
  isTrackEvent,
  KoalaProfileBatchRequestSchema,
  validateKoalaProfileBatchRequest,
  validatePageView,
  type IdentifyCall,
  type KoalaProfileBatchRequest,
  type PageView,
  type TrackEvent,
  type ValidationError,
} from "../../generated/koala/src/index.js";
import * as koala from "../../generated/koala/src/index.js";

/** true only when A and B are the same type (mutual assignability is not enough: any would pass). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

export function narrowing(value: unknown): void {
  if (isKoalaProfileBatchRequest(value)) expectType<Equal<typeof value, KoalaProfileBatchRequest>>(true);
  if (isTrackEvent(value)) expectType<Equal<typeof value, TrackEvent>>(true);
  if (isPageView(value)) expectType<Equal<typeof value, PageView>>(true);
  // @ts-expect-error a guard does not narrow to another named type
  if (isPageView(value)) expectType<Equal<typeof value, TrackEvent>>(true);
  // @ts-expect-error nor to any
  if (isTrackEvent(value)) expectType<Equal<typeof value, any>>(true);
}

export function asserting(a: unknown, b: unknown): void {
  assertKoalaProfileBatchRequest(a);
  expectType<Equal<typeof a, KoalaProfileBatchRequest>>(true);
  assertIdentifyCall(b);
  expectType<Equal<typeof b, IdentifyCall>>(true);
}

// assertX narrows when called through the package's namespace too, and through a const typed as an assertion.
export function assertingThroughNamespace(a: unknown, b: unknown): void {
  koala.assertTrackEvent(a);
  expectType<Equal<typeof a, TrackEvent>>(true);
  const check: (value: unknown) => asserts value is PageView = koala.assertPageView;
  check(b);
  expectType<Equal<typeof b, PageView>>(true);
}

export function validating(value: unknown): void {
  const result = validateKoalaProfileBatchRequest(value);
  if (result.ok) expectType<Equal<typeof result.value, KoalaProfileBatchRequest>>(true);
  else expectType<Equal<typeof result.errors, ValidationError[]>>(true);
  const page = validatePageView(value);
  if (page.ok) expectType<Equal<typeof page.value, PageView>>(true);
  // @ts-expect-error no value on failure
  if (!page.ok) page.value;
}

// The local Standard Schema declaration is the spec's: assignable both ways, same inferred types.
export const standard: StandardSchemaV1<KoalaProfileBatchRequest> = KoalaProfileBatchRequestSchema;
export const standardIdentify: StandardSchemaV1<IdentifyCall> = IdentifyCallSchema;
expectType<Equal<StandardSchemaV1.InferOutput<typeof KoalaProfileBatchRequestSchema>, KoalaProfileBatchRequest>>(true);
expectType<Equal<StandardSchemaV1.InferInput<typeof IdentifyCallSchema>, IdentifyCall>>(true);
// @ts-expect-error the schema of one type is not the schema of another
export const wrong: StandardSchemaV1<PageView> = IdentifyCallSchema;
