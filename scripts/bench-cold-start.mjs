#!/usr/bin/env node
// Cold start: `koala-codegen generate` on the Koala config (both schemas, every artifact, built) and
// `generate --check`, each a fresh `node` process, median of BENCH_RUNS (default 7) wall times, next
// to what the pieces cost in a fresh process (node itself, prettier with its first
// format) and json-schema-to-typescript's CLI (types only). The generate() rows run the pipeline as
// the CLI does (prettier on its worker thread) with stages switched off, so their differences are
// what each stage adds to the wall time, overlap included, and the report says what dominates.
// The CLI turns on V8's compile cache (generator/compile-cache.ts: Node's own on 22.1+, its own on
// Node 20): a last pair of measurements, run alternately so that a drifting load favours neither,
// shows what it saves. The table's CLI rows have it as users do, its `node -e`
// rows do not: on 22+ the shares of generate put less on the CLI than it costs without the cache.
// (generate loads neither ts-morph nor TypeScript: every module is printed as text.)
// Then the goals of issue 14, each side by side in one run: cold `generate --emit types` and
// `generate` of every artifact on the Koala profile schema (step cache off) over json-schema-to-typescript's
// CLI on the same schema, as ratios of paired medians, each a fresh process: first with V8's compile
// cache as a user has it from the second run on (filled by the pair's warm-up run; json-schema-to-typescript
// turns none on, it has the same warm-up), then with it off on our side (a first run after install);
// and `generate --watch` on the Koala config, the median time from a one-line schema edit to the
// regenerated output, in the warm process.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import nodeModule from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./lib/median.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.env.BENCH_RUNS ?? 7);
const cli = path.join(root, "dist", "generator", "cli.js");
const koala = path.join(root, "schemas", "koala-profile-batch-request.schema.json");
const config = JSON.parse(readFileSync(path.join(root, "koala-codegen.config.json"), "utf8"));
const koalaSchemas = config.schemas.map(({ path: file, ...rest }) => ({ ...rest, schema: path.join(root, file) }));
const tmp = mkdtempSync(path.join(os.tmpdir(), "koala-bench-cold-"));
cpSync(path.join(root, "generated", "koala"), path.join(tmp, "checked"), { recursive: true });

/** Runs the command `runs` times, each a fresh process: the median wall time, or the first failure. */
function medianRun(args, options = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(args[0], args.slice(1), { cwd: root, encoding: "utf8", ...options });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) return { error: (result.stderr || result.stdout).split("\n")[0] };
  }
  return { ms: median(times) };
}

/** `a` and `b` alternately, `runs` times each (after one warm-up of each): their median wall times. */
function pairedMedians(a, b) {
  const times = [[], []];
  for (let i = -1; i < runs; i++) {
    [a, b].forEach(([args, options], side) => {
      const started = process.hrtime.bigint();
      const result = spawnSync(args[0], args.slice(1), { cwd: root, ...options });
      if (result.status !== 0) throw new Error(`bench-cold-start: ${args.join(" ")} failed: ${String(result.stderr).split("\n")[0]}`);
      if (i >= 0) times[side].push(Number(process.hrtime.bigint() - started) / 1e6);
    });
  }
  return times.map(median);
}

const node = (code) => [process.execPath, "-e", code];
const dist = (file) => JSON.stringify(path.join(root, "dist", "generator", file));
/** generate() on the Koala config as the CLI runs it (prettier's worker thread started first), with `options` on top. */
const pipeline = (options) =>
  `const t=require(${dist("print/format-thread.js")}).startFormatThread();` +
  `require(${dist("index.js")}).generate({schemas:${JSON.stringify(koalaSchemas)},packageName:${JSON.stringify(config.packageName)},client:${JSON.stringify(config.client)},formatter:t.format,...${JSON.stringify(options)}}).then(()=>t.close())`;
