/**
 * Part of `npm run build`: the `.d.ts` of every template under templates/, into
 * dist/generator/print/template-declarations.json (see generator/print/template-declarations.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { declarationOf } from "../generator/print/compile";
import { sha256, TEMPLATE_DECLARATIONS_FILE, type TemplateDeclarations } from "../generator/print/template-declarations";
import { templatesDir } from "../generator/paths";

const table: TemplateDeclarations = {};
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
    .sort();
for (const file of walk(templatesDir())) {
  const templatePath = path.relative(templatesDir(), file).split(path.sep).join("/");
  const text = readFileSync(file, "utf8");
  table[templatePath] = { sha256: sha256(text), declaration: declarationOf({ path: templatePath, source: text }) };
}
writeFileSync(TEMPLATE_DECLARATIONS_FILE, JSON.stringify(table));
