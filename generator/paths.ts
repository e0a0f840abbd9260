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

export function templatesDir(): string {
  return path.join(findPackageRoot(), "templates");
}
