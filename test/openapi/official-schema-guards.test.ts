/**
 * The committed guards of the official OpenAPI 3.1 schema (schemas/openapi-3.1/guards, what
 * generate uses to check a 3.1 document) are exactly what this generator makes from that schema
 * now: a change to the guards emitter that is not regenerated fails here, like the Koala drift test.
 */
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/paths";
import { run } from "../helpers/run";

test("schemas/openapi-3.1/guards is in sync with the generator (node scripts/openapi-schema-guards.mjs --check)", () => {
  const result = run(process.execPath, [path.join(REPO_ROOT, "scripts", "openapi-schema-guards.mjs"), "--check"]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}, 120_000);
