/**
 * Type-level tests of the generated Koala types: every `@ts-expect-error` must be an error and
 * every other line must compile (tsc fails on an unused `@ts-expect-error`).
 */
import type { IdentifyCall, KoalaProfileBatchRequest, PageView, TrackEvent } from "../../generated/koala/src/index.js";

// The documented payloads are accepted: by profile_id, by email, or both.
export const byProfile: KoalaProfileBatchRequest = {
  profile_id: "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba",
  events: [{ type: "track", event: "Created Account", properties: { plan: "pro" }, sent_at: "2026-11-27T10:00:00Z" }],
};
export const byEmail: KoalaProfileBatchRequest = {
  email: "person@example.com",
  identifies: [{ type: "identify", traits: { email: "person@example.com", vip: true, billing_plan: "pro", custom: 1 } }],
  page_views: [{ type: "page", name: "Pricing", message_id: "m-1" }],
};
export const both: KoalaProfileBatchRequest = { profile_id: "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba", email: "person@example.com" };
// The server accepts unknown keys, and so do the types.
export const extra: KoalaProfileBatchRequest = { email: "a@b.co", ip: "10.0.0.1", context: { library: "x" } };

// @ts-expect-error neither profile_id nor email
export const empty: KoalaProfileBatchRequest = {};
// @ts-expect-error events without an identifier
export const eventsOnly: KoalaProfileBatchRequest = { events: [{ type: "track", event: "x" }] };
// @ts-expect-error profile_id must be a string
export const numericId: KoalaProfileBatchRequest = { profile_id: 42 };

// @ts-expect-error a wrong `type` constant
export const wrongType: TrackEvent = { type: "page", event: "Signed Up" };
// @ts-expect-error a missing `event`
export const missingEvent: TrackEvent = { type: "track" };
// @ts-expect-error identify's traits.vip is a boolean
export const wrongTrait: IdentifyCall = { type: "identify", traits: { vip: "yes" } };
// @ts-expect-error a page view is not an event
export const pageAsEvent: KoalaProfileBatchRequest = { email: "a@b.co", events: [{ type: "page" } satisfies PageView] };

// Optional stays optional and exact: `message_id` is a string when present.
export function messageId(event: TrackEvent): string | undefined {
  return event.message_id;
}
