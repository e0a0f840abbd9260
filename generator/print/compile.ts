/**
 * The generated package's JavaScript and declarations, built in memory: ESM and CommonJS with
 * `transpileModule`, `.d.ts` with `transpileDeclaration` (isolated declarations: generated code
 * annotates every export, so no type-checker pass is needed). Milliseconds, not a `tsc` run.
 */
import { ts } from "ts-morph";

export interface CompiledModule {
  esm: string;
  cjs: string;
  declaration: string;
}

const BASE: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2020,
  removeComments: false,
  newLine: ts.NewLineKind.LineFeed,
  verbatimModuleSyntax: false,
  isolatedModules: true,
};

export function compileModule(source: string, fileName: string): CompiledModule {
  const esm = ts.transpileModule(source, { fileName, compilerOptions: { ...BASE, module: ts.ModuleKind.ES2020 }, reportDiagnostics: true });
  const cjs = ts.transpileModule(source, { fileName, compilerOptions: { ...BASE, module: ts.ModuleKind.CommonJS, esModuleInterop: false }, reportDiagnostics: true });
  const declaration = ts.transpileDeclaration(source, {
    fileName,
    compilerOptions: { ...BASE, module: ts.ModuleKind.ES2020, declaration: true, isolatedDeclarations: true },
    reportDiagnostics: true,
  });
  const diagnostics = [...(esm.diagnostics ?? []), ...(declaration.diagnostics ?? [])];
  if (diagnostics.length > 0) {
    const message = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " ")).join("; ");
    throw new Error(`internal: generated ${fileName} does not compile in isolation: ${message}`);
  }
  return { esm: esm.outputText, cjs: cjs.outputText, declaration: declaration.outputText };
}
