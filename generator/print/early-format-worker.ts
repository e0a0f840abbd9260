/**
 * The prettier worker thread (format-worker.js), started by the `koala-codegen` command before it
 * loads the CLI's bundle (scripts/bundle-cli.ts writes that command): on a cold `generate` of every
 * artifact prettier on that thread is the critical path, and the bundle's loading (~0.03 s with V8's
 * compile cache, more without, far more on a loaded machine) then overlaps the thread's own start.
 * cli.ts hands the worker to startFormatThread (format-thread.ts), which uses it as its first.
 * Kept to node's own modules, so that it loads in no time.
 */
import * as path from "node:path";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";

/**
 * The worker, for a command line that is surely a `generate` whose thread would be started anyway
 * (cli.ts's runGenerate: any but `--emit` of types alone); undefined for anything else (another
 * command, `--emit`, help), which starts its thread, if any, as before. Undefined too when the
 * worker cannot be created (`new Worker` throws ERR_WORKER_INIT_FAILED under a thread limit, say):
 * this runs before the CLI is loaded, which would not report the error, so the CLI starts its own
 * thread later as it does without this one (and says what fails, if that fails too).
 * `create` is for tests.
 */
export function startFormatWorker(args: readonly string[], create = (file: string) => new Worker(file)): Worker | undefined {
  if (!generatesEveryArtifact(args)) return undefined;
  let worker: Worker;
  try {
    worker = create(path.join(__dirname, "format-worker.js"));
  } catch {
    return undefined;
  }
  // Never what keeps the process alive (an error exit before the CLI takes it, say); format-thread.ts refs it while it formats.
  worker.unref();
  // Until format-thread.ts listens: a worker that fails to start has ended, and its format calls say so.
  worker.on("error", () => undefined);
  return worker;
}

/** A command line that is surely a `generate` of every artifact (a watch included): any but `--emit`, help or the version. */
function generatesEveryArtifact(args: readonly string[]): boolean {
  return args[0] === "generate" && !args.some((a) => a === "--emit" || a.startsWith("--emit=") || a === "--help" || a === "-h" || a === "--version");
}

/**
 * V8's interrupt budget, 4 times its default (67,584): the "hotness" a function must reach before
 * V8 optimizes it with TurboFan on a background thread. A cold `generate` is over before most of
 * those optimizations pay back what they cost; on two cores they took the CPU that prettier's thread
 * and the main thread need: the process spends 9-13 % less CPU on a generate of every artifact of
 * the Koala schema (compile cache filled / first run), 13 % less on a 1.4 MB OpenAPI document, and
 * types alone no more; long runs (a watch, the mock server) still optimize, later.
 * Set by the `koala-codegen` command, for every command, before it loads anything else of ours
 * (scripts/bundle-cli.ts): a flag changed at run time makes V8 refuse code cached under other
 * flags, so every module of ours is always compiled and cached under this one (a cache filled by a
 * `generate --emit types` serves a `generate`, and the other way round); and the Node modules a
 * generate needs are loaded just before, so that they keep the code Node carries for them
 * (measured: those loaded after the change took 3-5 times longer). KOALA_CODEGEN_V8_TUNING=0 leaves
 * V8 as it is. The flag is V8's own since long before Node 20 (an unknown one would print an error
 * line): its default is 66 KB on Node 20's V8 (11.3), 66 or 132 KB on later ones, whose Maglev
 * tier it leaves alone. `set` is for tests.
 */
export function tuneV8(set: (flags: string) => void = setFlagsFromString): boolean {
  if (process.env.KOALA_CODEGEN_V8_TUNING === "0") return false;
  for (const name of NODE_MODULES_OF_GENERATE) require(name);
  set(`--interrupt-budget=${4 * 67_584}`);
  return true;
}

/** What every `generate` of every artifact loads: the compile cache, the worker thread, esbuild's process, the schema files. */
const NODE_MODULES_OF_GENERATE = ["node:crypto", "node:vm", "node:os", "node:child_process", "node:fs/promises", "node:perf_hooks"];
