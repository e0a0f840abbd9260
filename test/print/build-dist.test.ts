/**
 * A module of types only (types.ts, transport.ts) gets its JavaScript from a stand-in
 * (TYPES_ONLY_MODULE), not from esbuild over its megabytes of types: on every such module the
 * generator makes (Koala's JSON Schema with a client, an OpenAPI document with operations), the
 * package's dist/esm and dist/cjs files must be exactly what esbuild builds from the whole source.
 */
import * as path from "node:path";
import { generate, type GenerateResult } from "../../generator/index";
import { transformScripts } from "../../generator/print/scripts";
import { parseDocument } from "../helpers/openapi";
import { KOALA_SCHEMA, REPO_ROOT } from "../helpers/paths";

const TYPES_ONLY = ["types.ts", "transport.ts"];

const contents = (result: GenerateResult, file: string): string => {
  const found = result.files.find((f) => f.path === file);
  if (!found) throw new Error(`no ${file}`);
  return found.contents;
};

async function expectAsFromWholeSource(result: GenerateResult): Promise<void> {
  for (const module of TYPES_ONLY) {
    const source = contents(result, `src/${module}`);
    // The module really is types only and large enough to matter: a stand-in for an empty module would prove nothing.
    expect(source).toMatch(/^export (interface|type) /m);
    const [whole] = await transformScripts([{ path: module, source }]);
    const js = module.replace(/\.ts$/, ".js");
    expect(contents(result, `dist/esm/${js}`)).toBe(whole!.esm);
    expect(contents(result, `dist/cjs/${js}`)).toBe(whole!.cjs);
    // The CommonJS frame is named after the file: a stand-in built under another name would differ.
    expect(whole!.cjs).toContain(`var ${module.replace(/\.ts$/, "")}_exports = {};`);
  }
}

test("Koala's schema with a client: types.js and transport.js as esbuild builds them from the whole module", async () => {
  await expectAsFromWholeSource(await generate({ schema: KOALA_SCHEMA, endpoint: "/batch" }));
}, 60_000);

test("an OpenAPI document: types.js and transport.js as esbuild builds them from the whole module", async () => {
  const schema = await parseDocument(path.join(REPO_ROOT, "test", "fixtures", "openapi", "client-params.yaml"));
  await expectAsFromWholeSource(await generate({ schema }));
}, 60_000);