const rows = [
  ["node itself", node("")],
  ["prettier standalone + first format", node(`const p=require(${JSON.stringify(path.join(root, "node_modules", "prettier", "standalone.js"))});p.format("const a = 1",{parser:"typescript",plugins:[require(${JSON.stringify(path.join(root, "node_modules", "prettier", "plugins", "typescript.js"))}),require(${JSON.stringify(path.join(root, "node_modules", "prettier", "plugins", "estree.js"))})]})`)],
  ["generate, no build (src only)", node(pipeline({ build: false }))],
  ["generate, no build, no prettier", node(pipeline({ build: false, format: false }))],
  ["koala-codegen generate (all artifacts, built)", [process.execPath, cli, "generate", "--out", path.join(tmp, "out"), "--quiet"], { env: { ...process.env, KOALA_CODEGEN_CACHE: "0" } }],
  ["koala-codegen generate --check", [process.execPath, cli, "generate", "--check", "--out", path.join(tmp, "checked"), "--quiet"], { env: { ...process.env, KOALA_CODEGEN_CACHE: "0" } }],
  // The CLI's cache (prettier and TypeScript results by content hash): the first run fills it.
  ["generate, cache filled by an earlier run", [process.execPath, cli, "generate", "--out", path.join(tmp, "out"), "--quiet"], { env: { ...process.env, KOALA_CODEGEN_CACHE: path.join(tmp, "cache") }, warm: true }],
  ["generate --check, cache filled", [process.execPath, cli, "generate", "--check", "--out", path.join(tmp, "checked"), "--quiet"], { env: { ...process.env, KOALA_CODEGEN_CACHE: path.join(tmp, "cache") }, warm: true }],
  ["json-schema-to-typescript CLI (types only)", [process.execPath, path.join(root, "node_modules", "json-schema-to-typescript", "dist", "src", "cli.js"), "-i", koala, "-o", path.join(tmp, "j2t.d.ts")]],
];

