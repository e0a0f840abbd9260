// Benchmark of the generated Koala client (generated/koala, as committed) against the mock server
// in a child process on 127.0.0.1 (so the server's CPU is not charged to the client):
//   1. throughput of client.batch() vs bare fetch() posting the same pre-built bodies, side by side,
//      alternating rounds, same concurrency; the ratio is the client's overhead (goal ≤ 5%);
//   2. the minified + gzipped size of the whole Koala runtime (guards + builders + client), goal ≤ 4 KB,
//      measured as size-limit does: esbuild bundles every export of the package, minified, gzip -9.
// Run with `npm run bench` (after `npm run build`). Prints one line per figure.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { median } from "./lib/median.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const koala = require(path.join(root, "generated", "koala", "dist", "cjs", "index.js"));

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const CONCURRENCY = 8;
// Short runs in rounds (every side once per round, rotating order), compared round by round: drift in
// the machine's load hits every side of a round alike, and the median round ignores outliers.
const PAIRS = Number(process.env.BENCH_PAIRS ?? 16);

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
    // A reference, not the goal's baseline: bare fetch plus the per-attempt timeout every careful caller adds
    // (an AbortController, a cleared timer, the signal passed to fetch), to show what undici charges for a signal.
    const bareTimeout = () => pool(bodies, async (body) => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      try {
        const response = await fetch(url, { method: "POST", headers, body, signal: controller.signal });
        await response.text();
        if (response.status !== 200) throw new Error(`bare fetch: ${response.status}`);
      } finally {
        clearTimeout(timer);
      }
    });
    const client = koala.createKoalaClient({ publicKey: "pk_bench", baseUrl: server.url, userAgent: "bench/1.0" });
    const viaClient = () => pool(requests, async (request) => {
      const result = await client.batch(request);
      if (!result.ok) throw new Error(`client: ${JSON.stringify(result).slice(0, 200)}`);
    });
    const sides = { bare, bareTimeout, client: viaClient };
    const runs = { bare: [], bareTimeout: [], client: [] };
    for (const run of Object.values(sides)) await run(); // warm-up: connections, JIT
    // Rounds in rotating order (bare→timeout→client, timeout→client→bare, ...): drift in the machine's load
    // hits every side of a round alike, each side runs first equally often, and medians ignore outliers.
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
    const wall = (base) => ({
      ofMedians: (rate(base) / rate("client") - 1) * 100,
      ofPairs: median(runs.client.map((c, i) => c.seconds / runs[base][i].seconds - 1)) * 100,
    });
    const vsBare = wall("bare");
    const verdict = Math.max(vsBare.ofMedians, vsBare.ofPairs) <= 5 ? "OK" : "OVER";
    console.log(`client overhead vs bare fetch, wall time (validate + ids + stringify + timeout signal + retry logic): ${vsBare.ofMedians.toFixed(1)}% ratio of medians, ${vsBare.ofPairs.toFixed(1)}% median of pairs (goal ≤ 5%) ${verdict}`);
    const cpu = (name) => median(runs[name].map((r) => r.cpuMicros)) / REQUESTS;
    const cpuDelta = (base, side = "client") => median(runs[side].map((c, i) => c.cpuMicros - runs[base][i].cpuMicros)) / REQUESTS;
    console.log(`client CPU per request in this process: bare fetch ${cpu("bare").toFixed(0)} µs, client.batch ${cpu("client").toFixed(0)} µs (${signed(cpuDelta("bare"))} µs median of pairs, ${((cpu("client") / cpu("bare") - 1) * 100).toFixed(1)}%)`);
    const vsTimeout = wall("bareTimeout");
    console.log(`  reference: bare fetch + per-request timeout signal ${cpu("bareTimeout").toFixed(0)} µs CPU (undici's signal handling: ${signed(cpuDelta("bare", "bareTimeout"))} µs median of pairs); client overhead vs it: ${vsTimeout.ofMedians.toFixed(1)}% wall ratio of medians, ${vsTimeout.ofPairs.toFixed(1)}% median of pairs, ${signed(cpuDelta("bareTimeout"))} µs CPU`);
  } finally {
    server.stop();
  }
}

/** The client's own cost with the network taken out: a fetch that answers at once, vs calling it with the pre-built body. */
async function ownCost() {
  const requests = workload(2000);
  const bodies = requests.map((r) => JSON.stringify(r));
  const response = { status: 200, headers: { get: () => null }, text: async () => "" };
  const instant = async () => response;
  const client = koala.createKoalaClient({ publicKey: "pk_bench", baseUrl: "http://127.0.0.1:9", fetch: instant });
  const init = { method: "POST", headers: { "content-type": "application/json", "user-agent": "bench/1.0" } };
  let bare = Infinity;
  let own = Infinity;
  for (let round = 0; round < 5; round++) {
    let started = process.hrtime.bigint();
    for (const body of bodies) await instant("http://127.0.0.1:9/web/projects/pk_bench/batch", { ...init, body });
    bare = Math.min(bare, Number(process.hrtime.bigint() - started) / 1e3 / bodies.length);
    started = process.hrtime.bigint();
    for (const request of requests) await client.batch(request);
    own = Math.min(own, Number(process.hrtime.bigint() - started) / 1e3 / requests.length);
  }
  console.log(`client's own cost per request (15 items; fetch answering at once, best of 5): ${(own - bare).toFixed(1)} µs (validate, ids, JSON.stringify, timeout/abort wiring)`);
}

/**
 * The size a user's app pays for the whole package, measured the way size-limit and bundlephobia do:
 * a real bundler (esbuild: bundle + minify + tree-shake, ESM) builds an entry that re-exports every
 * export of the package (`export * from "<package>/dist/esm/index.js"`: guards, builders, client and
 * the runtime they use; nothing is left out, nothing unused inside the package is kept), then gzip -9.
 */
async function size() {
  const esbuild = require("esbuild");
  const esm = path.join(root, "generated", "koala", "dist", "esm");
  const bundle = async (entry) => {
    const result = await esbuild.build({
      stdin: { contents: entry, resolveDir: esm, loader: "js" },
      absWorkingDir: esm,
      bundle: true,
      minify: true,
      treeShaking: true,
      format: "esm",
      target: "es2020",
      legalComments: "none",
      write: false,
      metafile: true,
    });
    const code = result.outputFiles[0].text;
    const inputs = Object.values(result.metafile.outputs)[0].inputs;
    return { minified: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length, inputs };
  };
  const all = await bundle(`export * from "./index.js";`);
  const client = await bundle(`export * from "./runtime/http-client.js";`);
  const has = (name) => existsSync(path.join(esm, name));
  const artifacts = ["guards.js", "builders.js", "client.js"].filter(has).map((n) => n.replace(".js", "")).join(" + ");
  console.log(`runtime size (every export of the package: ${artifacts} + runtime/*; esbuild ${esbuild.version} bundle+minify+tree-shake, gzip -9): ${all.minified} B minified, ${all.gz} B (${(all.gz / 1024).toFixed(2)} KB) min+gzip (goal ≤ 4 KB) ${all.gz <= 4096 ? "OK" : "OVER"}`);
  console.log(`  the transport alone (runtime/http-client.js): ${client.minified} B minified, ${client.gz} B min+gzip`);
  const parts = Object.entries(all.inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([file, v]) => `${file} ${v.bytesInOutput}`);
  console.log(`  per module (minified bytes in the bundle): ${parts.join(", ")}`);
}

await throughput();
await ownCost();
await size();
