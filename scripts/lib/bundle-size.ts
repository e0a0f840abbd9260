/**
 * The benchmarks' one size measure, taken as size-limit and bundlephobia take it: a real bundler
 * (esbuild: bundle + minify + tree-shake, ESM, es2020) builds an entry module that re-exports part of
 * a generated package (`export * from "./guards.js"`: those exports and the runtime they use, nothing
 * else), then gzip -9. bench-guards ("koala guards size") and bench-client (runtime size, budgets)
 * both measure with it, so they print one figure for the same code.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

export interface BundleSize {
  minified: number;
  /** min+gzip (gzip -9) */
  gz: number;
  /** esbuild's metafile inputs of the bundle: bytes each module kept */
  inputs: Record<string, { bytesInOutput: number }>;
}

/** The size of `entry` (ESM source) bundled in `dir`, with `external` imports left out. */
export async function bundleSize(entry: string, dir: string, external: string[] = []): Promise<BundleSize> {
  const result = await esbuild.build({
    external,
    stdin: { contents: entry, resolveDir: dir, loader: "js" },
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    treeShaking: true,
    format: "esm",
    target: "es2020",
    legalComments: "none",
    write: false,
    metafile: true,
  });
  const code = result.outputFiles[0]!.text;
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  return { minified: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length, inputs };
}

/**
 * The package generated for one of koala-codegen.config.json's schemas alone (as its config
 * generates it: name, endpoint, client), written to a temp folder; `use` gets its dist/esm folder.
 */
export async function withSchemaPackage<T>(repoRoot: string, index: number, use: (esmDir: string) => Promise<T>): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generate } = require(path.join(repoRoot, "dist", "generator", "index.js"));
  const config = JSON.parse(readFileSync(path.join(repoRoot, "koala-codegen.config.json"), "utf8"));
  const schema = config.schemas[index];
  const result = await generate({ schema: path.join(repoRoot, schema.path), name: schema.name, endpoint: schema.endpoint, client: config.client, packageName: config.packageName });
  const dir = mkdtempSync(path.join(tmpdir(), "koala-size-"));
  try {
    for (const file of result.files as { path: string; contents: string }[]) {
      const target = path.join(dir, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
    return await use(path.join(dir, "dist", "esm"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
