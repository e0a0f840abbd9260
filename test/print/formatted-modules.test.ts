/**
 * Modules printed as prettier formats them skip prettier (EmittedModule.formatted: transport.ts;
 * index.ts's re-exports): prettier must leave each exactly as generate() writes it, on every
 * package shape that has them (an endpoint's client, an OpenAPI document's operations, webhooks),
 * and index.ts for every list of modules a package can re-export.
 */
import * as path from "node:path";
import { generate } from "../../generator/index";
import { indexStatements } from "../../generator/emit/package-files";
import { formatTypeScript } from "../../generator/print/format";
import { printModule } from "../../generator/print/print-module";
import { headerOf } from "../../generator/print/scripts";
import { parseDocument } from "../helpers/openapi";
import { KOALA_SCHEMA, REPO_ROOT } from "../helpers/paths";

/** The text after the header (and the blank line below it), as generate() sends it to prettier. */
async function expectUnchangedByPrettier(contents: string, file: string): Promise<void> {
  const body = contents.slice(headerOf(contents).length).replace(/^\n/, "");
  expect(await formatTypeScript(body, file)).toBe(body);
}

test.each([
  ["Koala's schema with an endpoint (client.ts)", KOALA_SCHEMA, "/batch"],
  ["Koala's OpenAPI document (operations.ts)", path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml"), undefined],
  ["an OpenAPI fixture with webhooks and callbacks", path.join(REPO_ROOT, "test", "fixtures", "openapi", "webhooks-callbacks.yaml"), undefined],
])("%s: transport.ts and index.ts, written without prettier, are as prettier prints them", async (_, schema, endpoint) => {
  // YAML parsed here (the loader reads it through json-schema-ref-parser, an ES module jest cannot require).
  const input = /\.ya?ml$/.test(schema) ? await parseDocument(schema) : schema;
  const result = await generate({ schema: input, endpoint, build: false, cwd: path.dirname(schema) });
  const files = result.files.filter((f) => f.path === "src/transport.ts" || f.path === "src/index.ts");
  expect(files.map((f) => f.path).sort()).toEqual(["src/index.ts", "src/transport.ts"]);
  for (const file of files) await expectUnchangedByPrettier(file.contents, file.path);
}, 60_000);

test.each([
  [["types.ts"]],
  [["types.ts", "guards.ts"]],
  [["types.ts", "guards.ts", "builders.ts", "client.ts"]],
  [["types.ts", "guards.ts", "builders.ts", "operations.ts"]],
])("index.ts re-exporting %j is as prettier prints it", async (modules) => {
  await expectUnchangedByPrettier(printModule({ path: "index.ts", header: "// A header.\n/* eslint-disable */\n", statements: indexStatements(modules) }).text, "index.ts");
});
