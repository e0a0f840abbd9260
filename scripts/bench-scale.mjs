#!/usr/bin/env node
// Scale: synthetic schemas with 300 / 1,000 / 3,000 `$defs` (scripts/lib/synthetic-schema.mjs), all
// artifacts from koala-codegen (types, guards, builders, client; prettier; ESM + CJS + .d.ts) side by
// side with json-schema-to-typescript producing types alone, each run in its own process (peak RSS
// is that run's). Then a 1,000-long reference cycle through both. BENCH_SIZES=300,1000 to shorten.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { referenceCycle, syntheticSchema } from "./lib/synthetic-schema.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const sizes = (process.env.BENCH_SIZES ?? "300,1000,3000").split(",").map(Number);
const dir = mkdtempSync(path.join(os.tmpdir(), "koala-bench-scale-"));

function run(tool, file) {
  const child = spawnSync(process.execPath, ["--stack-size=984", path.join(here, "lib", "bench-scale-worker.mjs"), tool, file], { encoding: "utf8", timeout: 900_000, maxBuffer: 1 << 20 });
  const line = child.stdout.trim().split("\n").pop();
  try {
    return JSON.parse(line);
  } catch {
    return { ok: false, error: (child.stderr || child.error?.message || `exit ${child.status}`).split("\n").find((l) => l.trim()) ?? "no output" };
  }
}

const fmt = (r) => (r.ok ? `${(r.ms / 1000).toFixed(2).padStart(7)} s ${String(r.rssMB).padStart(5)} MB peak ${String(r.outputKB).padStart(6)} KB out` : `FAILED: ${r.error}`);

console.log(`scale: koala-codegen (all artifacts, built) vs json-schema-to-typescript (types only); node ${process.version}, ${os.cpus().length} cores`);
const rows = [];
for (const n of sizes) {
  const file = path.join(dir, `synthetic-${n}.json`);
  writeFileSync(file, JSON.stringify(syntheticSchema(n)));
  const ours = run("ours", file);
  const j2t = run("j2t", file);
  rows.push({ n, ours, j2t });
  const ratio = ours.ok && j2t.ok ? `  ratio ours/j2t ${(ours.ms / j2t.ms).toFixed(2)}x` : "";
  console.log(`${String(n).padStart(5)} $defs  koala-codegen ${fmt(ours)} | json-schema-to-typescript ${fmt(j2t)}${ratio}`);
}
const largest = rows.at(-1);
if (largest?.ours.ok && largest.j2t.ok) {
  const met = largest.ours.ms < largest.j2t.ms;
  console.log(`goal: all artifacts for ${largest.n} $defs in less time than json-schema-to-typescript's types: ${met ? "OK" : "OVER"} (${(largest.ours.ms / 1000).toFixed(2)} s vs ${(largest.j2t.ms / 1000).toFixed(2)} s)`);
}
// Linearity: time per definition should stay flat (or fall) as the schema grows.
const perDef = rows.filter((r) => r.ours.ok).map((r) => `${r.n}: ${(r.ours.ms / r.n).toFixed(1)} ms/def`);
console.log(`koala-codegen time per definition (flat = linear): ${perDef.join(", ")}`);
const jPerDef = rows.filter((r) => r.j2t.ok).map((r) => `${r.n}: ${(r.j2t.ms / r.n).toFixed(1)} ms/def`);
console.log(`json-schema-to-typescript per definition: ${jPerDef.join(", ")}`);

const cycle = path.join(dir, "cycle-1000.json");
writeFileSync(cycle, JSON.stringify(referenceCycle(1000)));
console.log(`1,000-long reference cycle: koala-codegen ${fmt(run("ours", cycle))} | json-schema-to-typescript ${fmt(run("j2t", cycle))}`);
rmSync(dir, { recursive: true, force: true });
