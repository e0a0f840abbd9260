import * as path from "node:path";
import { generate, type GenerateOptions } from "../../generator/index";
import { writeFiles } from "./strict-compile";

/**
 * Generates a package in memory, writes it to `dir` and loads its CommonJS build, so behaviour
 * tests exercise exactly the JavaScript a user would run (no ts-jest in between).
 */
export async function loadGenerated<T = Record<string, unknown>>(dir: string, options: GenerateOptions): Promise<{ module: T; files: Map<string, string> }> {
  const { files } = await generate(options);
  writeFiles(dir, files);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(path.join(dir, "dist", "cjs", "index.js")) as T;
  return { module, files: new Map(files.map((f) => [f.path, f.contents])) };
}
