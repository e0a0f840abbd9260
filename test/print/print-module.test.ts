/**
 * Modules built as text are joined without ts-morph (print/print-module.ts), so that a cold
 * `generate` sends them to prettier before TypeScript has loaded. The join must give exactly the
 * text ts-morph's printer gives for the same statements: checked on every text module of the
 * Koala schemas, the fixtures and the hostile corpus, and on edge cases.
 */
import { readdirSync } from "node:fs";
import * as path from "node:path";
import { printStructure, StructureKind } from "ts-morph";
import { EMITTERS } from "../../generator/emit/index";
import type { EmitOptions } from "../../generator/emit/emitter";
import { fromJsonSchema } from "../../generator/ir/from-json-schema";
import { KEYWORDS } from "../../generator/emit/keywords/index";
import { loadSchema } from "../../generator/load/load-schema";
import { joinTextStatements } from "../../generator/print/print-module";
import { REPO_ROOT } from "../helpers/paths";

const fixture = (...parts: string[]): string => path.join(REPO_ROOT, "test", "fixtures", ...parts);
const SCHEMAS = [
  path.join(REPO_ROOT, "schemas", "koala-profile-batch-request.schema.json"),
  path.join(REPO_ROOT, "schemas", "koala-account-batch-request.schema.json"),
  fixture("drafts", "draft-07.schema.json"),
  fixture("names", "weird-names.schema.json"),
  ...readdirSync(fixture("hostile")).filter((f) => f.endsWith(".json")).sort().map((f) => fixture("hostile", f)),
];

const byTsMorph = (statements: string[]): string => printStructure({ kind: StructureKind.SourceFile, statements });

test.each(SCHEMAS.map((s) => [path.relative(REPO_ROOT, s), s]))("%s: every text module joins as ts-morph prints it", async (_, schema) => {
  const model = fromJsonSchema(await loadSchema(schema, {}), KEYWORDS, { reservedNames: [], nameCollisions: "suffix" });
  const options: EmitOptions = { artifacts: ["types", "guards", "builders", "client"], formats: "assert", endpoints: { [model.rootName]: "/batch" }, client: { userAgent: "test" } };
  let checked = 0;
  for (const emitter of EMITTERS) {
    for (const module of emitter.emit({ model, options })) {
      for (const statements of [module.statements, Array.isArray(module.declarations) ? module.declarations : []]) {
        if (statements.length === 0 || !statements.every((s): s is string => typeof s === "string")) continue;
        expect(joinTextStatements(statements)).toBe(byTsMorph(statements));
        checked++;
      }
    }
  }
  // guards, builders and client, with their declarations.
  expect(checked).toBe(6);
});

test.each([
  ["nothing", []],
  ["empty statements", ["", "const a = 1;", "", "const b = 2;"]],
  ["one statement", ["const a = 1;"]],
  ["after a closing brace, a blank line", ["function f() {\n}", "const a = 1;"]],
  ["after a semicolon, a line break", ["import { a } from \"./a.js\";", "import { b } from \"./b.js\";"]],
  ["a doc comment and its declaration", ["/** Doc. */", "export const a = 1;"]],
  ["a statement ending in a newline", ["const a = 1;\n", "const b = 2;"]],
  ["a brace then spaces", ["type T = {}  ", "const b = 2;"]],
  ["comment lines", ["// one\n// two", "export type A = string;", "export function f(): void {\n  return;\n}"]],
])("%s", (_, statements) => {
  expect(joinTextStatements(statements)).toBe(byTsMorph(statements));
});
