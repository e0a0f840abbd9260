// `npm run bench`: runs every scripts/bench-*.mjs in turn, each in its own process (a benchmark's
// warm JIT or open sockets must not colour the next one). A new benchmark is one new file.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
let failed = 0;
for (const file of readdirSync(dir).filter((f) => /^bench-.+\.mjs$/.test(f)).sort()) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  console.log(`== ${file}`);
  const result = spawnSync(process.execPath, [path.join(dir, file)], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
