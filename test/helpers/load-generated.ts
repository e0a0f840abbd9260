import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { generate, type GenerateOptions } from "../../generator/index";

/**
 * Generates a package in memory, writes it to `dir` and loads its CommonJS build, so behaviour
 * tests exercise exactly the JavaScript a user would run (no ts-jest in between).
 */
export async function loadGenerated<T = Record<string, unknown>>(dir: string, options: GenerateOptions): Promise<{ module: T; files: Map<string, string> }> {
  const { files } = await generate(options);
  for (const file of files) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(path.join(dir, "dist", "cjs", "index.js")) as T;
  return { module, files: new Map(files.map((f) => [f.path, f.contents])) };
}