const compileCache = typeof nodeModule.enableCompileCache === "function" ? "Node's compile cache" : "the CLI's own code cache, Node < 22.1";
console.log(`cold start: median of ${runs} fresh processes; node ${process.version} (${compileCache}), ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
const results = {};
for (const [label, args, options = {}] of rows) {
  const { warm, ...spawnOptions } = options;
  if (warm) spawnSync(args[0], args.slice(1), { cwd: root, ...spawnOptions });
  const r = medianRun(args, spawnOptions);
  results[label] = r.ms;
  console.log(`${label.padEnd(46)} ${r.ms !== undefined ? `${(r.ms / 1000).toFixed(3)} s` : `FAILED: ${r.error}`}`);
}
const total = results["koala-codegen generate (all artifacts, built)"];
const parts = {
  "node": results["node itself"],
  "load, IR, emit, print": results["generate, no build, no prettier"] - results["node itself"],
  "prettier (worker thread, net of overlap)": results["generate, no build (src only)"] - results["generate, no build, no prettier"],
  "build (esbuild + .d.ts), CLI, write": total - results["generate, no build (src only)"],
};
const dominant = Object.entries(parts).sort((a, b) => b[1] - a[1])[0];
const cached = results["generate, cache filled by an earlier run"];
const check = results["koala-codegen generate --check"];
const verdict = (ms) => (ms <= 600 ? "OK" : "OVER");
console.log(`budget 0.600 s, cache off: generate ${(total / 1000).toFixed(3)} s ${verdict(total)}, --check ${(check / 1000).toFixed(3)} s ${verdict(check)}; with the cache filled: ${(cached / 1000).toFixed(3)} s, --check ${(results["generate --check, cache filled"] / 1000).toFixed(3)} s`);
console.log(`shares of generate: ${Object.entries(parts).map(([k, v]) => `${k} ${(v / 1000).toFixed(3)} s`).join(", ")}; dominated by ${dominant[0]}`);
const noCompileCache = { ...process.env, KOALA_CODEGEN_CACHE: "0", NODE_DISABLE_COMPILE_CACHE: "1" };
const generateArgs = [process.execPath, cli, "generate", "--out", path.join(tmp, "out"), "--quiet"];
const [generateWith, generateWithout] = pairedMedians([generateArgs, { env: { ...process.env, KOALA_CODEGEN_CACHE: "0" } }], [generateArgs, { env: noCompileCache }]);
const change = (withIt, without) => `${(withIt / 1000).toFixed(3)} s with it, ${(without / 1000).toFixed(3)} s without (${withIt <= without ? "-" : "+"}${Math.abs((1 - withIt / without) * 100).toFixed(0)} %)`;
console.log(`compile cache, paired runs: koala-codegen generate ${change(generateWith, generateWithout)}`);

// Issue 14's goals: ratios to json-schema-to-typescript's CLI on the same schema, paired runs.
const noCache = { env: { ...process.env, KOALA_CODEGEN_CACHE: "0" } };
const j2t = [[process.execPath, path.join(root, "node_modules", "json-schema-to-typescript", "dist", "src", "cli.js"), "-i", koala, "-o", path.join(tmp, "j2t.d.ts")]];
const koalaGenerate = (...more) => [process.execPath, cli, "generate", "--schema", koala, "--out", path.join(tmp, "goal"), "--quiet", ...more];
const compileCacheOff = { env: { ...noCache.env, NODE_DISABLE_COMPILE_CACHE: "1" } };
const ratio = (ms, base, goal) => `${(ms / 1000).toFixed(3)} s / ${(base / 1000).toFixed(3)} s = ${(ms / base).toFixed(2)}x (goal <= ${goal.toFixed(1)}x: ${ms / base <= goal ? "OK" : "OVER"})`;
for (const [caches, options] of [["step cache off, compile cache filled by the warm-up run", noCache], ["step cache off, compile cache off", compileCacheOff]]) {
  const [typesMs, j2tForTypes] = pairedMedians([koalaGenerate("--emit", "types"), options], j2t);
  const [allMs, j2tForAll] = pairedMedians([koalaGenerate("--endpoint", "/web/projects/{publicKey}/batch"), options], j2t);
  console.log(`cold generate --emit types / json-schema-to-typescript CLI, paired (${caches}): ${ratio(typesMs, j2tForTypes, 1)}`);
  console.log(`cold generate, every artifact / json-schema-to-typescript CLI, paired (${caches}): ${ratio(allMs, j2tForAll, 1.5)}`);
}

const watch = await watchRegeneration(Math.max(runs, 5));
console.log(
  `watch: regeneration after a one-line schema edit, Koala config, warm process, median of ${watch.edits} edits: ${watch.regenerate.toFixed(0)} ms as the CLI reports it ` +
    `(goal <= 100 ms: ${watch.regenerate <= 100 ? "OK" : "OVER"}); ${watch.wall.toFixed(0)} ms from the save to the output line, the 50 ms debounce included`,
);
rmSync(tmp, { recursive: true, force: true });

/**
 * `generate --watch` on a copy of the Koala config (its default cache on, as a user has it): after
 * the first generation, `edits` one-line edits of the profile schema (a description), each waited
 * for. The CLI's own figure ("... in N ms": the regeneration) and the wall time from the save.
 */
async function watchRegeneration(edits) {
  const project = path.join(tmp, "watch");
  mkdirSync(project);
  cpSync(path.join(root, "schemas"), path.join(project, "schemas"), { recursive: true });
  cpSync(path.join(root, "koala-codegen.config.json"), path.join(project, "koala-codegen.config.json"));
  const schemaFile = path.join(project, "schemas", path.basename(koala));
  const original = readFileSync(schemaFile, "utf8");
  const child = spawn(process.execPath, [cli, "generate", "--watch"], { cwd: project, env: { ...process.env, NO_COLOR: "1" } });
  let output = "";
  let waiting;
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    output += chunk;
    waiting?.();
  });
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => process.stderr.write(chunk));
  /** The first line matching `pattern` written after `from` characters of output. */
  const line = (pattern, from) =>
    new Promise((resolve, reject) => {
      const look = () => {
        const found = output.slice(from).split("\n").find((l) => pattern.test(l));
        if (found !== undefined) resolve(found);
      };
      waiting = look;
      child.once("exit", (code) => reject(new Error(`bench-cold-start: generate --watch exited (${code})`)));
      look();
    });
  try {
    await line(/^watching /, 0);
    const regenerate = [];
    const wall = [];
    for (let i = 1; i <= edits; i++) {
      const from = output.length;
      const started = process.hrtime.bigint();
      writeFileSync(schemaFile, original.replace('"description": "', `"description": "(edit ${i}) `));
      const done = await line(/ [1-9]\d* written, .* in \d+ ms$/, from);
      wall.push(Number(process.hrtime.bigint() - started) / 1e6);
      regenerate.push(Number(/ in (\d+) ms$/.exec(done)[1]));
    }
    return { edits, regenerate: median(regenerate), wall: median(wall) };
  } finally {
    child.kill("SIGTERM");
  }
}
