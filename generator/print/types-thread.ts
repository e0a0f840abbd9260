/**
 * The types module built and printed on prettier's worker thread (format-worker.ts), for a large
 * document: generate() sends the named types there (a structured clone) before it emits the guards,
 * and the main thread emits guards, builders and operations while this one runs ts-morph. On
 * stripe's 2.5 MB document the types module (its structures, ts-morph's printer, the re-indent)
 * is ~0.55 s of the main thread's ~1.7 s; the clone costs it ~0.02 s. The same code as on the
 * main thread (emit/types.ts, print/print-module.ts), so the text is the same byte for byte.
 * Light to import: the emitter and ts-morph are required on the first request only, so a worker
 * that only formats (a small schema) never loads them.
 */
import type { IrNamedType } from "../ir/model";

export interface TypesRequest {
  types: IrNamedType[];
  /** The module's header (generate()'s plan.header), printed above the statements. */
  header: string;
  path: string;
}

export interface PrintedTypes {
  /** The printed module, as printModule gives it. */
  text: string;
  /** `reindent(text)`, when the module is too large for prettier in any package (skipsPrettier(size, 0)). */
  reindented?: string;
}

let lazyTypeScript = false;

/** emitTypes' statements for `types`, printed (and re-indented when that is sure to be wanted). */
export function printTypes({ types, header, path }: TypesRequest): PrintedTypes {
  // As the CLI does on its own thread (cli.ts): ts-morph loads without TypeScript, which printing never runs.
  if (!lazyTypeScript) (require("../lazy-typescript") as typeof import("../lazy-typescript")).installLazyTypeScript();
  lazyTypeScript = true;
  const { typeStatements } = require("../emit/types") as typeof import("../emit/types");
  const { printModule } = require("./print-module") as typeof import("./print-module");
  const { reindent, skipsPrettier } = require("./reindent") as typeof import("./reindent");
  const { mark } = require("../pipeline/timings") as typeof import("../pipeline/timings");
  mark("loaded the types emitter");
  const statements = typeStatements(types);
  mark("emitted types");
  const { text } = printModule({ path, header, statements });
  mark(`printed ${path} (${text.length} characters)`);
  if (!skipsPrettier(text.length, 0)) return { text };
  const reindented = reindent(text);
  mark(`re-indented ${path}`);
  return { text, reindented };
}
