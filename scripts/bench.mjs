#!/usr/bin/env node
// `npm run bench`: runs every benchmark in turn, each in its own process (a benchmark's warm JIT or
// open sockets must not colour the next one). A new benchmark is one new file:
// scripts/bench-*.{js,mjs,cjs} run as they are, scripts/bench-*.ts from their build in dist/scripts/
// (npm run bench builds first). `npm run bench -- guards` runs only the matching ones.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv.slice(2);
const scripts = readdirSync(path.join(root, "scripts"))
  .filter((f) => /^bench-.+\.(js|mjs|cjs|ts)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of scripts) {
  const runnable = file.endsWith(".ts") ? path.join(root, "dist", "scripts", file.replace(/\.ts$/, ".js")) : path.join(root, "scripts", file);
  if (!existsSync(runnable)) {
    console.error(`bench: ${file}: ${path.relative(root, runnable)} not built (npm run build)`);
    failed++;
    continue;
  }
  console.log(`\n## ${file}`);
  const result = spawnSync(process.execPath, [runnable], { stdio: "inherit", cwd: root });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
