/**
 * The koala-codegen command holds TurboFan back for its first second (generator/tier-up.ts), with
 * flags every supported Node knows: nothing on stderr, and in a real process (V8's --trace-opt)
 * no TurboFan code for a hot function until the second is over, then TurboFan as usual (at once
 * after optimizeNow, which `generate --watch` calls, and after an input of a megabyte). On V8 13+
 * (Node 24) nothing is held back, and the command's first input, of any size, turns TurboFan off
 * instead (Maglev alone); a program calling generate() keeps its flags. The test matrix runs this
 * file on Node 20, 22 and 24.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { defersOptimization, optimizerChosen, OPTIMIZE_AFTER_MS, OPTIMIZE_FROM_INPUT_CHARS } from "../../generator/tier-up";
import { KOALA_SCHEMA, REPO_ROOT } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const tierUp = path.join(REPO_ROOT, "dist", "generator", "tier-up.js");
const out = tempDir("koala-tier-up-");

/**
 * A process that defers optimization, runs `then` (code, which calls `early()` when done), runs a
 * hot function, then again after OPTIMIZE_AFTER_MS; its TurboFan lines by phase.
 */
function phases(extraArgs: string[] = [], then = "early();"): { early: string[]; late: string[]; stderr: string } {
  const code = `
    const tierUp = require(${JSON.stringify(tierUp)});
    tierUp.deferOptimization();
    function hot(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 7) % 1000003; return s; }
    const run = (label) => { console.log("phase " + label); let x = 0; for (let k = 0; k < 300; k++) x += hot(20000); return x; };
    function early() {
      run("early");
      setTimeout(() => { run("late"); console.log("phase done"); }, ${OPTIMIZE_AFTER_MS + 300});
    }
    ${then}`;
  const result = spawnSync(process.execPath, ["--trace-opt", ...extraArgs, "-e", code], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  expect(result.status).toBe(0);
  const lines = result.stdout.split("\n");
  const at = (label: string) => lines.indexOf(`phase ${label}`);
  expect(at("early")).toBeGreaterThanOrEqual(0);
  const turbofan = (from: number, to: number) => lines.slice(from, to).filter((l) => /^\[completed optimizing .*<JSFunction hot .*TURBOFAN/.test(l));
  return { early: turbofan(at("early"), at("late")), late: turbofan(at("late"), at("done")), stderr: result.stderr };
}

test(`on Node ${process.version}: no TurboFan for the first ${OPTIMIZE_AFTER_MS} ms${defersOptimization() ? "" : " (V8 13+: left as is)"}, then as usual`, () => {
  const { early, late, stderr } = phases();
  expect(stderr).toBe("");
  if (defersOptimization()) expect(early).toEqual([]);
  else expect(early.length).toBeGreaterThan(0);
  expect(late.length + (defersOptimization() ? 0 : early.length)).toBeGreaterThan(0);
}, 30_000);

test("optimizeNow (generate --watch): TurboFan at once", () => {
  const { early, stderr } = phases([], "tierUp.optimizeNow(); early();");
  expect(stderr).toBe("");
  expect(early.length).toBeGreaterThan(0);
}, 30_000);

test(`on Node ${process.version}: an input of ${OPTIMIZE_FROM_INPUT_CHARS} characters turns TurboFan ${defersOptimization() ? "on at once, and a module compiled meanwhile on another thread leaves it on" : "off for the rest of the run, and so does a smaller one (V8 13+: Maglev alone)"}`, () => {
  // Another copy of tier-up.js, on a worker thread sharing the environment (as the CLI's prettier
  // worker does), compiles a module as compile-cache.js does (withCompileFlags): the flags are the
  // process's, and that copy must put TurboFan back on too.
  const compileOnWorker = (chars: number) => `
    tierUp.noteInputText(${chars});
    const { Worker, SHARE_ENV } = require("node:worker_threads");
    new Worker("require(" + ${JSON.stringify(JSON.stringify(tierUp))} + ").withCompileFlags(() => 0)", { eval: true, env: SHARE_ENV }).on("exit", early);`;
  const large = phases([], compileOnWorker(OPTIMIZE_FROM_INPUT_CHARS));
  expect(large.stderr).toBe("");
  if (defersOptimization()) expect(large.early.length).toBeGreaterThan(0);
  else expect([...large.early, ...large.late]).toEqual([]);
  // One character less (a smaller schema, Koala's): held back as before; on V8 13+ off all the same.
  const small = phases([], compileOnWorker(OPTIMIZE_FROM_INPUT_CHARS - 1));
  expect(small.stderr).toBe("");
  if (defersOptimization()) {
    expect(small.early).toEqual([]);
    expect(small.late.length).toBeGreaterThan(0);
  } else {
    expect([...small.early, ...small.late]).toEqual([]);
  }
}, 30_000);

test("a program that calls generate() itself keeps its flags, whatever it reads", () => {
  // No deferOptimization (that is the command's): noteInputText changes nothing, on any V8.
  const code = `
    const tierUp = require(${JSON.stringify(tierUp)});
    tierUp.noteInputText(${OPTIMIZE_FROM_INPUT_CHARS});
    function hot(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 7) % 1000003; return s; }
    let x = 0; for (let k = 0; k < 300; k++) x += hot(20000); console.log("done " + x);`;
  const result = spawnSync(process.execPath, ["--trace-opt", "-e", code], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  expect(result.status).toBe(0);
  expect(result.stderr).toBe("");
  expect(result.stdout.split("\n").filter((l) => /^\[completed optimizing .*<JSFunction hot .*TURBOFAN/.test(l)).length).toBeGreaterThan(0);
}, 30_000);

/** TurboFan's inlining of `add` into `hot` after the hold (or after optimizeNow), from V8's --trace-turbo-inlining. */
function inlined(thenNow: boolean): string[] {
  const code = `
    require(${JSON.stringify(tierUp)}).deferOptimization();
    if (${thenNow}) require(${JSON.stringify(tierUp)}).optimizeNow();
    function add(a, b) { return (a + b) % 1000003; }
    function hot(n) { let s = 0; for (let i = 0; i < n; i++) s = add(s, i * 7); return s; }
    setTimeout(() => { let x = 0; for (let k = 0; k < 300; k++) x += hot(20000); console.log("done " + x); }, ${thenNow ? 0 : OPTIMIZE_AFTER_MS + 300});`;
  const result = spawnSync(process.execPath, ["--trace-turbo-inlining", "--trace-opt", "-e", code], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  expect(result.status).toBe(0);
  expect(result.stderr).toBe("");
  // TurboFan did optimize `hot`: the question is only what it inlined.
  expect(result.stdout).toMatch(/completed (optimizing|compiling) .*<JSFunction hot /);
  return result.stdout.split("\n").filter((l) => /^Inlining .*add>.* into .*hot>/.test(l));
}

test(`on Node ${process.version}: TurboFan inlines nothing once the hold is over${defersOptimization() ? "" : " (V8 13+: left as is)"}, and inlines again after optimizeNow`, () => {
  // A run of a few seconds: compiling the generator's large functions with their callees inlined,
  // again after each deoptimization, cost more CPU than the inlined code saved (see tier-up.ts).
  if (defersOptimization()) expect(inlined(false)).toEqual([]);
  else expect(inlined(false).length).toBeGreaterThan(0);
  // `generate --watch`: hot for as long as it runs.
  expect(inlined(true).length).toBeGreaterThan(0);
}, 30_000);

test("left alone when the command line chooses an optimizer setting itself", () => {
  // --opt on the command line: TurboFan from the start, even where the CLI would hold it back.
  const { early, stderr } = phases(["--opt"]);
  expect(stderr).toBe("");
  expect(early.length).toBeGreaterThan(0);
  expect(optimizerChosen(["--max-opt=2"], "")).toBe(true);
  expect(optimizerChosen([], "--max-old-space-size=4096 --no-opt")).toBe(true);
  expect(optimizerChosen(["--jitless"], "")).toBe(true);
  expect(optimizerChosen(["--max-old-space-size=4096", "--trace-opt", "--enable-source-maps"], "--stack-size=2000")).toBe(false);
}, 30_000);

test("V8 versions: held back before V8 13 (Node 20: 11.3, Node 22: 12.4), not from 13 on (Node 24)", () => {
  expect(defersOptimization("11.3.244.8-node.33")).toBe(true);
  expect(defersOptimization("12.4.254.21-node.33")).toBe(true);
  expect(defersOptimization("13.6.233.17-node.37")).toBe(false);
});

test("a cold generate of every artifact prints nothing beyond its own output", () => {
  const result = runCli(["generate", "--schema", KOALA_SCHEMA, "--endpoint", "/batch", "--out", out, "--quiet"], { env: { KOALA_CODEGEN_CACHE: "0" } });
  expect(result.stderr).toBe("");
  expect(result.stdout).toBe("");
  expect(result.status).toBe(0);
}, 60_000);
