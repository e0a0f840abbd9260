/**
 * print/format.ts formats with prettier's `babel-ts` parser (faster to load and to parse than its
 * `typescript` parser): on generated modules the two must give the same text, and a module babel
 * refuses must still be formatted, by the `typescript` parser.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { Options } from "prettier";
import { generate } from "../../generator/index";
import { formatTypeScript, PRETTIER_OPTIONS } from "../../generator/print/format";
import { KOALA_CONFIG, REPO_ROOT } from "../helpers/paths";

/** prettier with its `typescript` parser and the generator's other options. */
async function withTypeScriptParser(source: string): Promise<string> {
  const prettier = require("prettier/standalone") as { format(source: string, options: Options): Promise<string> };
  const plugins = [require("prettier/plugins/typescript"), require("prettier/plugins/estree")] as Options["plugins"];
  return prettier.format(source, { ...PRETTIER_OPTIONS, parser: "typescript", plugins });
}

test("every module generated for the Koala config is formatted as the typescript parser formats it", async () => {
  // Unformatted, as generate() hands modules to prettier.
  const config = JSON.parse(readFileSync(KOALA_CONFIG, "utf8")) as { schemas: { path: string; name: string; endpoint: string }[] };
  const schemas = config.schemas.map((s) => ({ schema: path.join(REPO_ROOT, s.path), name: s.name, endpoint: s.endpoint }));
  const { files } = await generate({ schemas, format: false, build: false });
  const modules = files.filter((f) => f.path.endsWith(".ts"));
  expect(modules.length).toBeGreaterThan(4);
  for (const module of modules) expect(await formatTypeScript(module.contents, module.path)).toBe(await withTypeScriptParser(module.contents));
});

test("a module the babel parser refuses is formatted by the typescript parser", async () => {
  // babel rejects `override` in a class that extends nothing; TypeScript's parser leaves that to the checker.
  const source = "class A { override b = 1 }";
  expect(await formatTypeScript(source, "a.ts")).toBe("class A {\n  override b = 1;\n}\n");
});

test("a syntax error is an internal error naming the file", async () => {
  await expect(formatTypeScript("const = ;", "broken.ts")).rejects.toThrow(/^internal: prettier could not format generated broken\.ts: /);
});
