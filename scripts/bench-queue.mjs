// `npm run bench -- queue`: the generated Koala client's batch queue (generated/koala, as committed)
// against Segment's analytics-node (a dev dependency) and a hand-written control, each side in its
// own process, alternating rounds, all against the same mock server (a child process on 127.0.0.1,
// validation off so that every side's bodies are accepted alike):
//   1. 20,000 track events for 200 people, enqueued one at a time, then closed/flushed: wall time,
//      CPU per event, peak RSS; medians over the rounds and the ratios the issue sets as goals;
//   2. 1,000,000 items enqueued against a slow server with maxQueuedItems 10,000: RSS stays flat,
//      and refused + delivered + failed = enqueued exactly.
// Environment: BENCH_ROUNDS (default 5), BENCH_SKIP_MILLION=1.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./lib/median.mjs";

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), "..");
const require = createRequire(import.meta.url);

const EVENTS = 20_000;
const PEOPLE = 200;
const CONCURRENCY = 8;
const PATH = "/web/projects/pk_bench/batch";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** The i-th event of the workload, as each side's user would write it. */
const eventName = (i) => `Event ${i % 7}`;
const properties = (i) => ({ seq: i, plan: "pro", seats: i % 50 });
const email = (i) => `person${i % PEOPLE}@example.com`;

// ---- workers: one side, one run, in this process; prints one JSON line ----

/** The queue: one enqueue per event (a fresh identity object each time, as callers write it), then close(). */
async function runQueue(url) {
  const koala = require(path.join(root, "generated", "koala", "dist", "cjs", "index.js"));
  const client = koala.createKoalaClient({ publicKey: "pk_bench", baseUrl: url, userAgent: "bench/1.0" });
  const queue = client.batchQueue({ concurrency: CONCURRENCY, maxQueuedItems: EVENTS });
  for (let i = 0; i < EVENTS; i++) {
    if (!queue.enqueue({ email: email(i) }, { type: "track", event: eventName(i), properties: properties(i) })) throw new Error("refused");
  }
  const result = await queue.close({ timeoutMs: 120_000 });
  if (result.failed.length) throw new Error(`queue: ${result.failed.length} failed`);
}

/** The control, by hand: stamp id and time, group by person, split by 30, 8 requests in flight with plain fetch. */
async function runControl(url) {
  const groups = new Map();
  for (let i = 0; i < EVENTS; i++) {
    const event = { type: "track", event: eventName(i), properties: properties(i), message_id: crypto.randomUUID(), sent_at: new Date().toISOString() };
    const key = email(i);
    const list = groups.get(key);
    if (list) list.push(event);
    else groups.set(key, [event]);
  }
  const bodies = [];
  for (const [person, events] of groups) for (let i = 0; i < events.length; i += 30) bodies.push({ email: person, events: events.slice(i, i + 30) });
  const headers = { "content-type": "application/json", "user-agent": "bench/1.0" };
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const response = await fetch(url + PATH, { method: "POST", headers, body: JSON.stringify(bodies[next++]) });
        await response.text();
        if (response.status !== 200) throw new Error(`control: ${response.status}`);
      }
    }),
  );
}

/** Segment analytics-node, as its README says: one track() per event, then closeAndFlush(). */
async function runSegment(url) {
  const { Analytics } = require("@segment/analytics-node");
  const analytics = new Analytics({ writeKey: "bench", host: url, path: PATH });
  let errors = 0;
  analytics.on("error", () => errors++);
  for (let i = 0; i < EVENTS; i++) analytics.track({ userId: email(i), event: eventName(i), properties: properties(i) });
  await analytics.closeAndFlush({ timeout: 120_000 });
  if (errors) throw new Error(`segment: ${errors} errors`);
}

/** 1,000,000 items against a slow server, 1,000 at a time with a turn of the event loop between (a busy producer). */
async function runMillion(url) {
  const koala = require(path.join(root, "generated", "koala", "dist", "cjs", "index.js"));
  const client = koala.createKoalaClient({ publicKey: "pk_bench", baseUrl: url, userAgent: "bench/1.0" });
  const queue = client.batchQueue({ concurrency: CONCURRENCY, maxQueuedItems: 10_000 });
  const total = 1_000_000;
  const rss = [];
  let refused = 0;
  for (let i = 0; i < total; i++) {
    if (!queue.enqueue({ email: email(i) }, { type: "track", event: eventName(i), properties: properties(i) })) refused++;
    if (i % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
    if (i % 100_000 === 99_999) rss.push(process.memoryUsage().rss);
  }
  const result = await queue.close({ timeoutMs: 120_000 });
  const stats = queue.stats();
  return { total, refused, dropped: stats.dropped, delivered: result.delivered, failed: result.failed.length, rss };
}

async function worker(side, url) {
  global.gc?.();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const extra = await { queue: runQueue, control: runControl, segment: runSegment, million: runMillion }[side](url);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  // maxRSS: the process's peak resident set, in KB.
  process.stdout.write(JSON.stringify({ seconds, cpuMicros: used.user + used.system, peakRss: process.resourceUsage().maxRSS * 1024, ...extra }) + "\n");
}

// ---- the parent: server, rounds, figures ----

function startServer(extra = []) {
  const child = spawn(process.execPath, [path.join(root, "dist", "generator", "cli.js"), "mock-server", "--schema", path.join(root, "schemas", "koala-ingestion.openapi.yaml"), "--port", "0", "--no-validate", ...extra], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match) resolve({ url: match[1], stop: () => child.kill("SIGINT") });
    });
    child.once("exit", (code) => reject(new Error(`mock server exited (${code}): ${out}`)));
  });
}

