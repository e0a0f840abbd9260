/**
 * The `.d.ts` of a generated module that no emitter states (see EmittedModule.declarations), and of
 * the templates at build time: TypeScript's `transpileDeclaration`. Generated code annotates every
 * export (isolated declarations), so no type-checker pass is needed.
 */
import { ts } from "ts-morph";
import type { ModuleSource } from "./scripts";

const DECLARATION_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ES2020,
  newLine: ts.NewLineKind.LineFeed,
  declaration: true,
  isolatedDeclarations: true,
  isolatedModules: true,
};

/** The `.d.ts` of a module (its whole source, or only its signatures). */
export function declarationOf(module: ModuleSource): string {
  const result = ts.transpileDeclaration(module.source, { fileName: module.path, compilerOptions: DECLARATION_OPTIONS, reportDiagnostics: true });
  if (result.diagnostics !== undefined && result.diagnostics.length > 0) {
    const message = result.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " ")).join("; ");
    throw new Error(`internal: generated ${module.path} has no isolated declarations: ${message}`);
  }
  return result.outputText;
}
