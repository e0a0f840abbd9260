import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { GeneratedFile } from "../../generator/index";
import { TSC } from "./paths";
import { run, type RunResult } from "./run";

/** Writes a generated package's files under `dir`. */
export function writeFiles(dir: string, files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
}

/**
 * `tsc --strict` (plus the strictest consumer flags) over every `src/**.ts` under `dir`, in one run:
 * each package in its own sub-folder, ES modules resolved the way Node resolves them.
 */
export function compileStrict(dir: string, options: { timeout?: number } = {}): RunResult {
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022", "DOM"],
      types: [],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      isolatedModules: true,
      isolatedDeclarations: true,
      declaration: true,
      skipLibCheck: false,
      noEmit: true,
    },
    include: ["**/src/**/*.ts"],
  };
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  return run(process.execPath, [TSC, "-p", path.join(dir, "tsconfig.json"), "--pretty", "false"], options);
}
