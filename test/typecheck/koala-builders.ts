/**
 * Type-level tests of the generated Koala builders, under the strictest consumer settings
 * (exactOptionalPropertyTypes included): every `@ts-expect-error` must be an error.
 */
import {
  chunkKoalaProfileBatchRequest,
  createIdentifyCall,
  createKoalaProfileBatchRequest,
  createTrackEvent,
  groupKoalaProfileBatchRequestItems,
  identify,
  page,
  track,
  type KoalaProfileBatchRequest,
  type TrackEvent,
} from "../../generated/koala/src/index.js";

// The constant is left out, and may be written only with its own value.
export const signedUp: TrackEvent = createTrackEvent({ event: "Signed Up" });
export const explicit: TrackEvent = createTrackEvent({ event: "Signed Up", type: "track" });
// @ts-expect-error a wrong constant
createTrackEvent({ event: "Signed Up", type: "identify" });
// @ts-expect-error a missing required field
createTrackEvent({});
// @ts-expect-error a wrong field type
createTrackEvent({ event: 42 });
// @ts-expect-error stamping a key the type does not have
createIdentifyCall({}, { idempotencyKey: true });

// The root builder needs profile_id or email.
export const byEmail: KoalaProfileBatchRequest = createKoalaProfileBatchRequest({ email: "a@example.com", events: [signedUp] });
export const byProfile: KoalaProfileBatchRequest = createKoalaProfileBatchRequest({ profile_id: "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba" });
// @ts-expect-error a missing identity
createKoalaProfileBatchRequest({ events: [signedUp] });
// @ts-expect-error a missing identity, empty
createKoalaProfileBatchRequest({});
// @ts-expect-error an identity of the wrong type
createKoalaProfileBatchRequest({ email: 5 });
// @ts-expect-error a hand-written item with a wrong constant
createKoalaProfileBatchRequest({ email: "a@example.com", events: [{ type: "page", event: "x" }] });

// Short builders: positional arguments from the schema, the rest by name, stamps on request.
track("Signed Up", { plan: "pro" }, { message_id: "m-1", idempotencyKey: true, timestamp: new Date() });
identify({ vip: true, billing_plan: "pro" }, { timestamp: true });
page();
page("Pricing", { path: "/pricing" }, { sent_at: "2026-11-27T10:00:00Z" });
// @ts-expect-error track needs an event
track();
// @ts-expect-error properties must be an object
track("Signed Up", "pro");
// @ts-expect-error message_id is a string
track("Signed Up", {}, { message_id: 1 });
// @ts-expect-error the event is positional: it cannot also come in the options
track("Signed Up", {}, { event: "Other" });
// @ts-expect-error traits.vip is a boolean
identify({ vip: "yes" });
// @ts-expect-error IdentifyCall has no idempotency key
identify({}, { idempotencyKey: true });

// chunk and group keep the request type; an identity never carries items.
export const parts: KoalaProfileBatchRequest[] = chunkKoalaProfileBatchRequest(byEmail);
export const grouped: KoalaProfileBatchRequest[] = groupKoalaProfileBatchRequestItems([
  { identity: { email: "a@example.com" }, item: signedUp },
  { identity: { profile_id: "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba" }, item: page("Home") },
]);
// @ts-expect-error an identity needs profile_id or email
groupKoalaProfileBatchRequestItems([{ identity: {}, item: signedUp }]);
// @ts-expect-error an identity cannot carry items
groupKoalaProfileBatchRequestItems([{ identity: { email: "a@example.com", events: [] }, item: signedUp }]);
// @ts-expect-error an item must be one of the item types
groupKoalaProfileBatchRequestItems([{ identity: { email: "a@example.com" }, item: { type: "alias" } }]);
