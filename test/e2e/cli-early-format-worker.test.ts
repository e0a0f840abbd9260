/**
 * The `koala-codegen` command starts prettier's worker thread before it loads the CLI's bundle, for
 * a `generate` of every artifact (print/early-format-worker.ts), and the CLI formats on that very
 * thread: real child processes, with a preload that records, in order, each worker started and
 * the bundle's loading.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { KOALA_CONFIG, KOALA_SCHEMA, REPO_ROOT } from "../helpers/paths";
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
  // V8 flags set at run time (print/early-format-worker.ts, tuneV8), with whether Node's modules of a generate were loaded by then.
  const v8 = require("node:v8");
  const setFlags = v8.setFlagsFromString;
  v8.setFlagsFromString = (flags) => {
    const loaded = ["crypto", "vm", "os", "child_process", "fs/promises", "perf_hooks"].every((m) => process.moduleLoadList.includes("NativeModule " + m));
    events.push("v8 " + flags + (loaded ? "" : " (before Node's modules)"));
    return setFlags(flags);
  };
  const load = Module._load;
  Module._load = function (request, ...rest) { if (request.endsWith("cli-bundle.js")) events.push("bundle"); return load.call(this, request, ...rest); };
  process.on("exit", () => process.stderr.write("EVENTS " + JSON.stringify(events) + "\\n"));
  }`,
);

/** What the preload recorded in a CLI run. */
function events(args: string[], env: Record<string, string> = {}): string[] {
  const result = runCli(args, { env: { NODE_OPTIONS: `--require ${PRELOAD}`, ...env } });
  expect(result.status).toBe(0);
  const lines = result.stderr.split("\n").filter((l) => l.startsWith("EVENTS "));
  expect(lines).toHaveLength(1);
  const line = lines[0];
  return JSON.parse(line!.slice("EVENTS ".length)) as string[];
}

test("generate of every artifact: V8's interrupt budget raised first, then the worker starts before the bundle loads, and it is the only one", () => {
  expect(events(["generate", "--config", KOALA_CONFIG, "--out", path.join(tmp, "all"), "--quiet"])).toEqual(["v8 --interrupt-budget=270336", "worker format-worker.js", "bundle"]);
  // KOALA_CODEGEN_V8_TUNING=0 leaves V8's flags alone.
  expect(events(["generate", "--config", KOALA_CONFIG, "--out", path.join(tmp, "all"), "--quiet"], { KOALA_CODEGEN_V8_TUNING: "0" })).toEqual(["worker format-worker.js", "bundle"]);
});

test("generate --emit types: no worker (types are formatted on the main thread)", () => {
  expect(events(["generate", "--schema", KOALA_SCHEMA, "--out", path.join(tmp, "types"), "--emit", "types", "--quiet"], { KOALA_CODEGEN_V8_TUNING: "0" })).toEqual(["bundle"]);
});

test("generate --emit guards: the CLI starts its worker itself, after the bundle, as before", () => {
  expect(events(["generate", "--schema", KOALA_SCHEMA, "--out", path.join(tmp, "guards"), "--emit", "guards", "--quiet"], { KOALA_CODEGEN_V8_TUNING: "0" })).toEqual(["bundle", "worker format-worker.js"]);
});

test("tuneV8: the interrupt budget, unless KOALA_CODEGEN_V8_TUNING=0; for every command, so that the compile cache holds code of one set of flags", () => {
  const { tuneV8 } = require(path.join(REPO_ROOT, "dist", "generator", "print", "early-format-worker.js")) as typeof import("../../generator/print/early-format-worker");
  const set: string[] = [];
  const record = (flags: string) => void set.push(flags);
  expect(tuneV8(record)).toBe(true);
  expect(set).toEqual(["--interrupt-budget=270336"]);
  process.env.KOALA_CODEGEN_V8_TUNING = "0";
  try {
    expect(tuneV8(record)).toBe(false);
  } finally {
    delete process.env.KOALA_CODEGEN_V8_TUNING;
  }
  expect(set).toHaveLength(1);
  // Types alone and another command: the budget too, and no early worker.
  expect(events(["generate", "--schema", KOALA_SCHEMA, "--out", path.join(tmp, "types-tuned"), "--emit", "types", "--quiet"])).toEqual(["v8 --interrupt-budget=270336", "bundle"]);
});
