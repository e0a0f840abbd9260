/**
 * print/format.ts formats with prettier's `babel-ts` parser (faster to load and to parse than its
 * `typescript` parser): on generated modules the two must give the same text, and a module babel
 * refuses must still be formatted, by the `typescript` parser.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { Options } from "prettier";
import { generate, type GeneratedFile, type GenerateOptions } from "../../generator/index";
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

/**
 * PRETTIER_OPTIONS turn prettier's embedded-language formatting off (a first format is faster):
 * generated code never holds CSS, GraphQL, HTML or Markdown in a template literal, so the text is
 * the same as with it on ("auto", prettier's default). Checked on the modules, unformatted as
 * generate() hands them to prettier, of both committed packages and of every schema and OpenAPI
 * fixture that generates.
 */
test("every module of the committed packages and of the fixtures is formatted as with embedded-language formatting on", async () => {
  const prettier = require("prettier/standalone") as { format(source: string, options: Options): Promise<string> };
  const plugins = [require("prettier/plugins/babel"), require("prettier/plugins/estree")] as Options["plugins"];
  expect(PRETTIER_OPTIONS.embeddedLanguageFormatting).toBe("off");
  const configs = ["koala-codegen.config.json", "koala-codegen.openapi.config.json"].map(
    (file) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), "utf8")) as { schemas: { path: string; name?: string; endpoint?: string }[]; client?: object },
  );
  const runs: GenerateOptions[] = configs.map((c) => ({ schemas: c.schemas.map(({ path: p, ...rest }) => ({ ...rest, schema: path.join(REPO_ROOT, p) })), client: c.client }));
  const fixtures = path.join(REPO_ROOT, "test", "fixtures");
  for (const dir of ["builders", "openapi", "names", "refs", "fold", "drafts", "mock-server", "hostile"]) {
    for (const file of readdirSync(path.join(fixtures, dir), { recursive: true }) as string[]) {
      if (/\.(json|ya?ml)$/.test(file)) runs.push({ schema: path.join(fixtures, dir, file) });
    }
  }
  let modules = 0;
  let generated = 0;
  for (const run of runs) {
    let files: GeneratedFile[];
    try {
      ({ files } = await generate({ ...run, format: false, build: false }));
    } catch {
      // Not a schema on its own (a part of a multi-file document, an invalid fixture): nothing to format.
      continue;
    }
    generated++;
    for (const module of files.filter((f) => f.path.endsWith(".ts"))) {
      modules++;
      const auto = await prettier.format(module.contents, { ...PRETTIER_OPTIONS, embeddedLanguageFormatting: "auto", plugins });
      expect({ path: module.path, text: await formatTypeScript(module.contents, module.path) }).toEqual({ path: module.path, text: auto });
    }
  }
  process.stdout.write(`embedded-language formatting: ${modules} modules of ${generated} packages compared\n`);
  expect(generated).toBeGreaterThan(30);
  expect(modules).toBeGreaterThan(150);
}, 240_000);
