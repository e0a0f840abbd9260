#!/usr/bin/env node
// `npm run bench -- guards`: koala-codegen's generated guards against the fastest validators of the
// field, on payload shapes that each isolate one cost (scripts/lib/guard-shapes.mjs): the Koala
// payloads, each format alone, a 1,000-item array, a 200-property object, patternProperties with
// additionalProperties: false, a discriminated oneOf, a recursive tree, a real-world manifest.
//
// Peers, each in its fastest correct configuration: ajv 8 (Ajv2020 + ajv-formats), @exodus/schemasafe
// (isJSON, formats asserted) and TypeBox 1.x (`typebox/schema` Compile). Every side must give the
// right answer on the shape's valid and invalid payloads first; a side that does not is reported as
// wrong and left out of "fastest".
//
// Each shape runs in two fresh processes: "fresh" measures right after compiling; "varied" first
// feeds every side a spread of other inputs (valid and not, other shapes), so call sites are no
// longer monomorphic, as in a server. Within a process the sides run in rotating order, rounds of
// 100 ms of the process's CPU time, and the median round of each is printed with ours / fastest peer.
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { guardShapes } from "./lib/guard-shapes.mjs";
import { median } from "./lib/median.mjs";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROUNDS = 9;
const ROUND_MS = 100;

/** Compiles every side for `schema`; each is { name, is, errors? } or { name, failed: reason }. */
async function compileSides(schema) {
  const sides = [];
  // ours: the real generator, the real built package (dist/cjs) loaded from a temp folder.
  const { generate } = require(path.join(root, "dist", "generator", "index.js"));
  const { files } = await generate({ schema, name: "Shape", emit: ["guards"] });
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-guards-"));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.contents);
  }
  const guards = require(path.join(dir, "dist", "cjs", "guards.js"));
  rmSync(dir, { recursive: true, force: true });
  sides.push({ name: "ours", is: guards.isShape, errors: (v) => guards.validateShape(v) });

  const Ajv2020 = require("ajv/dist/2020").default;
  const addFormats = require("ajv-formats").default;
  const ajv = addFormats(new Ajv2020({ strict: false }));
  const ajvAll = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  const ajvIs = ajv.compile(schema);
  const ajvAllValidate = ajvAll.compile(schema);
  sides.push({ name: "ajv", is: ajvIs, errors: (v) => (ajvAllValidate(v), ajvAllValidate.errors) });

  try {
    const { validator } = require("@exodus/schemasafe");
    const options = { isJSON: true, formatAssertion: true, extraFormats: true, mode: "lax" };
    const is = validator(schema, options);
    const all = validator(schema, { ...options, includeErrors: true, allErrors: true });
    sides.push({ name: "schemasafe", is, errors: (v) => (all(v), all.errors) });
  } catch (error) {
    sides.push({ name: "schemasafe", failed: `refused the schema: ${String(error.message).split("\n")[0]}` });
  }

  try {
    const { Compile } = await import("typebox/schema");
    const validator = Compile(schema);
    sides.push({ name: "typebox", is: (v) => validator.Check(v), errors: (v) => validator.Errors(v) });
  } catch (error) {
    sides.push({ name: "typebox", failed: `refused the schema: ${String(error.message).split("\n")[0]}` });
  }
  return sides;
}

/** This process's CPU time, in microseconds (its threads' too: a side's garbage collection is its cost). */
function cpuMicros() {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * ops per CPU second per side: alternating rounds in rotating order, the median round of each. A
 * round lasts ROUND_MS of this process's CPU time, not of the wall clock: on a machine shared with
 * other jobs, wall-clock rounds measure the scheduler as much as the guards.
 */
function measure(sides, input) {
  const samples = sides.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < sides.length; k++) {
      const index = (k + round) % sides.length;
      const fn = sides[index].fn;
      let ops = 0;
      const start = cpuMicros();
      const end = start + ROUND_MS * 1000;
      let now = start;
      while (now < end) {
        for (let i = 0; i < 50; i++) fn(input);
        ops += 50;
        now = cpuMicros();
      }
      samples[index].push(ops / ((now - start) / 1e6));
    }
  }
  return samples.map(median);
}

