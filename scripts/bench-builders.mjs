/**
 * Builders benchmark: the generated Koala builders (the committed CommonJS build, as a user runs
 * it) side by side with what they replace — a hand-written literal checked with the same guard —
 * plus chunking and grouping at volume. Prints ops/s and ratios. Run: npm run bench.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** @type {typeof import("../generated/koala/src/index")} */
const k = createRequire(import.meta.url)(path.join(ROOT, "generated", "koala", "dist", "cjs", "index.js"));

/** Runs `fn` for about `ms` milliseconds (after a warm-up) and returns calls per second. */
function opsPerSecond(fn, ms = 400) {
  for (let i = 0; i < 2_000; i++) fn();
  let calls = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 100; i++) fn();
    calls += 100;
    elapsed = process.hrtime.bigint() - start;
  }
  return (calls * 1e9) / Number(elapsed);
}

function row(label, ops, baseline) {
  const ratio = baseline ? `  (${(ops / baseline).toFixed(2)}x the hand-written line)` : "";
  console.log(`${label.padEnd(58)} ${Math.round(ops).toLocaleString("en-US").padStart(12)} ops/s${ratio}`);
}

const PROFILE = "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba";
const props = { plan: "pro", seats: 3 };

// Every result goes into a sink, so that no engine can drop the work as dead code.
const sink = new Array(1024);
let slot = 0;
const keep = (value) => {
  sink[slot++ & 1023] = value;
};
const literal = opsPerSecond(() => {
  const event = { type: "track", event: `Signed Up`, properties: { ...props } };
  if (!k.isTrackEvent(event)) throw new Error("invalid");
  keep(event);
});
row("hand-written literal + isTrackEvent", literal);
row('track("Signed Up", properties)', opsPerSecond(() => keep(k.track("Signed Up", { ...props }))), literal);
row("createTrackEvent({ event, properties })", opsPerSecond(() => keep(k.createTrackEvent({ event: "Signed Up", properties: { ...props } }))), literal);
row("track(..., { idempotencyKey, timestamp })", opsPerSecond(() => keep(k.track("Signed Up", { ...props }, { idempotencyKey: true, timestamp: true }))), literal);

const thirty = Array.from({ length: 30 }, (_, i) => k.track(`e${i}`, props));
row("createKoalaProfileBatchRequest (30 events)", opsPerSecond(() => keep(k.createKoalaProfileBatchRequest({ profile_id: PROFILE, events: thirty }))));

const thousand = Array.from({ length: 1_000 }, (_, i) => k.track(`e${i}`, props));
const big = { profile_id: PROFILE, events: thousand };
const chunks = opsPerSecond(() => keep(k.chunkKoalaProfileBatchRequest(big)), 600);
row("chunkKoalaProfileBatchRequest (1,000 events → 34 requests)", chunks);
row("  same, { validate: false } (split only)", opsPerSecond(() => keep(k.chunkKoalaProfileBatchRequest(big, { validate: false })), 600));

const people = Array.from({ length: 10 }, (_, i) => ({ email: `p${i}@example.com` }));
const entries = thousand.map((item, i) => ({ identity: people[i % 10], item }));
const grouped = opsPerSecond(() => keep(k.groupKoalaProfileBatchRequestItems(entries)), 600);
row("groupKoalaProfileBatchRequestItems (1,000 items, 10 people)", grouped);
console.log(`items per second through groupKoalaProfileBatchRequestItems (grouped, chunked, validated): ${Math.round(grouped * 1_000).toLocaleString("en-US")}`);

// Grouping keyed by value: a fresh identity object per entry (as callers build them) against shared
// objects (what a Map of people gives), 20,000 items for 200 people; median of 9 runs each, interleaved.
const twenty = Array.from({ length: 20_000 }, (_, i) => ({ i, item: k.track(`e${i % 7}`, props) }));
const shared = Array.from({ length: 200 }, (_, i) => ({ email: `person${i}@example.com` }));
const sharedEntries = twenty.map(({ i, item }) => ({ identity: shared[i % 200], item }));
const freshEntries = () => twenty.map(({ i, item }) => ({ identity: { email: `person${i % 200}@example.com` }, item }));
const times = { fresh: [], shared: [] };
for (let run = 0; run < 9; run++) {
  const fresh = freshEntries();
  for (const [name, list] of [["fresh", fresh], ["shared", sharedEntries]]) {
    const start = process.hrtime.bigint();
    keep(k.groupKoalaProfileBatchRequestItems(list));
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`groupKoalaProfileBatchRequestItems, 20,000 items for 200 people (grouped, chunked, validated): fresh identity object per entry ${mid(times.fresh).toFixed(1)} ms, shared identity objects ${mid(times.shared).toFixed(1)} ms (median of 9)`);
