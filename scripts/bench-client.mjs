// Benchmark of the generated Koala client (generated/koala, as committed) against the mock server
// in a child process on 127.0.0.1 (so the server's CPU is not charged to the client):
//   1. throughput of client.batch() vs bare fetch() posting the same pre-built bodies, side by side,
//      alternating rounds, same concurrency; the ratio is the client's overhead (a reference; the queue bench has the goals);
//   2. the minified + gzipped size of the whole Koala runtime (guards + builders + client), and per-artifact budgets,
//      measured as size-limit does: esbuild bundles every export of the package, minified, gzip -9.
// Run with `npm run bench` (after `npm run build`). Prints one line per figure.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./lib/median.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const koala = require(path.join(root, "generated", "koala", "dist", "cjs", "index.js"));

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const CONCURRENCY = 8;
// Short runs in rounds (every side once per round, rotating order), compared round by round: drift in
// the machine's load hits every side of a round alike, and the median round ignores outliers.
const PAIRS = Number(process.env.BENCH_PAIRS ?? 30);

/** The mock server as a child process (validation off: the server's cost is the same for both sides anyway). */
async function startServer() {
  const child = spawn(process.execPath, [path.join(root, "dist", "generator", "cli.js"), "mock-server", "--port", "0", "--no-validate"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`mock server exited (${code}): ${out}`)));
  });
  return { url, stop: () => child.kill("SIGINT") };
}

/** One person per request: 10 events and 5 page views, message ids already set (so both sides send the same bytes). */
function workload(n) {
  return Array.from({ length: n }, (_, i) => ({
    profile_id: `3e6a2c18-3b02-40c4-b8d2-${String(i).padStart(12, "0")}`,
    events: Array.from({ length: 10 }, (_, j) => ({ type: "track", event: `Event ${j}`, message_id: `m-${i}-e${j}`, properties: { plan: "pro", seats: j }, sent_at: "2026-01-01T00:00:00.000Z" })),
    page_views: Array.from({ length: 5 }, (_, j) => ({ type: "page", name: `/docs/${j}`, message_id: `m-${i}-p${j}`, sent_at: "2026-01-01T00:00:00.000Z" })),
  }));
}

async function pool(items, worker) {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await worker(items[next++]);
  }));
}

/** Wall time (s) and this process's CPU time (µs) of one run. */
async function timed(run) {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await run();
  const used = process.cpuUsage(cpu);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuMicros: used.user + used.system };
}

const signed = (x) => `${x < 0 ? "−" : "+"}${Math.abs(x).toFixed(0)}`;

