/**
 * TurboFan, V8's optimizing compiler, held back for the first second of a `koala-codegen` run.
 * A cold `generate` of every artifact on a schema like Koala's is over in well under a second, yet
 * V8 optimized the functions that ran hot early (prettier's printer and babel's parser on the format
 * worker, above all) on its background threads: ~0.15 s of CPU, about a fifth of the whole run's,
 * for code that then ran a few milliseconds more at most: on two cores those threads took CPU from
 * the main thread and the format worker, the run's critical path. Held back, the run takes most of
 * that less CPU (the worker runs prettier unoptimized a little longer: ~0.03 s).
 * After OPTIMIZE_AFTER_MS it is on again for what runs longer: functions still hot then are
 * optimized as usual; `generate --watch` turns it on at once (optimizeNow, from cli.ts), and so
 * does an input of a megabyte or more, as soon as it is read (noteInputText): a large OpenAPI
 * document's run lasts seconds, and its first second ran unoptimized (on V8 13+ the first input read,
 * of any size, turns TurboFan off instead: Maglev alone pays there). Output never depends on it.
 *
 * `--no-opt` and `--opt` (an alias of `--turbofan`) are flags of V8 in Node 20, 22 and 24 alike (a
 * flag V8 does not know would be reported on stderr), and `--opt` after `--no-opt` optimizes again
 * on all three (`--max-opt=1` then `--max-opt=999` did not, measured). Flags are per process: the
 * format worker's isolate follows them too. Per-thread CPU of a first run of every artifact, Koala:
 * Node 20 0.525 s → 0.42 s, Node 22 0.54 s → 0.49 s. Not on V8 13+ (Node 24): there Maglev, on by
 * default, optimizes in TurboFan's stead and the run took more CPU, not less (Maglev off as well
 * took less in all but made the format worker, the critical path, slower). Left alone too when
 * the command line or NODE_OPTIONS chooses an optimizer setting itself (`--no-opt`, `--max-opt`,
 * `--jitless`...).
 *
 * TurboFan also inlines no function into another in such a run (`--no-turbo-inlining`, from the
 * start: the flags V8 compiles under are the same all along, which its code cache requires). What
 * it optimizes after the hold is the generator's own large functions (the guards' compileSchema,
 * the builders', the types'), each of which inlined its callees and was compiled anew after every
 * deoptimization (the IR's nodes come in many shapes): ~0.2 s of a background thread each, several
 * times over, on two cores where the main thread and the worker are the run's critical path.
 * Without inlining, process CPU on stripe's, appcenter's and GitHub's 2 MB documents went down by
 * ~11% on a loaded machine, where those runs last 5–7 s (2.94 → 2.62, 2.52 → 2.23, 2.12 → 1.89 s,
 * medians of 4 alternating runs), and by 9% and 7% on stripe and GitHub at a load of ~4 (appcenter,
 * a 2 s run there, 1.03×: little is left after the hold); the code it makes runs a little slower,
 * and a run this short gains more than it loses. `generate --watch`, whose
 * regenerations run hot code for as long as it watches, inlines again (optimizeNow).
 */
import { setFlagsFromString } from "node:v8";

/** V8's flags while the process defers optimization: TurboFan held back (for OPTIMIZE_AFTER_MS), and without inlining. */
const HELD = ["--no-opt", "--no-turbo-inlining"];

/** How long TurboFan is held back: longer than a cold `generate` of a schema like Koala's, first run included. */
export const OPTIMIZE_AFTER_MS = 1000;

/** Whether the process was started with a say on V8's optimizers (their flags spell `opt`, `turbo`, `maglev`, `sparkplug` or `jitless`). */
export function optimizerChosen(execArgv: readonly string[] = process.execArgv, nodeOptions: string = process.env.NODE_OPTIONS ?? ""): boolean {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((flag) => /^--(no-)?(opt|max-opt|turbo|maglev|sparkplug|always-sparkplug|jitless)/.test(flag.replace(/_/g, "-")));
}

/** Whether this V8 is one where holding TurboFan back pays: before V8 13 (Node 20 and 22), which have no Maglev on by default. */
export function defersOptimization(v8Version: string = process.versions.v8): boolean {
  return Number(v8Version.split(".")[0]) < 13;
}

/**
 * Set by deferOptimization() for the process's threads (a worker starts with a copy of the
 * environment): the code cache is then made under `--no-opt` (withCompileFlags).
 */
const DEFERRED = "KOALA_CODEGEN_OPT_DEFERRED";

/**
 * Holds TurboFan back for OPTIMIZE_AFTER_MS (a timer that never keeps the process alive). Called
 * before V8's compile cache is turned on (compile-cache.ts), so that every module the cache holds
 * is compiled under `--no-opt`: V8 takes cached code only if it was made under the same flags, so
 * the caches are made under `--no-opt` too (withCompileFlags, and at exit), even after a run long
 * enough to have TurboFan on again.
 */
export function deferOptimization(): void {
  // Not inherited from a parent koala-codegen: this process decides for itself.
  delete process.env[DEFERRED];
  delete process.env[OPTIMIZING_EARLY];
  delete process.env[MAGLEV_ON_INPUT];
  if (optimizerChosen()) return;
  if (!defersOptimization()) {
    // V8 13+: TurboFan goes off once the run has its input (noteInputText), in this one-off run
    // only, never in a program that calls generate() itself.
    process.env[MAGLEV_ON_INPUT] = "1";
    return;
  }
  process.env[DEFERRED] = "1";
  for (const flag of HELD) setFlagsFromString(flag);
  setTimeout(() => setFlagsFromString("--opt"), OPTIMIZE_AFTER_MS).unref();
  // Before the compile cache's own exit handler (Node 20) and Node's writing of its cache (22).
  process.once("exit", () => {
    for (const flag of HELD) setFlagsFromString(flag);
  });
}

