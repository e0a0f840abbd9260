/**
 * `KOALA_CODEGEN_TIMINGS=1`: each step of a run on stderr, as milliseconds since the process
 * started, with the process's CPU time (every thread) and this thread's heap, so a profile of the pipeline (which step
 * waits for which, where the second core idles) needs no profiler. Off, a mark costs one check.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";

const enabled = process.env.KOALA_CODEGEN_TIMINGS !== undefined && process.env.KOALA_CODEGEN_TIMINGS !== "0";

/** Notes that `step` has just happened (only with KOALA_CODEGEN_TIMINGS set). */
export function mark(step: string): void {
  if (!enabled) return;
  const cpu = process.cpuUsage();
  const heap = process.memoryUsage().heapUsed;
  const thread = isMainThread ? "main" : "worker";
  process.stderr.write(
    `timings: ${performance.now().toFixed(0).padStart(6)} ms  cpu ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(6)} ms  thread cpu ${threadCpu().padStart(5)} ms  heap ${(heap / 1e6).toFixed(0).padStart(5)} MB  ${thread}: ${step}\n`,
  );
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

/** This thread's own CPU time (Linux: /proc/thread-self/stat, in clock ticks of 10 ms), "?" elsewhere: process.cpuUsage() counts every thread. */
function threadCpu(): string {
  try {
    // The fields after the command name (which may hold spaces, so split after its closing parenthesis): utime and stime are the 12th and 13th.
    const fields = readFileSync("/proc/thread-self/stat", "utf8").split(") ")[1]!.split(" ");
    return String((Number(fields[11]) + Number(fields[12])) * 10);
  } catch {
    return "?";
  }
}