async function throughput() {
  const server = await startServer();
  try {
    const requests = workload(REQUESTS);
    const bodies = requests.map((r) => JSON.stringify(r));
    const url = `${server.url}/web/projects/pk_bench/batch`;
    // Like for like: the same URL, headers and bytes, and the response read to the end as text, as the client does.
    const headers = { "content-type": "application/json", "user-agent": "bench/1.0" };
    const bare = () => pool(bodies, async (body) => {
      const response = await fetch(url, { method: "POST", headers, body });
      await response.text();
      if (response.status !== 200) throw new Error(`bare fetch: ${response.status}`);
    });
    // References, not the goal's baseline: bare fetch plus, one at a time, the work the issue requires of the
    // client, each done by hand. (1) the per-attempt timeout every careful caller adds (an AbortController, a
    // cleared timer, the signal passed to fetch): what undici charges for a signal; (2) that, plus sending the
    // object (JSON.stringify per request, as the client must). The client against (2) is its own logic alone.
    const withTimeout = async (body) => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      try {
        const response = await fetch(url, { method: "POST", headers, body, signal: controller.signal });
        await response.text();
        if (response.status !== 200) throw new Error(`bare fetch: ${response.status}`);
      } finally {
        clearTimeout(timer);
      }
    };
    const bareTimeout = () => pool(bodies, withTimeout);
    const bareStringify = () => pool(requests, (request) => withTimeout(JSON.stringify(request)));
    const client = koala.createKoalaClient({ publicKey: "pk_bench", baseUrl: server.url, userAgent: "bench/1.0" });
    const viaClient = () => pool(requests, async (request) => {
      const result = await client.batch(request);
      if (!result.ok) throw new Error(`client: ${JSON.stringify(result).slice(0, 200)}`);
    });
    const sides = { bare, bareTimeout, bareStringify, client: viaClient };
    const runs = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
    for (const run of Object.values(sides)) await run(); // warm-up: connections, JIT
    // Rounds in rotating order (bare→timeout→stringify→client, timeout→stringify→client→bare, ...): drift in the
    // machine's load hits every side of a round alike, each side runs first equally often, medians ignore outliers.
    const names = Object.keys(sides);
    for (let round = 0; round < PAIRS; round++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(round + k) % names.length];
        runs[name].push(await timed(sides[name]));
      }
    }
    const rate = (name) => REQUESTS / median(runs[name].map((r) => r.seconds));
    const items = 15;
    console.log(`client throughput: bare fetch ${rate("bare").toFixed(0)} req/s (${(rate("bare") * items).toFixed(0)} items/s) | client.batch ${rate("client").toFixed(0)} req/s (${(rate("client") * items).toFixed(0)} items/s) | ${PAIRS} rounds of ${REQUESTS} requests, ${CONCURRENCY} in flight, median`);
    // Two views of the same runs: the ratio of the medians, and the median of the round-by-round ratios.
    const wall = (base, side = "client") => ({
      ofMedians: (rate(base) / rate(side) - 1) * 100,
      ofPairs: median(runs[side].map((c, i) => c.seconds / runs[base][i].seconds - 1)) * 100,
    });
    const vsBare = wall("bare");
    console.log(`client overhead vs bare fetch, wall time (validate + ids + stringify + timeout signal + retry logic): ${vsBare.ofMedians.toFixed(1)}% ratio of medians, ${vsBare.ofPairs.toFixed(1)}% median of pairs (a reference: the goal against bare fetch is retired, see bench-queue)`);
    const cpu = (name) => median(runs[name].map((r) => r.cpuMicros)) / REQUESTS;
    const cpuDelta = (base, side = "client") => median(runs[side].map((c, i) => c.cpuMicros - runs[base][i].cpuMicros)) / REQUESTS;
    console.log(`client CPU per request in this process: bare fetch ${cpu("bare").toFixed(0)} µs, client.batch ${cpu("client").toFixed(0)} µs (${signed(cpuDelta("bare"))} µs median of pairs, ${((cpu("client") / cpu("bare") - 1) * 100).toFixed(1)}%)`);
    // The overhead split into its parts, each against the side before it (wall: median of pairs; CPU: median of pairs).
    const step = (base, side) => `${wall(base, side).ofPairs.toFixed(1)}% wall, ${signed(cpuDelta(base, side))} µs CPU`;
    console.log(`  where it goes (each step vs the one before, median of pairs): undici's handling of the timeout signal ${step("bare", "bareTimeout")} | JSON.stringify of the request ${step("bareTimeout", "bareStringify")} | the client's own logic (validate, ids, split, retry bookkeeping) ${step("bareStringify", "client")}`);
  } finally {
    server.stop();
  }
}

/**
 * The client's own cost with the network taken out (so no loopback noise): a fetch that answers at
 * once, called (1) with the pre-built body, (2) with JSON.stringify + a timeout controller and timer,
 * as a careful caller would, (3) through client.batch. Best of 9 rounds each, interleaved.
 */
async function ownCost() {
  const requests = workload(2000);
  const bodies = requests.map((r) => JSON.stringify(r));
  const response = { status: 200, headers: { get: () => null }, text: async () => "" };
  const instant = async () => response;
  const client = koala.createKoalaClient({ publicKey: "pk_bench", baseUrl: "http://127.0.0.1:9", userAgent: "bench/1.0", fetch: instant });
  const url = "http://127.0.0.1:9/web/projects/pk_bench/batch";
  const headers = { "content-type": "application/json", "user-agent": "bench/1.0" };
  const sides = {
    bare: async () => {
      for (const body of bodies) await instant(url, { method: "POST", headers, body });
    },
    byHand: async () => {
      for (const request of requests) {
        const body = JSON.stringify(request);
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 10_000);
        try {
          await (await instant(url, { method: "POST", headers, body, signal: controller.signal })).text();
        } finally {
          clearTimeout(timer);
        }
      }
    },
    client: async () => {
      for (const request of requests) await client.batch(request);
    },
  };
  const best = { bare: Infinity, byHand: Infinity, client: Infinity };
  for (let round = 0; round < 9; round++) {
    for (const [name, run] of Object.entries(sides)) {
      const started = process.hrtime.bigint();
      await run();
      best[name] = Math.min(best[name], Number(process.hrtime.bigint() - started) / 1e3 / requests.length);
    }
  }
  console.log(`client's own cost per request (15 items; fetch answering at once, best of 9): ${(best.client - best.bare).toFixed(1)} µs over bare fetch, of which JSON.stringify + timeout controller/timer ${(best.byHand - best.bare).toFixed(1)} µs and the client's own logic (validate, ids, split, retry bookkeeping) ${(best.client - best.byHand).toFixed(1)} µs`);
}

