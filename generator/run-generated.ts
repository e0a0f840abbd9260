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
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: false },
    });
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