function runWorker(side, url) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [self, "--worker", side, url], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${side} worker exited ${code}: ${out}`))));
  });
}

/** Items the server stored since the last reset (Segment's in `batch`, the others' in `events`). */
async function receivedCount(url) {
  const received = await (await fetch(`${url}/__mock/received`)).json();
  await fetch(`${url}/__mock/reset`, { method: "POST", body: "" });
  return received.items.length;
}

async function comparison() {
  const server = await startServer();
  const sides = ["queue", "control", "segment"];
  const runs = Object.fromEntries(sides.map((s) => [s, []]));
  try {
    await receivedCount(server.url);
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(round + k) % sides.length];
        const run = await runWorker(side, server.url);
        const count = await receivedCount(server.url);
        if (count !== EVENTS) throw new Error(`${side}: the server stored ${count} of ${EVENTS} events`);
        runs[side].push(run);
      }
    }
  } finally {
    server.stop();
  }
  const med = (side, key) => median(runs[side].map((r) => r[key]));
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  for (const side of sides) {
    console.log(
      `queue bench ${side.padEnd(7)}: ${med(side, "seconds").toFixed(2)} s wall (${(EVENTS / med(side, "seconds")).toFixed(0)} events/s), ${(med(side, "cpuMicros") / 1e6).toFixed(2)} s CPU (${(med(side, "cpuMicros") / EVENTS).toFixed(1)} µs/event), ${mb(med(side, "peakRss"))} peak RSS | median of ${ROUNDS} rounds, ${EVENTS} events for ${PEOPLE} people`,
    );
  }
  const verdict = (ok) => (ok ? "OK" : "MISSED");
  const wall = med("queue", "seconds") / med("control", "seconds");
  const pairs = median(runs.queue.map((r, i) => r.seconds / runs.control[i].seconds));
  const throughput = med("segment", "seconds") / med("queue", "seconds");
  const cpu = med("queue", "cpuMicros") / med("segment", "cpuMicros");
  const memory = med("queue", "peakRss") / med("segment", "peakRss");
  console.log(`queue wall time vs hand-written control (group + ${CONCURRENCY} in flight + plain fetch): ${wall.toFixed(2)}× ratio of medians, ${pairs.toFixed(2)}× median of pairs (goal ≤ 1.1×) ${verdict(Math.max(wall, pairs) <= 1.1)}`);
  console.log(`queue throughput vs Segment analytics-node ${require("@segment/analytics-node/package.json").version}: ${throughput.toFixed(2)}× (goal ≥ 2.5×) ${verdict(throughput >= 2.5)}`);
  console.log(`queue CPU per event vs Segment: ${cpu.toFixed(2)}× (goal ≤ 0.5×) ${verdict(cpu <= 0.5)}`);
  console.log(`queue peak memory vs Segment: ${memory.toFixed(2)}× (goal ≤ 0.35×) ${verdict(memory <= 0.35)}`);
}

async function million() {
  // Slow: every request held 50 ms before its answer.
  const server = await startServer(["--fault-rate", "1", "--faults", "delay", "--delay-ms", "50"]);
  try {
    const run = await runWorker("million", server.url);
    const sum = run.refused + run.delivered + run.failed;
    const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
    console.log(`queue 1,000,000 items against a slow server (50 ms per request), maxQueuedItems 10,000: RSS every 100,000 items ${run.rss.map(mb).join(", ")} MB; peak RSS ${mb(run.peakRss)} MB; ${run.seconds.toFixed(1)} s`);
    console.log(`  refused ${run.refused} (stats.dropped ${run.dropped}) + delivered ${run.delivered} + failed ${run.failed} = ${sum} of ${run.total} enqueued ${sum === run.total && run.dropped === run.refused ? "OK" : "MISMATCH"}`);
  } finally {
    server.stop();
  }
}

if (process.argv[2] === "--worker") {
  await worker(process.argv[3], process.argv[4]);
} else {
  await comparison();
  if (!process.env.BENCH_SKIP_MILLION) await million();
}
