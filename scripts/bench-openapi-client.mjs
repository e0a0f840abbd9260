// Size of one operation of a 300-operation API, as a consumer's bundler ships it: the package
// generated from scripts/lib/synthetic-openapi.mjs (deterministic), then esbuild bundles an entry
// importing the client factory and one operation (bundle + minify + tree-shake, ESM, from the
// package's dist/esm), gzip -9 — as scripts/bench-client.mjs measures the Koala runtime. The goal:
// <= 5 KB. For scale, the same for every operation (the operations map) is printed too.
// Run with `npm run bench -- openapi-client` (after `npm run build`). Prints one line per figure.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { syntheticOpenApi } from "./lib/synthetic-openapi.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { generate } = require(path.join(root, "dist", "generator", "index.js"));
const esbuild = require("esbuild");

const OPERATIONS = 300;
const GOAL = 5 * 1024;
const dir = mkdtempSync(path.join(tmpdir(), "koala-codegen-bench-openapi-client-"));
try {
  const started = Date.now();
  const { files } = await generate({ schema: syntheticOpenApi(OPERATIONS), packageName: "synthetic" });
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.contents);
  }
  const esm = path.join(dir, "dist", "esm");
  const bundle = async (entry) => {
    const result = await esbuild.build({ stdin: { contents: entry, resolveDir: esm, loader: "js" }, absWorkingDir: esm, bundle: true, minify: true, treeShaking: true, format: "esm", target: "es2020", legalComments: "none", write: false, metafile: true });
    const code = result.outputFiles[0].text;
    return { minified: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length, inputs: Object.entries(Object.values(result.metafile.outputs)[0].inputs).map(([file, { bytesInOutput }]) => `${path.basename(file)} ${bytesInOutput}`) };
  };
  const one = await bundle(`import { createSyntheticClient, getResource57 } from "./index.js"; export const call = () => getResource57(createSyntheticClient({ auth: { bearer: "t" } }), { path: { id: "x" } });`);
  const withBody = await bundle(`import { createSyntheticClient, createResource57Operation } from "./index.js"; export const call = () => createResource57Operation(createSyntheticClient(), { body: { name: "x" } });`);
  const every = await bundle(`export { syntheticOperations, createSyntheticClient } from "./index.js";`);
  const status = (b) => (b.gz <= GOAL ? "goal met" : "OVER the goal");
  console.log(`openapi client size (${OPERATIONS}-operation synthetic API, generated in ${Date.now() - started} ms; esbuild ${esbuild.version} bundle+minify+tree-shake, gzip -9; goal <= ${GOAL} B):`);
  console.log(`  one operation (getResource57 + createSyntheticClient): ${one.minified} B minified, ${one.gz} B (${(one.gz / 1024).toFixed(2)} KB) min+gzip, ${status(one)}; minified bytes per module: ${one.inputs.join(", ")}`);
  console.log(`  one operation with a validated JSON body (createResource57Operation: the builder createResource57 has the name): ${withBody.minified} B minified, ${withBody.gz} B (${(withBody.gz / 1024).toFixed(2)} KB) min+gzip, ${status(withBody)}; minified bytes per module: ${withBody.inputs.join(", ")}`);
  console.log(`  every operation (the operations map): ${every.minified} B minified, ${every.gz} B (${(every.gz / 1024).toFixed(2)} KB) min+gzip`);
  if (one.gz > GOAL || withBody.gz > GOAL) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
