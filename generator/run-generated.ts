/**
 * Runs a generated package without touching the disk: each `src/*.ts` is transpiled to CommonJS
 * (transpileModule, no type-check) and evaluated with a tiny `require` that resolves the package's
 * relative imports (generated code has no dependencies). The one in-memory loader: the mock server
 * runs its guards with it, and so do the conformance runner, the differential tests and the benchmarks.
 */
import * as path from "node:path";
import { ts } from "ts-morph";

export interface SourceFile {
  path: string;
  contents: string;
}

/** Evaluates `entry` ("src/guards.ts") among `files` and returns its exports. */
export function loadGenerated(files: readonly SourceFile[], entry = "src/guards.ts"): Record<string, unknown> {
  const sources = new Map(files.filter((f) => f.path.endsWith(".ts") && !f.path.endsWith(".d.ts")).map((f) => [f.path, f.contents]));
  const cache = new Map<string, { exports: Record<string, unknown> }>();
  const load = (file: string): Record<string, unknown> => {
    const cached = cache.get(file);
    if (cached) return cached.exports;
    const source = sources.get(file);
    if (source === undefined) throw new Error(`loadGenerated: no ${file} among ${[...sources.keys()].join(", ")}`);
    const outputText = transpile(file, source);
    const module = { exports: {} as Record<string, unknown> };
    cache.set(file, module);
    const localRequire = (specifier: string): unknown => {
      if (!specifier.startsWith(".")) throw new Error(`generated code must not import ${specifier}`);
      return load(path.posix.join(path.posix.dirname(file), specifier).replace(/\.js$/, ".ts"));
    };
    new Function("exports", "require", "module", outputText)(module.exports, localRequire, module);
    return module.exports;
  };
  return load(entry);
}

/**
 * `source` as CommonJS. TypeScript's transpileModule, except where its binder runs out of stack (it
 * recurses once per operand of a long `a || b || ...` chain: image-charts.com's 960 font names
 * checked as one `value === "ABeeZee" || ...`, a RangeError the mock server died of): esbuild then,
 * which the generator depends on already (print/build-dist.ts) and which does not recurse there.
 */
function transpile(file: string, source: string): string {
  try {
    return ts.transpileModule(source, { fileName: file, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: false } }).outputText;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require("esbuild") as typeof import("esbuild");
    return esbuild.transformSync(source, { loader: "ts", format: "cjs", target: "es2022", sourcefile: file }).code;
  }
}
