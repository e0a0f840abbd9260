import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { templateExports } from "../../generator/emit/template-exports";
import { REPO_ROOT } from "../helpers/paths";

/** The exports as the TypeScript compiler sees them: the oracle for the generator's quick scan. */
function compilerExports(source: string): string[] {
  const file = ts.createSourceFile("t.ts", source, ts.ScriptTarget.ES2022, true);
  const names: string[] = [];
  for (const statement of file.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      names.push(...statement.exportClause.elements.map((e) => e.name.text));
    } else if (exported && ts.isVariableStatement(statement)) {
      names.push(...statement.declarationList.declarations.map((d) => (d.name as ts.Identifier).text));
    } else if (exported && "name" in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      names.push((statement.name as ts.Identifier).text);
    }
  }
  // An interface and a namespace of one name (declaration merging) are one export.
  return [...new Set(names)];
}

const runtime = path.join(REPO_ROOT, "templates", "runtime");
const templates = readdirSync(runtime).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

test("there are runtime templates to scan", () => {
  expect(templates.length).toBeGreaterThan(0);
});

test.each(templates)("templates/runtime/%s: the scan finds exactly the compiler's exports", (file) => {
  const source = readFileSync(path.join(runtime, file), "utf8");
  expect(templateExports(source).sort()).toEqual(compilerExports(source).sort());
});

test("export lists, aliases and type-only lists", () => {
  expect(templateExports("export { a, b as c };\nexport type { D };\nexport async function e() {}\nexport abstract class F {}").sort()).toEqual(["D", "F", "a", "c", "e"]);
});
