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
 */
import { build } from "esbuild";
import * as path from "node:path";
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
}

main().catch((error: unknown) => {
  process.stderr.write(`bundle-cli: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
