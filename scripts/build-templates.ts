/**
 * Part of `npm run build`: the `.d.ts` and the JavaScript (ESM, CJS) of every template under
 * templates/, into dist/generator/print/template-builds.json (see generator/print/template-builds.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { declarationOf } from "../generator/print/declarations";
import { transformScripts } from "../generator/print/scripts";
import { sha256, TEMPLATE_BUILDS_FILE, type TemplateBuilds } from "../generator/print/template-builds";
import { templatesDir } from "../generator/paths";

async function main(): Promise<void> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
      .sort();
  const templates = walk(templatesDir()).map((file) => ({ path: path.relative(templatesDir(), file).split(path.sep).join("/"), source: readFileSync(file, "utf8") }));
  const scripts = await transformScripts(templates);
  const table: TemplateBuilds = {};
  templates.forEach((template, i) => {
    table[template.path] = { sha256: sha256(template.source), declaration: declarationOf(template), ...scripts[i]! };
  });
  writeFileSync(TEMPLATE_BUILDS_FILE, JSON.stringify(table));
}

main().catch((error: unknown) => {
  process.stderr.write(`build-templates: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