/**
 * The size a user's app pays for the whole package, measured the way size-limit and bundlephobia do:
 * a real bundler (esbuild: bundle + minify + tree-shake, ESM) builds an entry that re-exports every
 * export of the package (`export * from "<package>/dist/esm/index.js"`: guards, builders, client and
 * the runtime they use; nothing is left out, nothing unused inside the package is kept), then gzip -9.
 */
async function size() {
  const { bundleSize } = require(path.join(root, "dist", "scripts", "lib", "bundle-size.js"));
  const esbuild = require("esbuild");
  const esm = path.join(root, "generated", "koala", "dist", "esm");
  const bundle = (entry, dir = esm, external = []) => bundleSize(entry, dir, external);
  const all = await bundle(`export * from "./index.js";`);
  // What each artifact adds, in the order they depend on one another (client needs builders needs guards).
  const guardsOnly = await bundle(`export * from "./guards.js";`);
  const withBuilders = await bundle(`export * from "./guards.js"; export * from "./builders.js";`);
  const client = await bundle(`export * from "./runtime/http-client.js";`);
  const has = (name) => existsSync(path.join(esm, name));
  const artifacts = ["guards.js", "builders.js", "client.js"].filter(has).map((n) => n.replace(".js", "")).join(" + ");
  console.log(`runtime size (every export of the package: ${artifacts} + runtime/*; esbuild ${esbuild.version} bundle+minify+tree-shake, gzip -9): ${all.minified} B minified, ${all.gz} B (${(all.gz / 1024).toFixed(2)} KB) min+gzip (the one 4 KB goal is retired: see the per-artifact budgets below)`);
  console.log(`  by artifact (min+gzip): guards ${guardsOnly.gz} B, + builders ${withBuilders.gz - guardsOnly.gz} B, + client ${all.gz - withBuilders.gz} B; the transport alone (runtime/http-client.js) ${client.gz} B`);
  const single = await schemaOnly(bundle, 0, [`export * from "./index.js";`, `export * from "./guards.js";`]);
  console.log(`  the same package for the profile batch schema alone (its one endpoint, as when the goal was set): ${single[0].minified} B minified, ${single[0].gz} B min+gzip`);
  await budgets(bundle, single[1], guardsOnly, withBuilders, client);
  const parts = Object.entries(all.inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([file, v]) => `${file} ${v.bytesInOutput}`);
  console.log(`  per module (minified bytes in the bundle): ${parts.join(", ")}`);
}

/**
 * Per-artifact budgets (min+gzip, bundled as above), each what a user pays for one part: the guards
 * of one schema (each schema's package generated alone), the builders on top of the guards, the
 * transport, and the queue, which only code importing it pays (guards + builders do not include it).
 */
async function budgets(bundle, profileGuards, guardsOnly, withBuilders, transport) {
  const [accountGuards] = await schemaOnly(bundle, 1, [`export * from "./guards.js";`]);
  // The queue's own code: its one import (identityKey, from runtime/builders.js) is counted with the builders (groupXItems uses it).
  const queue = await bundle(`export * from "./runtime/batch-queue.js";`, undefined, ["./builders.js"]);
  const budget = (label, bytes, limit) => `${label} ${bytes} B (≤ ${limit} B) ${bytes <= limit ? "OK" : "OVER"}`;
  const unpaid = !Object.keys(withBuilders.inputs).some((file) => file.includes("batch-queue"));
  console.log(
    `size budgets (min+gzip): ${[
      budget("guards, profile schema", profileGuards.gz, 3072),
      budget("guards, account schema", accountGuards.gz, 3072),
      budget("builders (over guards)", withBuilders.gz - guardsOnly.gz, 1536),
      budget("client transport", transport.gz, 2048),
      budget("queue (runtime/batch-queue.js, its import from the builders' runtime aside)", queue.gz, 1536),
    ].join(" | ")} | guards + builders without the queue: ${unpaid ? "yes" : "NO"}`,
  );
}

/** The package generated for one of the config's schemas alone (scripts/lib/bundle-size.ts), bundled the same way, once per entry. */
async function schemaOnly(bundle, index, entries) {
  const { withSchemaPackage } = require(path.join(root, "dist", "scripts", "lib", "bundle-size.js"));
  return withSchemaPackage(root, index, async (esm) => {
    const out = [];
    for (const entry of entries) out.push(await bundle(entry, esm));
    return out;
  });
}

await throughput();
await ownCost();
await size();
