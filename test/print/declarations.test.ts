/**
 * Emitters that state their own `.d.ts` (EmittedModule.declarations) must declare exactly what
 * TypeScript derives from the module itself: guards.d.ts, builders.d.ts, client.d.ts and
 * operations.d.ts are signatures written directly, types.d.ts is types.ts and index.d.ts is index.ts. Checked on the
 * Koala schemas, the draft and name fixtures, the hostile corpus and OpenAPI fixtures, by having TypeScript derive
 * the declarations of both and comparing them.
 */
import { readdirSync } from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { generate, type GenerateResult } from "../../generator/index";
import { declarationOf } from "../../generator/print/declarations";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const fixture = (...parts: string[]): string => path.join(REPO_ROOT, "test", "fixtures", ...parts);
const hostile = readdirSync(fixture("hostile")).filter((f) => f.endsWith(".json")).sort().map((f) => fixture("hostile", f));
const SCHEMAS = [
  path.join(REPO_ROOT, "schemas", "koala-profile-batch-request.schema.json"),
  path.join(REPO_ROOT, "schemas", "koala-account-batch-request.schema.json"),
  fixture("drafts", "draft-04.schema.json"),
  fixture("drafts", "draft-07.schema.json"),
  fixture("names", "weird-names.schema.json"),
  fixture("drafts", "draft-2019-09.schema.json"),
  ...hostile,
];

const results = new Map<string, GenerateResult>();
/** The statements of `source` that have a runtime part (none may be in a `.d.ts`), by kind and text. */
function runtimeStatements(source: string): string[] {
  const file = ts.createSourceFile("module.ts", source, ts.ScriptTarget.Latest, true);
  const declared = (s: ts.Statement): boolean => ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
  return file.statements
    .filter((s) => !(ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isImportDeclaration(s) || ts.isExportDeclaration(s) || declared(s)))
    .map((s) => `${ts.SyntaxKind[s.kind]}: ${s.getText(file).slice(0, 80)}`);
}

beforeAll(async () => {
  for (const schema of SCHEMAS) {
    // Unformatted sources, so TypeScript reads the very text the declarations were stated next to.
    results.set(schema, await generate({ schema, endpoint: "/batch", nameCollisions: "suffix", format: false }));
  }
}, 120_000);

const contents = (result: GenerateResult, file: string): string => {
  const found = result.files.find((f) => f.path === file);
  if (!found) throw new Error(`no ${file}`);
  return found.contents;
};
const label = (schema: string): string => path.relative(REPO_ROOT, schema);

/** OpenAPI documents: their operations.ts states its declarations too (servers with variables, security, bodies, parameters). */
const OPENAPI = ["client-auth-retry.yaml", "client-bodies.yaml", "client-params.yaml", "read-write.json"].map((f) => fixture("openapi", f));

describe.each(OPENAPI.map((s) => [label(s), s]))("%s", (_, schema) => {
  let result: GenerateResult;
  beforeAll(async () => {
    // Parsed here: the loader's YAML parser (json-schema-ref-parser) is ESM-only, and jest runs CommonJS.
    result = await generate({ schema: await parseDocument(schema), format: false });
  }, 60_000);

  test.each(["operations", "guards", "builders"])("%s: the stated .d.ts declares what TypeScript derives from the module", (module) => {
    const stated = contents(result, `dist/esm/${module}.d.ts`);
    const derived = declarationOf({ path: `${module}.ts`, source: contents(result, `src/${module}.ts`) });
    expect(declarationOf({ path: `${module}.ts`, source: stated })).toBe(derived);
    expect(runtimeStatements(stated)).toEqual([]);
  });
});

describe.each(SCHEMAS.map((s) => [label(s), s]))("%s", (_, schema) => {
  test.each(["guards", "builders", "client"])("%s: the stated .d.ts declares what TypeScript derives from the module", (module) => {
    const result = results.get(schema)!;
    const stated = contents(result, `dist/esm/${module}.d.ts`);
    const derived = declarationOf({ path: `${module}.ts`, source: contents(result, `src/${module}.ts`) });
    // Read as a module of declarations, the stated file gives TypeScript's own printing of them.
    expect(declarationOf({ path: `${module}.ts`, source: stated })).toBe(derived);
    // And it holds nothing but declarations.
    expect(runtimeStatements(stated)).toEqual([]);
    expect(contents(result, `dist/cjs/${module}.d.ts`)).toBe(stated);
  });

  test.each(["types", "index"])("%s: the module is its own .d.ts, every statement one a declaration file may hold", (module) => {
    const result = results.get(schema)!;
    const source = contents(result, `src/${module}.ts`);
    expect(contents(result, `dist/esm/${module}.d.ts`)).toBe(source);
    expect(runtimeStatements(source)).toEqual([]);
  });
});
