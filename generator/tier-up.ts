/**
 * TurboFan, V8's optimizing compiler, held back for the first second of a `koala-codegen` run.
 * A cold `generate` of every artifact on a schema like Koala's is over in well under a second, yet
 * V8 optimized the functions that ran hot early (prettier's printer and babel's parser on the format
 * worker, above all) on its background threads: ~0.15 s of CPU, about a fifth of the whole run's,
 * for code that then ran a few milliseconds more at most: on two cores those threads took CPU from
 * the main thread and the format worker, the run's critical path. Held back, the run's CPU time
 * drops by that much, its wall time with it (scripts/bench-cold-start.mjs, first run and cache filled).
 * After OPTIMIZE_AFTER_MS it is on again for what runs longer (a large OpenAPI document, `--watch`):
 * functions still hot then are optimized as usual. Output never depends on it.
 *
 * `--no-opt` and `--opt` (an alias of `--turbofan`) are flags of V8 in Node 20, 22 and 24 alike (a
 * flag V8 does not know would be reported on stderr). Flags are per process: the format worker's
 * isolate follows them too. Left alone when the command line or NODE_OPTIONS chooses an optimizer
 * setting itself (`--no-opt`, `--max-opt`, `--jitless`...).
 */
import { setFlagsFromString } from "node:v8";

/** How long TurboFan is held back: longer than a cold `generate` of a schema like Koala's, first run included. */
export const OPTIMIZE_AFTER_MS = 1000;

/** Whether the process was started with a say on V8's optimizers (their flags spell `opt`, `turbo`, `maglev`, `sparkplug` or `jitless`). */
export function optimizerChosen(execArgv: readonly string[] = process.execArgv, nodeOptions: string = process.env.NODE_OPTIONS ?? ""): boolean {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((flag) => /^--(no-)?(opt|max-opt|turbo|maglev|sparkplug|always-sparkplug|jitless)/.test(flag.replace(/_/g, "-")));
}

/** Holds TurboFan back for OPTIMIZE_AFTER_MS (a timer that never keeps the process alive). */
export function deferOptimization(): void {
  if (optimizerChosen()) return;
  setFlagsFromString("--no-opt");
  setTimeout(() => setFlagsFromString("--opt"), OPTIMIZE_AFTER_MS).unref();
}
