/**
 * The generated package's `dist/`: ESM and CommonJS (esbuild) and `.d.ts` (TypeScript) for every
 * source, each result kept in the step cache by content. Split in two calls so generate() can build
 * the declarations while prettier formats the sources on another thread: a declaration does not
 * depend on formatting (TypeScript prints it its own way), the JavaScript is built from the
 * formatted source. Modules whose emitter states its declarations (guards, types) skip TypeScript.
 */
import { CJS_PACKAGE_JSON } from "../emit/package-files";
import type { StepCache } from "./cache";
import { precompiledDeclaration } from "./template-declarations";

export interface DistFile {
  path: string;
  contents: string;
}

/** A module whose `.d.ts` TypeScript derives from its source. */
export interface DeclarationInput {
  /** Relative to `src/` ("builders.ts"). */
  path: string;
  source: string;
}

const TYPESCRIPT = ["typescript"];
const ESBUILD = ["esbuild"];

/** The `.d.ts` text of each module, in order: precompiled (templates), cached, or derived now. */
export async function buildDeclarations(modules: readonly DeclarationInput[], cache: StepCache): Promise<string[]> {
  let compile: typeof import("./compile") | undefined;
  return Promise.all(
    modules.map(async ({ path, source }) => {
      const precompiled = precompiledDeclaration(path, source);
      if (precompiled !== undefined) return precompiled;
      return cache.get("compile", TYPESCRIPT, `${path}#declaration`, source, async () => {
        // TypeScript is loaded only when something is to be built.
        compile ??= await import("./compile");
        return compile.declarationOf({ path, source });
      }, isString);
    }),
  );
}

/** A module's JavaScript: ESM and CommonJS. */
export interface Scripts {
  esm: string;
  cjs: string;
}

/**
 * One source's JavaScript, from the cache or from esbuild. generate() calls it for each source as
 * soon as that source is formatted, so esbuild's process works while this thread builds declarations.
 */
export async function buildScripts(source: DistFile, cache: StepCache): Promise<Scripts> {
  const path = source.path.replace(/^src\//, "");
  const cached = cache.read("compile", ESBUILD, path, source.contents, isScripts);
  if (cached !== undefined) return cached;
  // esbuild is loaded only when something is to be built.
  const [built] = await (await import("./compile")).transformScripts([{ path, source: source.contents }]);
  cache.write("compile", ESBUILD, path, source.contents, built);
  return built!;
}

/** `dist/esm` and `dist/cjs`: each source's JavaScript in both formats next to its declaration. */
export function distFiles(sources: readonly DistFile[], scripts: readonly Scripts[], declarations: readonly string[]): DistFile[] {
  const out: DistFile[] = [{ path: "dist/cjs/package.json", contents: CJS_PACKAGE_JSON }];
  sources.forEach((source, i) => {
    const { esm, cjs } = scripts[i]!;
    const js = source.path.replace(/^src\//, "").replace(/\.ts$/, ".js");
    const dts = js.replace(/\.js$/, ".d.ts");
    out.push(
      { path: `dist/esm/${js}`, contents: esm },
      { path: `dist/esm/${dts}`, contents: declarations[i]! },
      { path: `dist/cjs/${js}`, contents: cjs },
      { path: `dist/cjs/${dts}`, contents: declarations[i]! },
    );
  });
  return out;
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isScripts(value: unknown): value is { esm: string; cjs: string } {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.esm === "string" && typeof v.cjs === "string";
}