async function child(shapeIndex, mode) {
  const shape = guardShapes(root)[shapeIndex];
  const sides = await compileSides(shape.schema);
  const valid = shape.valid();
  const invalid = shape.invalid();
  const result = { shape: shape.name, mode, sides: {} };
  const usable = [];
  for (const side of sides) {
    if (side.failed) {
      result.sides[side.name] = { wrong: side.failed };
      continue;
    }
    if (side.is(valid) !== true || side.is(invalid) !== false) {
      result.sides[side.name] = { wrong: `answers valid → ${side.is(valid)}, invalid → ${side.is(invalid)}` };
      continue;
    }
    usable.push(side);
  }
  if (mode === "varied") {
    // Every side sees the same spread of inputs before it is measured.
    const inputs = [...shape.varied(), valid, invalid];
    for (let i = 0; i < 20_000; i++) {
      const input = inputs[i % inputs.length];
      for (const side of usable) {
        side.is(input);
        if (i % 8 === 0) side.errors(input);
      }
    }
  }
  const fast = measure(usable.map((s) => ({ fn: s.is })), valid);
  usable.forEach((side, i) => (result.sides[side.name] = { ops: fast[i] }));
  if (shapeIndex === 0) {
    // All errors on the invalid Koala payload: validateX against each peer's all-errors mode.
    const all = measure(usable.map((s) => ({ fn: s.errors })), invalid);
    result.allErrors = Object.fromEntries(usable.map((side, i) => [side.name, all[i]]));
  }
  process.stdout.write(JSON.stringify(result) + "\n");
}

const fmt = (ops) => (ops === undefined ? "—" : `${Math.round(ops / 1000).toLocaleString("en-US")} k`).padStart(9);

function ratioLine(label, values) {
  const ours = values.ours;
  const peers = Object.entries(values).filter(([name, ops]) => name !== "ours" && ops !== undefined);
  const [fastestName, fastest] = peers.reduce((a, b) => (b[1] > a[1] ? b : a), ["none", 0]);
  const ratio = ours / fastest;
  const cells = ["ours", "ajv", "schemasafe", "typebox"].map((name) => fmt(values[name])).join(" ");
  console.log(`${label.padEnd(58)} ${cells}   ${ratio.toFixed(2)}x ${fastestName}`);
  return ratio;
}

async function main() {
  const shapes = guardShapes(root);
  // Read from node_modules: typebox's "exports" does not expose its package.json to require.
  const versionOf = (name) => JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version;
  const versions = ["ajv", "@exodus/schemasafe", "typebox"].map((name) => `${name} ${versionOf(name)}`).join(", ");
  console.log(`guards by payload shape, ops per CPU second (median of ${ROUNDS} rotating rounds of ${ROUND_MS} ms of CPU time); node ${process.version}; ${versions}`);
  console.log(`${"shape (mode)".padEnd(58)} ${["ours", "ajv", "schemasafe", "typebox"].map((s) => s.padStart(9)).join(" ")}   ours/fastest`);
  const ratios = { fresh: [], varied: [] };
  const notes = [];
  for (let index = 0; index < shapes.length; index++) {
    for (const mode of ["fresh", "varied"]) {
      const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", String(index), mode], { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 });
      if (run.status !== 0) {
        console.log(`${shapes[index].name} (${mode}): FAILED ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`);
        process.exitCode = 1;
        continue;
      }
      const result = JSON.parse(run.stdout.trim().split("\n").pop());
      const values = Object.fromEntries(Object.entries(result.sides).map(([name, side]) => [name, side.ops]));
      for (const [name, side] of Object.entries(result.sides)) if (side.wrong) notes.push(`${result.shape}: ${name} ${side.wrong}`);
      ratios[mode].push([result.shape, ratioLine(`${result.shape} (${mode})`, values)]);
      if (result.allErrors) ratioLine(`koala invalid, all errors (${mode})`, result.allErrors);
    }
  }
  for (const mode of ["fresh", "varied"]) {
    const [worstShape, worst] = ratios[mode].reduce((a, b) => (b[1] < a[1] ? b : a));
    console.log(`worst ours/fastest (${mode}): ${worst.toFixed(2)}x on ${worstShape} (goal >= 1.0x everywhere: ${worst >= 1 ? "OK" : "MISSED"})`);
  }
  for (const note of [...new Set(notes)]) console.log(`left out: ${note}`);
}

if (process.argv[2] === "--child") {
  await child(Number(process.argv[3]), process.argv[4]);
} else {
  await main();
}
