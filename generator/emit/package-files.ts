/**
 * The generated package around the modules: `src/index.ts` re-exporting every module, and a
 * `package.json` whose `exports` serve types, ESM and CommonJS (node16/nodenext and bundler
 * resolution alike) with zero dependencies.
 */
import type { Statement } from "./emitter";

export interface PackageManifestOptions {
  name: string;
  version: string;
  description: string;
  schemaHash: string;
  generatorVersion: string;
  /** Modules exported as `<package>/<subpath>` besides the root (EmittedModule.subpath). */
  subpaths?: readonly string[];
}

/** `export * from "./types.js"` for every module of the root (runtime helpers and subpath modules stay out). */
export function indexStatements(modulePaths: readonly string[]): Statement[] {
  return modulePaths.map((p) => `export * from ${JSON.stringify(`./${p.replace(/\.ts$/, ".js")}`)};`);
}

export function packageJson(options: PackageManifestOptions): string {
  const manifest = {
    name: options.name,
    version: options.version,
    description: options.description,
    type: "module",
    sideEffects: false,
    main: "./dist/cjs/index.js",
    module: "./dist/esm/index.js",
    types: "./dist/esm/index.d.ts",
    exports: {
      ".": entryPoint("index"),
      ...Object.fromEntries((options.subpaths ?? []).map((subpath) => [`./${subpath}`, entryPoint(subpath)])),
      "./package.json": "./package.json",
    },
    files: ["dist", "src"],
    dependencies: {},
    // The oldest Node the test matrix runs the generated code on (fetch, AbortSignal.timeout, crypto.randomUUID).
    engines: { node: ">=20" },
    koalaCodegen: { generator: options.generatorVersion, schemaSha256: options.schemaHash },
  };
  return JSON.stringify(manifest, null, 2) + "\n";
}

/** An `exports` entry for the module `dist/*\/<module>.js`: types, ESM and CommonJS. */
function entryPoint(module: string): object {
  return {
    import: { types: `./dist/esm/${module}.d.ts`, default: `./dist/esm/${module}.js` },
    require: { types: `./dist/cjs/${module}.d.ts`, default: `./dist/cjs/${module}.js` },
  };
}

