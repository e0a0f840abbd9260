/**
 * The `koala-codegen` command starts prettier's worker thread before it loads the CLI's bundle, for
 * a `generate` of every artifact (print/early-format-worker.ts), and the CLI formats on that very
 * thread: real child processes, with a preload that records, in order, each worker started and
 * the bundle's loading.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { KOALA_CONFIG, KOALA_SCHEMA } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const tmp = tempDir("koala-early-worker-");
const PRELOAD = path.join(tmp, "record.js");
writeFileSync(
  PRELOAD,
  `const threads = require("node:worker_threads");
  // NODE_OPTIONS reaches the worker threads too: only the main thread records.
  if (threads.isMainThread) {
  const Module = require("node:module");
  const events = [];
  const Worker = threads.Worker;
  threads.Worker = class extends Worker { constructor(file, ...rest) { events.push("worker " + require("node:path").basename(String(file))); super(file, ...rest); } };
  const load = Module._load;
  Module._load = function (request, ...rest) { if (request.endsWith("cli-bundle.js")) events.push("bundle"); return load.call(this, request, ...rest); };
  process.on("exit", () => process.stderr.write("EVENTS " + JSON.stringify(events) + "\\n"));
  }`,
);

/** What the preload recorded in a CLI run. */
function events(args: string[]): string[] {
  const result = runCli(args, { env: { NODE_OPTIONS: `--require ${PRELOAD}` } });
  expect(result.status).toBe(0);
  const lines = result.stderr.split("\n").filter((l) => l.startsWith("EVENTS "));
  expect(lines).toHaveLength(1);
  const line = lines[0];
  return JSON.parse(line!.slice("EVENTS ".length)) as string[];
}

test("generate of every artifact: the worker starts before the bundle loads, and it is the only one", () => {
  expect(events(["generate", "--config", KOALA_CONFIG, "--out", path.join(tmp, "all"), "--quiet"])).toEqual(["worker format-worker.js", "bundle"]);
});

test("generate --emit types: no worker (types are formatted on the main thread)", () => {
  expect(events(["generate", "--schema", KOALA_SCHEMA, "--out", path.join(tmp, "types"), "--emit", "types", "--quiet"])).toEqual(["bundle"]);
});

test("generate --emit guards: the CLI starts its worker itself, after the bundle, as before", () => {
  expect(events(["generate", "--schema", KOALA_SCHEMA, "--out", path.join(tmp, "guards"), "--emit", "guards", "--quiet"])).toEqual(["bundle", "worker format-worker.js"]);
});
