/**
 * The generated package's JavaScript and declarations, built in memory, with the two tools that are
 * each fastest at their half:
 * - ESM and CommonJS: esbuild's `transform` (type stripping plus the module format; no type check is
 *   needed since the generated code is checked by its own tests). It runs in esbuild's own process,
 *   so both formats of every module are built on the other core while this thread does the rest.
 * - `.d.ts`: TypeScript's `transpileDeclaration` (isolated declarations: generated code annotates
 *   every export, so no type-checker pass is needed).
 * TypeScript's `transpileModule` did all three before: three full parse+emit passes on one core,
 * 0.58 s of a 1.2 s cold start on Koala and 16 s of 18 s on 3,000 definitions.
 */
import { ts } from "ts-morph";

export interface ModuleSource {
  /** Relative to the package's `src/` ("runtime/formats.ts"). */
  path: string;
  source: string;
}

/** What esbuild's transform needs of its API; loaded on first use (a fully cached run never starts it). */
type Esbuild = typeof import("esbuild");

const DECLARATION_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ES2020,
  newLine: ts.NewLineKind.LineFeed,
  declaration: true,
  isolatedDeclarations: true,
  isolatedModules: true,
};

/**
 * ESM and CommonJS for each module, in input order. Every job is handed to esbuild's process at
 * once, so they run there while this thread goes on (building declarations) until it awaits.
 */
export function transformScripts(modules: readonly ModuleSource[]): Promise<{ esm: string; cjs: string }[]> {
  if (modules.length === 0) return Promise.resolve([]);
  const esbuild = require("esbuild") as Esbuild;
  return Promise.all(
    modules.map(async (m) => {
      const [esm, cjs] = await Promise.all([transform(esbuild, m, "esm"), transform(esbuild, m, "cjs")]);
      return { esm, cjs };
    }),
  );
}

async function transform(esbuild: Esbuild, module: ModuleSource, format: "esm" | "cjs"): Promise<string> {
  const header = leadingComment(module.source);
  try {
    const result = await esbuild.transform(module.source, {
      loader: "ts",
      format,
      // CommonJS for Node gets esbuild's annotation of its export names, which Node reads when an
      // ES module imports it (`import { isX } from ".../cjs/index.js"`).
      platform: format === "cjs" ? "node" : "neutral",
      target: "es2020",
      sourcefile: module.path,
      // esbuild keeps no ordinary comments: the header (provenance, "do not edit") is put back on top.
      banner: header,
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

/** The `.d.ts` of a module (its whole source, or only its signatures: see EmittedModule.declarations). */
export function declarationOf(module: ModuleSource): string {
  const result = ts.transpileDeclaration(module.source, { fileName: module.path, compilerOptions: DECLARATION_OPTIONS, reportDiagnostics: true });
  if (result.diagnostics !== undefined && result.diagnostics.length > 0) {
    const message = result.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " ")).join("; ");
    throw new Error(`internal: generated ${module.path} has no isolated declarations: ${message}`);
  }
  return result.outputText;
}

/** The file's opening `//` comment lines (the generated header), up to the first other line. */
function leadingComment(source: string): string {
  const lines: string[] = [];
  for (const line of source.split("\n", 8)) {
    if (!/^\s*(\/\/|\/\*.*\*\/\s*$)/.test(line)) break;
    lines.push(line);
  }
  return lines.join("\n");
}
