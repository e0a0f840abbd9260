/**
 * Emitters that state their own `.d.ts` (EmittedModule.declarations) must declare exactly what
 * TypeScript derives from the module itself: guards.d.ts is the guards' signatures written
 * directly, types.d.ts is types.ts. Checked on the Koala schemas, the draft and name fixtures and
 * the hostile corpus, by having TypeScript derive the declarations of both and
 * comparing them.
 */
import { readdirSync } from "node:fs";
import * as path from "node:path";
import { transformSync } from "esbuild";
import { generate, type GenerateResult } from "../../generator/index";
import { declarationOf } from "../../generator/print/compile";
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

describe.each(SCHEMAS.map((s) => [label(s), s]))("%s", (_, schema) => {
  test("guards.d.ts declares what TypeScript derives from guards.ts", () => {
    const result = results.get(schema)!;
    const stated = contents(result, "dist/esm/guards.d.ts");
    const derived = declarationOf({ path: "guards.ts", source: contents(result, "src/guards.ts") });
    // Read as a module of declarations, the stated file gives TypeScript's own printing of them.
    expect(declarationOf({ path: "guards.ts", source: stated })).toBe(derived);
    expect(contents(result, "dist/cjs/guards.d.ts")).toBe(stated);
  });

  test("types.ts declares no values, so it is its own .d.ts", () => {
    const result = results.get(schema)!;
    const source = contents(result, "src/types.ts");
    expect(contents(result, "dist/esm/types.d.ts")).toBe(source);
    // Nothing is left once the types are stripped: no runtime code hides in the declaration file.
    const js = transformSync(source, { loader: "ts", format: "esm" }).code;
    expect(js.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, "").trim()).toBe("");
    expect(declarationOf({ path: "types.ts", source })).toBe(declarationOf({ path: "types.ts", source: contents(result, "dist/esm/types.d.ts") }));
  });
});
