/**
 * Part of `npm run build`, after tsc: dist/generator/cli-bundle.js is one file holding the CLI and
 * every generator module it can reach (esbuild, from the TypeScript sources; the libraries in
 * node_modules stay outside). A cold `generate` loaded ~100 modules one by one, each resolved,
 * stat'ed and read on its own: the bundle takes about an eighth off its CPU time. Modules that load
 * lazily still do (esbuild keeps a `require()` or `import()` inside a function lazy). The rest of
 * dist/generator stays as tsc wrote it: the library (`main`), the prettier worker thread
 * (print/format-worker.js) and the template builds are not part of the bundle.
 * dist/generator/cli.js, the `koala-codegen` command, becomes three lines: V8's compile cache on
 * (compile-cache.js; after tier-up.js, which holds TurboFan back for the run's first second), then for a `generate` prettier's worker thread (print/early-format-worker.js:
 * it starts while the bundle loads), then the bundle, so that the bundle's code comes from that
 * cache too (a bundle that turned the cache on itself was compiled in full on every run, ~35 ms of
 * CPU on Node 20).
 * This runs on every build and always starts from the sources.
 * Beside it, dist/generator/typescript-shape.json: the version, export names and enums of the
 * TypeScript that ts-morph loads, which the CLI gives ts-morph in its place until something runs
 * TypeScript (generator/lazy-typescript.ts).
 */
import { build } from "esbuild";
import { chmodSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { installedTypeScript, TYPESCRIPT_SHAPE_FILE, typescriptShape } from "../generator/lazy-typescript";
import { findPackageRoot } from "../generator/paths";

async function main(): Promise<void> {
  const root = findPackageRoot();
  await build({
    entryPoints: [path.join(root, "generator", "cli.ts")],
    outfile: path.join(root, "dist", "generator", "cli-bundle.js"),
    tsconfig: path.join(root, "tsconfig.build.json"),
    bundle: true,
    packages: "external",
    platform: "node",
    format: "cjs",
    target: "node20",
    // `import()` becomes `require()`, as tsc compiles it for the library: on Node 20 the CLI's own
    // code cache cannot serve code that calls `import()` (Node loses the script's import callback
    // when its functions come from cached data). Node 20.19+ requires ES modules (json-schema-ref-parser).
    supported: { "dynamic-import": false },
    logLevel: "warning",
  });
  const command = path.join(root, "dist", "generator", "cli.js");
  writeFileSync(command, COMMAND);
  chmodSync(command, 0o755);
  writeTypeScriptShape(path.join(root, "dist", "generator", path.basename(TYPESCRIPT_SHAPE_FILE)));
}

const COMMAND = `#!/usr/bin/env node
"use strict";
// The koala-codegen command (written by scripts/bundle-cli.ts): TurboFan held back for the first
// second (tier-up.js; first, so that the compile cache's modules are compiled under its flags); V8's compile cache; for a
// \`generate\`, prettier's worker thread (print/early-format-worker.js), which starts while the CLI loads; then the CLI through the cache.
require("./tier-up.js").deferOptimization();
require("./compile-cache.js");
const formatWorker = require("./print/early-format-worker.js").startFormatWorker(process.argv.slice(2));
require("./cli-bundle.js").run(formatWorker);
`;

/** The shape of the TypeScript inside the @ts-morph/common that ts-morph resolves to. */
function writeTypeScriptShape(file: string): void {
  const commonMain = require.resolve("@ts-morph/common", { paths: [path.dirname(require.resolve("ts-morph"))] });
  const { file: typescriptFile, common, size } = installedTypeScript(path.dirname(commonMain));
  const shape = typescriptShape(require(typescriptFile) as Record<string, unknown>, common, size);
  writeFileSync(file, `${JSON.stringify(shape)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bundle-cli: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