/** Whether optimizeNow() has turned inlining on again (withCompileFlags then puts it back after making a cache). */
let inlining = false;

/**
 * From how many characters of input (schema documents read, summed) TurboFan comes back at once,
 * not after OPTIMIZE_AFTER_MS: such a run lasts well over a second, and what it runs in that first
 * second (parsing, the IR, the guards' emitter) runs hot for hundreds of milliseconds. Inlining
 * stays off (see the file comment). Measured on the OpenAPI bench's documents, medians of 5
 * alternating runs on two cores: stripe (2.5 MB) 1.90 → 1.70 s, appcenter (1.5 MB) 1.54 → 1.47 s;
 * below, the hold still pays: twilio (0.85 MB) 0.75 s held, 0.81 s not; chime (0.3 MB) 0.51, 0.59.
 */
export const OPTIMIZE_FROM_INPUT_CHARS = 1_000_000;

/**
 * Set by noteInputText once TurboFan is on before OPTIMIZE_AFTER_MS. An environment variable, as
 * DEFERRED is, because every copy of this module must see it: the command's own (compile-cache.js
 * makes and takes V8's cache entries through withCompileFlags, which puts the flags back after),
 * the CLI bundle's, and those of the worker threads, which share the environment (SHARE_ENV,
 * print/early-format-worker.ts and print/format-thread.ts): flags are per process, and a module
 * compiled on any thread would otherwise turn TurboFan off again for all of them.
 */
const OPTIMIZING_EARLY = "KOALA_CODEGEN_OPT_EARLY";

/** Characters of input read so far by this thread (noteInputText). */
let inputChars = 0;

/** Whether optimizeNow() was called (`generate --watch`): a process that runs for long keeps TurboFan whatever its input. */
let optimizedNow = false;
/** Whether noteInputText has turned TurboFan off (V8 13+). */
let maglevAlone = false;

/**
 * Set by deferOptimization() on V8 13+ (a one-off `koala-codegen` run, as DEFERRED is before 13):
 * noteInputText then turns TurboFan off. An environment variable for the reason DEFERRED is one.
 */
const MAGLEV_ON_INPUT = "KOALA_CODEGEN_MAGLEV_ON_INPUT";

/**
 * Told of each schema document read (load/load-schema.ts): once the run's input reaches
 * OPTIMIZE_FROM_INPUT_CHARS, TurboFan is on from now (without inlining), where the process holds
 * it back (V8 before 13: Node 20 and 22). Flags are per process: the worker threads follow.
 *
 * On V8 13+ (Node 24), where nothing is held back, it is the other way round: TurboFan is off from
 * the first document read on, whatever its size, and Maglev, on by default there, is the one
 * optimizer. TurboFan's background compiles cost more CPU than its code saved on two cores, on
 * every document of the OpenAPI bench (medians of 5 alternating runs, Node 24): stripe 1.78 →
 * 1.58 s and appcenter 1.47 → 1.33 s (from a megabyte, as this first did), and below a megabyte
 * too: twilio (0.85 MB) 0.72 → 0.63 s, adyen (0.7 MB) 0.59 → 0.49 s, vercel (0.5 MB) 0.63 → 0.58 s,
 * chime (0.3 MB) 0.59 → 0.54 s; Koala's cold generate of every artifact 254 → 252 ms, of its
 * types 170 → 150 ms. (`--max-opt=2` on the command line gave the same, but V8 reads that flag
 * only at start.) Not on Node 22, whose Maglev is off by default: TurboFan off there left the
 * interpreter (stripe 1.81 → 2.13 s). Only in the command's one-off run (deferOptimization): a
 * program that calls generate() keeps its flags; left alone after optimizeNow (`generate
 * --watch`, the mock server), or when the command line chose an optimizer setting.
 */
export function noteInputText(length: number): void {
  inputChars += length;
  if (!defersOptimization()) {
    if (maglevAlone || optimizedNow || process.env[MAGLEV_ON_INPUT] !== "1") return;
    maglevAlone = true;
    setFlagsFromString("--no-opt");
    return;
  }
  if (inputChars < OPTIMIZE_FROM_INPUT_CHARS) return;
  if (process.env[DEFERRED] !== "1" || process.env[OPTIMIZING_EARLY] === "1") return;
  process.env[OPTIMIZING_EARLY] = "1";
  setFlagsFromString("--opt");
}

/**
 * TurboFan on now, for a process that will run long whatever its first run costs (`generate
 * --watch`: its regenerations run hot code that TurboFan makes several times faster).
 */
export function optimizeNow(): void {
  optimizedNow = true;
  if (process.env[DEFERRED] !== "1") return;
  setFlagsFromString("--opt");
  setFlagsFromString("--turbo-inlining");
  inlining = true;
}

/**
 * `make()` (V8's code cache made of compiled modules) under the flags the modules were compiled
 * with: `--no-opt` and `--no-turbo-inlining` in a process that held TurboFan back, put back as
 * they were after. Any thread.
 */
export function withCompileFlags<T>(make: () => T): T {
  if (process.env[DEFERRED] !== "1") return make();
  for (const flag of HELD) setFlagsFromString(flag);
  try {
    return make();
  } finally {
    if (process.uptime() * 1000 >= OPTIMIZE_AFTER_MS || inlining || process.env[OPTIMIZING_EARLY] === "1") setFlagsFromString("--opt");
    if (inlining) setFlagsFromString("--turbo-inlining");
  }
}
