import { existsSync } from "node:fs";
import * as path from "node:path";

let root: string | undefined;

/** The koala-codegen package folder, whether running from source (generator/) or compiled (dist/generator/). */
export function findPackageRoot(): string {
  if (root) return root;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "templates"))) return (root = dir);
    if (path.dirname(dir) === dir) throw new Error(`internal: cannot find the koala-codegen package root from ${__dirname}`);
  }
}

/**
 * generator/print (dist/generator/print when built): the format worker, the template builds and the
 * modules of the cached steps. Those modules do not use their own `__dirname`: the CLI runs from a
 * bundle of the generator's modules (dist/generator/cli.js, scripts/bundle-cli.ts), where every
 * module's `__dirname` is the bundle's folder, which is this module's.
 */
export const PRINT_DIR = path.join(__dirname, "print");

export function templatesDir(): string {
  return path.join(findPackageRoot(), "templates");
}

/** A path as people want to read it: relative to the working folder when inside it, else absolute (not `../../x`). */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative.split(path.sep).join("/") : absolute;
}
