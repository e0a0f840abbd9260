/**
 * Structures → text with ts-morph. One in-memory Project, one `createSourceFile` call per module
 * with all its statements: ts-morph re-parses on every manipulation, so nothing is added in a loop.
 */
import { Project } from "ts-morph";
import type { Statement } from "../emit/emitter";

export interface PrintableModule {
  path: string;
  header: string;
  statements: Statement[];
}

export function printModules(modules: readonly PrintableModule[]): { path: string; text: string }[] {
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  return modules.map((module) => {
    const file = project.createSourceFile(`/${module.path}`, { statements: module.statements }, { overwrite: true });
    return { path: module.path, text: `${module.header}\n${file.getFullText()}` };
  });
}
