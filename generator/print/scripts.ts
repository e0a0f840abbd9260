/**
 * The generated package's JavaScript: ESM and CommonJS from each TypeScript source with esbuild's
 * `transform` (type stripping plus the module format; no type check is needed, the generated code
 * is checked by its own tests). It runs in esbuild's own process, so both formats of every module
 * are built on the other core while this thread goes on. TypeScript's `transpileModule` did this
 * before: two full parse+emit passes on one core, most of a cold start and 16 s of 18 s on 3,000
 * definitions.
 */
import { markWhenDone } from "../pipeline/timings";

export interface ModuleSource {
  /** Relative to the package's `src/` ("runtime/formats.ts"). */
  path: string;
  source: string;
}

/** A module's JavaScript. */
export interface Scripts {
  esm: string;
  cjs: string;
}

/** What esbuild's transform needs of its API; loaded on first use (a fully cached run never starts it). */
type Esbuild = typeof import("esbuild");

/**
 * Starts esbuild's process now, so that it is up by the time the first source is formatted: for a
 * run that will certainly need it (no step cache), its start-up (~0.05 s) leaves the critical path.
 */
export function startEsbuild(): void {
  (require("esbuild") as Esbuild).transform("", { loader: "ts" }).catch(() => undefined);
}

/**
 * ESM and CommonJS for each module, in input order. Every job is handed to esbuild's process at
 * once, so they run there while this thread goes on (building declarations) until it awaits.
 */
export function transformScripts(modules: readonly ModuleSource[]): Promise<Scripts[]> {
  if (modules.length === 0) return Promise.resolve([]);
  const esbuild = require("esbuild") as Esbuild;
  return Promise.all(
    modules.map(async (m) => {
      const [esm, cjs] = await Promise.all([markWhenDone(transform(esbuild, m, "esm"), `esbuild: ESM of ${m.path}`), markWhenDone(transform(esbuild, m, "cjs"), `esbuild: CommonJS of ${m.path}`)]);
      return { esm: withHeaderOf(m.source, esm), cjs: withHeaderOf(m.source, cjs) };
    }),
  );
}

async function transform(esbuild: Esbuild, module: ModuleSource, format: "esm" | "cjs"): Promise<string> {
  try {
    const result = await esbuild.transform(module.source, {
      loader: "ts",
      format,
      // CommonJS for Node gets esbuild's annotation of its export names, which Node reads when an
      // ES module imports it (`import { isX } from ".../cjs/index.js"`).
      platform: format === "cjs" ? "node" : "neutral",
      target: "es2020",
      sourcefile: module.path,
      // `import type`-free imports of types only are dropped, as `isolatedModules` TypeScript would.
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: false, useDefineForClassFields: false } },
      charset: "utf8",
      logLevel: "silent",
    });
    return result.code;
  } catch (error) {
    const message = (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors
      ?.map((e) => (e.location ? `${e.location.line}:${e.location.column} ${e.text}` : e.text))
      .join("; ");
    throw new Error(`internal: generated ${module.path} does not compile: ${message ?? String(error)}`);
  }
}

/**
 * esbuild keeps no ordinary comments: the source's header (provenance, "do not edit"), its opening
 * `//` lines, is put back on top of the JavaScript built from it.
 */
export function withHeaderOf(source: string, code: string): string {
  return `${headerOf(source)}${code}`;
}

/** The source's header: its opening comment lines, each with its line break ("" when it has none). */
export function headerOf(source: string): string {
  const lines: string[] = [];
  for (const line of source.split("\n", 8)) {
    if (!/^\s*(\/\/|\/\*.*\*\/\s*$)/.test(line)) break;
    lines.push(line);
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
