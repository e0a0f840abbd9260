/**
 * Benchmark (`npm run bench`): the committed Koala guards (generated/koala/dist/cjs) against ajv
 * (Ajv2020 + ajv-formats, the same formats asserted), side by side in one process:
 * - isKoalaProfileBatchRequest vs ajv's compiled validator on a realistic 21-item batch;
 * - validateKoalaProfileBatchRequest vs ajv with allErrors on that batch with six errors;
 * then the minified + gzipped size of the Koala guards (guards.js and the runtime it uses), by the
 * benchmarks' one size measure (scripts/lib/bundle-size.ts, as bench-client's budgets).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { bundleSize, withSchemaPackage } from "./lib/bundle-size";
import { invalidRealisticBatch, realisticBatch } from "./lib/koala-payloads";
import { sideBySide } from "./lib/side-by-side";

const repoRoot = path.resolve(__dirname, "..", "..");
const koalaDir = path.join(repoRoot, "generated", "koala");

/* eslint-disable @typescript-eslint/no-require-imports */
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const guards = require(path.join(koalaDir, "dist", "cjs", "guards.js"));


function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US").padStart(12);
}

async function main(): Promise<void> {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, "schemas", "koala-profile-batch-request.schema.json"), "utf8"));
  const ajvFast = new Ajv2020({ strict: false });
  addFormats(ajvFast);
  const ajvValidate = ajvFast.compile(schema);
  const ajvAll = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajvAll);
  const ajvValidateAll = ajvAll.compile(schema);

  // Payloads as they arrive: parsed from JSON text (the shapes a server sees).
  const valid = JSON.parse(JSON.stringify(realisticBatch()));
  const invalid = JSON.parse(JSON.stringify(invalidRealisticBatch()));
  const items = (["events", "identifies", "page_views"] as const).reduce((n, k) => n + (valid[k] as unknown[]).length, 0);
  // Same answers first, or the comparison means nothing.
  if (!guards.isKoalaProfileBatchRequest(valid) || !ajvValidate(valid)) throw new Error("the valid batch must be valid for both");
  const ours = guards.validateKoalaProfileBatchRequest(invalid);
  if (ours.ok || ajvValidateAll(invalid)) throw new Error("the invalid batch must be invalid for both");
  console.log(`koala guards vs ajv ${require("ajv/package.json").version} + ajv-formats (node ${process.version}); batch of ${items} items; invalid batch: ${ours.errors.length} errors (ajv allErrors: ${ajvValidateAll.errors.length})`);

  const [isOps, ajvOps] = sideBySide(() => guards.isKoalaProfileBatchRequest(valid), () => ajvValidate(valid));
  const [validateOps, ajvAllOps] = sideBySide(() => guards.validateKoalaProfileBatchRequest(invalid), () => ajvValidateAll(invalid));
  const [validOkOps, ajvAllValidOps] = sideBySide(() => guards.validateKoalaProfileBatchRequest(valid), () => ajvValidateAll(valid));

  console.log(`isKoalaProfileBatchRequest (valid, 21 items)      ${fmt(isOps)} ops/s   ajv ${fmt(ajvOps)} ops/s   ratio ${(isOps / ajvOps).toFixed(1)}x (goal >= 4x)`);
  console.log(`validateKoalaProfileBatchRequest (invalid, ${ours.errors.length} err) ${fmt(validateOps)} ops/s   ajv allErrors ${fmt(ajvAllOps)} ops/s   ratio ${(validateOps / ajvAllOps).toFixed(1)}x (goal >= 2x)`);
  console.log(`validateKoalaProfileBatchRequest (valid, 21 items) ${fmt(validOkOps)} ops/s   ajv allErrors ${fmt(ajvAllValidOps)} ops/s   ratio ${(validOkOps / ajvAllValidOps).toFixed(1)}x`);

  // The goal is about the Koala profile batch schema's guards; the committed package also holds
  // other schemas (the account batch), so both are reported.
  const guardsEntry = `export * from "./guards.js";`;
  const profile = await withSchemaPackage(repoRoot, 0, (esm) => bundleSize(guardsEntry, esm));
  console.log(`koala guards size (profile batch schema): ${profile.minified} B minified, ${profile.gz} B min+gzip (goal <= 3072 B): guards.js + the runtime functions it uses, esbuild bundle, gzip -9`);
  const committed = await bundleSize(guardsEntry, path.join(koalaDir, "dist", "esm"));
  console.log(`committed generated/koala guards (every schema in the package): ${committed.minified} B minified, ${committed.gz} B min+gzip`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
