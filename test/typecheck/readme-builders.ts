/** docs/builders.md's example, type-checked with the strictest consumer settings (kept in step by hand). */
import {
  chunkKoalaProfileBatchRequest,
  createKoalaProfileBatchRequest,
  groupKoalaProfileBatchRequestItems,
  identify,
  page,
  track,
  validateKoalaProfileBatchRequest,
} from "../../generated/koala/src/index.js";

// One person's batch: constants (`type`) are filled in, the identity is required by the types.
const batch = createKoalaProfileBatchRequest({
  email: "ada@example.com",
  identifies: [identify({ billing_plan: "pro", vip: true })],
  page_views: [page("Pricing", { path: "/pricing" })],
  events: [track("Signed Up", { plan: "pro" }, { idempotencyKey: true, timestamp: true })],
});

// More than 30 events? chunk by the schema's maxItems: every part keeps email/profile_id.
const many = { ...batch, events: Array.from({ length: 70 }, (_, i) => track("Viewed Doc", { doc: i }, { idempotencyKey: true })) };
const requests = chunkKoalaProfileBatchRequest(many); // 3 requests: 30 + 30 + 10 events
for (const request of requests) {
  const result = validateKoalaProfileBatchRequest(request); // every part is already checked; this is the guard
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path} ${e.message}`).join("; "));
}

// Items of many people → one request per person (then chunked).
const perPerson = groupKoalaProfileBatchRequestItems([
  { identity: { email: "ada@example.com" }, item: track("Logged In") },
  { identity: { profile_id: "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba" }, item: page("Home") },
  { identity: { email: "ada@example.com" }, item: identify({ vip: true }) },
]);
console.log(requests.map((r) => r.events?.length), perPerson.length, batch.events?.[0]);
