/**
 * Part of `npm run build`, after tsc: dist/generator/cli.js becomes one file holding the CLI and
 * every generator module it can reach (esbuild, from the TypeScript sources; the libraries in
 * node_modules stay outside). A cold `generate` loaded ~100 modules one by one, each resolved,
 * stat'ed and read on its own: the bundle takes about an eighth off its CPU time. Modules that load
 * lazily still do (esbuild keeps a `require()` or `import()` inside a function lazy). The rest of
 * dist/generator stays as tsc wrote it: the library (`main`), the prettier worker thread
 * (print/format-worker.js) and the template builds are not part of the bundle.
 * tsc rewrites cli.js only when cli.ts changes, so this runs on every build and always starts from
 * the sources.
 * Beside it, dist/generator/typescript-shape.json: the version, export names and enums of the
 * TypeScript that ts-morph loads, which the CLI gives ts-morph in its place until something runs
 * TypeScript (generator/lazy-typescript.ts).
 */
import { build } from "esbuild";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { TYPESCRIPT_SHAPE_FILE, typescriptShape } from "../generator/lazy-typescript";
import { findPackageRoot } from "../generator/paths";

async function main(): Promise<void> {
  const root = findPackageRoot();
  await build({
    entryPoints: [path.join(root, "generator", "cli.ts")],
    outfile: path.join(root, "dist", "generator", "cli.js"),
    tsconfig: path.join(root, "tsconfig.build.json"),
    bundle: true,
    packages: "external",
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
  });
  writeTypeScriptShape(path.join(root, "dist", "generator", path.basename(TYPESCRIPT_SHAPE_FILE)));
}

/** The shape of the TypeScript inside the @ts-morph/common that ts-morph resolves to. */
function writeTypeScriptShape(file: string): void {
  const commonMain = require.resolve("@ts-morph/common", { paths: [path.dirname(require.resolve("ts-morph"))] });
  const typescriptFile = path.join(path.dirname(commonMain), "typescript.js");
  const common = (JSON.parse(readFileSync(path.join(path.dirname(commonMain), "..", "package.json"), "utf8")) as { version: string }).version;
  const shape = typescriptShape(require(typescriptFile) as Record<string, unknown>, common, statSync(typescriptFile).size);
  writeFileSync(file, `${JSON.stringify(shape)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bundle-cli: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
