/**
 * `KOALA_CODEGEN_TIMINGS=1`: each step of a run on stderr, as milliseconds since the process
 * started, with the process's CPU time (every thread) and this thread's heap, so a profile of the pipeline (which step
 * waits for which, where the second core idles) needs no profiler. Off, a mark costs one check.
 */
import { performance } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";

const enabled = process.env.KOALA_CODEGEN_TIMINGS !== undefined && process.env.KOALA_CODEGEN_TIMINGS !== "0";

/** Notes that `step` has just happened (only with KOALA_CODEGEN_TIMINGS set). */
export function mark(step: string): void {
  if (!enabled) return;
  const cpu = process.cpuUsage();
  const heap = process.memoryUsage().heapUsed;
  const thread = isMainThread ? "main" : "worker";
  process.stderr.write(`timings: ${performance.now().toFixed(0).padStart(6)} ms  cpu ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(6)} ms  heap ${(heap / 1e6).toFixed(0).padStart(5)} MB  ${thread}: ${step}\n`);
}

/** `promise`, marking `step` when it settles (only with KOALA_CODEGEN_TIMINGS set). */
export function markWhenDone<T>(promise: Promise<T>, step: string): Promise<T> {
  if (!enabled) return promise;
  promise.then(
    () => mark(step),
    () => mark(`${step} (failed)`),
  );
  return promise;
}
