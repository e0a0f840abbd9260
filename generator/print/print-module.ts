/**
 * Structures → text with ts-morph. One in-memory Project, one `createSourceFile` call per module
 * with all its statements: ts-morph re-parses on every manipulation, so nothing is added in a loop.
 */
import { Project } from "ts-morph";
import type { Statement } from "../emit/emitter";
import { PRETTIER_SIZE_LIMIT } from "./reindent";

export interface PrintableModule {
  path: string;
  header: string;
  statements: Statement[];
}

export function printModules(modules: readonly PrintableModule[]): { path: string; text: string }[] {
  let project: Project | undefined;
  return modules.map((module) => {
    // A very large module of plain-text statements (guards for thousands of definitions) skips the
    // ts-morph round trip (print, then parse the whole text again): it would only join the strings.
    if (module.statements.every((s) => typeof s === "string")) {
      const size = module.statements.reduce((n, s) => n + (s as string).length, 0);
      if (size > PRETTIER_SIZE_LIMIT) return { path: module.path, text: `${module.header}\n${joinStatements(module.statements as string[])}\n` };
    }
    project ??= new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
    const file = project.createSourceFile(`/${module.path}`, { statements: module.statements }, { overwrite: true });
    return { path: module.path, text: `${module.header}\n${file.getFullText()}` };
  });
}

/** One blank line between statements, none between a doc comment and what it documents. */
function joinStatements(statements: readonly string[]): string {
  return statements.map((s, i) => (i === 0 ? s : (statements[i - 1]!.trimEnd().endsWith("*/") ? "\n" : "\n\n") + s)).join("");
}
