/**
 * `npm run build` builds the templates' `.d.ts` once (scripts/build-template-declarations.ts);
 * generation uses an entry only for the exact template text it was built from.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { declarationOf } from "../../generator/print/compile";
import type { TemplateDeclarations } from "../../generator/print/template-declarations";
import { REPO_ROOT } from "../helpers/paths";

const TEMPLATES = path.join(REPO_ROOT, "templates");
// The built table (npm test builds first), next to the compiled module that reads it.
const table = JSON.parse(readFileSync(path.join(REPO_ROOT, "dist", "generator", "print", "template-declarations.json"), "utf8")) as TemplateDeclarations;
const templates = readdirSync(path.join(TEMPLATES, "runtime"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => `runtime/${f}`)
  .sort();

test("the build made an entry for every template", () => {
  expect(Object.keys(table).sort()).toEqual(templates);
});

test.each(templates)("%s: the prebuilt declarations are TypeScript's for the current text", (name) => {
  const text = readFileSync(path.join(TEMPLATES, name), "utf8");
  expect(table[name]!.declaration).toBe(declarationOf({ path: name, source: text }));
});

test("an entry is used only for the text it was built from", () => {
  // The compiled reader, as the CLI runs it.
  const { precompiledDeclaration } = require(path.join(REPO_ROOT, "dist", "generator", "print", "template-declarations.js")) as typeof import("../../generator/print/template-declarations");
  const name = templates[0]!;
  const text = readFileSync(path.join(TEMPLATES, name), "utf8");
  expect(precompiledDeclaration(name, text)).toBe(table[name]!.declaration);
  expect(precompiledDeclaration(name, `${text}\nexport const edited = 1;\n`)).toBeUndefined();
  expect(precompiledDeclaration("runtime/not-a-template.ts", text)).toBeUndefined();
});
