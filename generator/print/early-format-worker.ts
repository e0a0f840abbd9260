/**
 * The prettier worker thread (format-worker.js), started by the `koala-codegen` command before it
 * loads the CLI's bundle (scripts/bundle-cli.ts writes that command): on a cold `generate` of every
 * artifact prettier on that thread is the critical path, and the bundle's loading (~0.03 s with V8's
 * compile cache, more without, far more on a loaded machine) then overlaps the thread's own start.
 * cli.ts hands the worker to startFormatThread (format-thread.ts), which uses it as its first.
 * Kept to node's own modules, so that it loads in no time.
 */
import * as path from "node:path";
import { SHARE_ENV, Worker } from "node:worker_threads";

/**
 * The worker, for a command line that is surely a `generate` whose thread would be started anyway
 * (cli.ts's runGenerate: any but `--emit` of types alone); undefined for anything else (another
 * command, `--emit`, help), which starts its thread, if any, as before. Undefined too when the
 * worker cannot be created (`new Worker` throws ERR_WORKER_INIT_FAILED under a thread limit, say):
 * this runs before the CLI is loaded, which would not report the error, so the CLI starts its own
 * thread later as it does without this one (and says what fails, if that fails too).
 * `create` is for tests. The environment is shared: tier-up.ts keeps its state there, for every thread.
 */
export function startFormatWorker(args: readonly string[], create = (file: string) => new Worker(file, { env: SHARE_ENV })): Worker | undefined {
  if (args[0] !== "generate" || args.some((a) => a === "--emit" || a.startsWith("--emit=") || a === "--help" || a === "-h" || a === "--version")) return undefined;
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
