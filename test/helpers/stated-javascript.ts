/**
 * Shared by the tests that check a module's stated JavaScript (guards.js, builders.js,
 * operations.js: written by their emitters, not compiled) against esbuild's build of its .ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { transform } from "esbuild";
import type { GeneratedFile } from "../../generator/generated-file";

/** The contents of the generated file at `name`; throws when there is none. */
export function generatedFile(files: readonly GeneratedFile[], name: string): string {
  const found = files.find((f) => f.path === name);
  if (!found) throw new Error(`no ${name}`);
  return found.contents;
}

/** esbuild's reprint, whitespace minified, its imports apart and sorted (where each import lands differs). */
export async function esbuildReprint(source: string, loader: "ts" | "js"): Promise<{ imports: string[]; code: string }> {
  const { code } = await transform(source, {
    loader,
    format: "esm",
    target: loader === "ts" ? "es2020" : "esnext",
    minifyWhitespace: true,
    // As print/scripts.ts compiles a module.
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: false, useDefineForClassFields: false } },
    logLevel: "silent",
  });
  const imports: string[] = [];
  // Named imports and whole-module ones (builders' `import * as runtime`).
  const rest = code.replace(/import(\{[^}]*\}|\*as [$\w]+)from"[^"]*";/g, (statement) => (imports.push(statement), ""));
  return { imports: imports.sort(), code: rest };
}

/** A committed package's files (generated/<name>, kept in sync by the drift check): its src/ and dist/. */
export function committedPackageFiles(dir: string): GeneratedFile[] {
  const list = (sub: string): string[] =>
    readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(path.join(sub, e.name)) : [path.join(sub, e.name)]));
  return [...list("src"), ...list("dist")].map((p) => ({ path: p.split(path.sep).join("/"), contents: readFileSync(path.join(dir, p), "utf8") }));
}

/** Every property name and string value of a schema or document: values of those shapes reach its checks (the tests' arbitraries draw from them). */
export function vocabulary(schema: unknown, keys = new Set<string>(), strings = new Set<string>()): { keys: string[]; strings: string[] } {
  if (Array.isArray(schema)) for (const item of schema) vocabulary(item, keys, strings);
  else if (typeof schema === "object" && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      keys.add(key);
      if (typeof value === "string") strings.add(value);
      vocabulary(value, keys, strings);
    }
  }
  return { keys: [...keys].sort(), strings: [...strings].sort() };
}
