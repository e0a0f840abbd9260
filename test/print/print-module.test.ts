/**
 * Every module is built as text and joined without ts-morph (print/print-module.ts), so that a
 * `generate` loads neither ts-morph nor TypeScript. The join must give exactly the text ts-morph's
 * printer gives for the same statements: checked on every module of the Koala schemas, the fixtures
 * and the hostile corpus, and on edge cases.
 */
import { readdirSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { printStructure, StructureKind } from "ts-morph";
import { EMITTERS } from "../../generator/emit/index";
import type { EmitOptions } from "../../generator/emit/emitter";
import { fromJsonSchema } from "../../generator/ir/from-json-schema";
import { KEYWORDS } from "../../generator/emit/keywords/index";
import { loadSchema } from "../../generator/load/load-schema";
import { joinTextStatements, separateDeclarations } from "../../generator/print/print-module";
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
        if (statements.length === 0) continue;
        expect(joinTextStatements(statements)).toBe(byTsMorph(statements));
        checked++;
      }
    }
  }
  // types, guards, builders and client, the last three with their declarations, and transport.ts
  // (types.ts and transport.ts are their own declarations).
  expect(checked).toBe(8);
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

/** Fixed: the pieces below, in any order, must join as ts-morph prints them (printed with the seed, so a failure can be rerun). */
const JOIN_SEED = 20261202;

test(`any sequence of short statements, empty ones in a row included, joins as ts-morph prints it (seed ${JOIN_SEED})`, () => {
  console.log(`joinTextStatements against ts-morph: fast-check seed ${JOIN_SEED}`);
  // Endings that decide a line break or a blank line: braces, new lines, spaces, empty statements.
  const pieces = ["", "\n", "\n\n", "}", "}\n", "}\n\n", "} ", "a;", "a;\n", "// c", "x", " ", "{\n}", "/** d */"];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (statements) => {
      expect(joinTextStatements(statements)).toBe(byTsMorph(statements));
    }),
    { numRuns: 5000, seed: JOIN_SEED },
  );
});

describe("a blank line around every exported declaration (separateDeclarations)", () => {
  const printed = (statements: string[]): string => joinTextStatements(separateDeclarations(statements));
  test.each([
    ["after the imports and re-exports, before the first declaration", ['import { a } from "./a.js";', 'export type { B } from "./b.js";', "export const c = 1;"], 'import { a } from "./a.js";\nexport type { B } from "./b.js";\n\nexport const c = 1;\n'],
    ["between declarations ending in a semicolon", ["/** A. */\nexport type A = string;", "/** B. */\nexport type B = number;"], "/** A. */\nexport type A = string;\n\n/** B. */\nexport type B = number;\n"],
    ["after a declaration, before a local one", ["export const a = 1;", "const b = 2;"], "export const a = 1;\n\nconst b = 2;\n"],
    ["not after a note of comments only", ["// A note.", "export const a = 1;"], "// A note.\nexport const a = 1;\n"],
    ["not between re-exports", ['export * from "./a.js";', 'export * from "./b.js";'], 'export * from "./a.js";\nexport * from "./b.js";\n'],
    ["not after the last statement, and empty statements skipped", ["export const a = 1;", "", "export const b = 2;", ""], "export const a = 1;\n\nexport const b = 2;\n"],
    ["a declaration after a closing brace: one blank line, not two", ["export function f() {\n}", "export const a = 1;"], "export function f() {\n}\n\nexport const a = 1;\n"],
  ])("%s", (_, statements, expected) => {
    expect(printed(statements)).toBe(expected);
  });
});
