/**
 * The committed guards of the official OpenAPI 3.0 and 3.1 schemas (schemas/openapi-<version>/guards,
 * what generate uses to check a document of that version) are exactly what this generator makes
 * from those schemas now: a change to the guards emitter that is not regenerated fails here, like
 * the Koala drift test. Every example of the specification passes its version's check.
 */
import * as path from "node:path";
import { checkOfficialSchema30, checkOfficialSchema31 } from "../../generator/load/openapi/official-schema";
import { parseDocument, sharedDocuments } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { run } from "../helpers/run";

test.each(sharedDocuments("3.0/examples").map((file) => [path.basename(file), file]))("3.0/examples/%s passes the official 3.0 schema", async (_, file) => {
  expect(checkOfficialSchema30(await parseDocument(file))).toBeUndefined();
});

test("a 3.1 document fails the 3.0 schema and the other way round: each version has its own guards", async () => {
  const [document30] = sharedDocuments("3.0/examples");
  const [document31] = sharedDocuments("3.1/pass");
  expect(checkOfficialSchema31(await parseDocument(document30!))).toEqual(expect.objectContaining({ pointer: "#/openapi" }));
  expect(checkOfficialSchema30(await parseDocument(document31!))).toEqual(expect.objectContaining({ pointer: "#/openapi" }));
});

test("schemas/openapi-3.0/guards and schemas/openapi-3.1/guards are in sync with the generator (node scripts/openapi-schema-guards.mjs --check)", () => {
  const result = run(process.execPath, [path.join(REPO_ROOT, "scripts", "openapi-schema-guards.mjs"), "--check"]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}, 120_000);
