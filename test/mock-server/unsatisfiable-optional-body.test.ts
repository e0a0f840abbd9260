/**
 * A request body that no finite value satisfies (circular-request-bodies' TreeNode requires a parent
 * TreeNode, @readme/oas-examples): when the body is optional, synthesizeRequest leaves it out, since
 * the request is valid without it, and the mock accepts that request over real HTTP; when it is
 * required, synthesizeRequest says why no valid request exists. Both used to be the second.
 */
import * as path from "node:path";
import { readMockApi } from "../../generator/mock-server/mock-api";
import { startMockServer } from "../../generator/mock-server/server";
import { synthesizeRequest } from "../../generator/mock-server/synthesize";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "unsatisfiable-optional-body.json");
const SEED = 20261203;

test("an optional body with no finite value is left out, and the mock accepts the request without it", async () => {
  const input = { schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE) };
  const api = await readMockApi(input);
  const request = synthesizeRequest(api, api.operations.find((o) => o.name === "directCircular")!, SEED);
  expect(request).toEqual({});
  const server = await startMockServer({ ...input, seed: SEED });
  try {
    const response = await fetch(`${server.url}/direct`, { method: "POST" });
    expect(response.status).toBe(200);
    await response.text();
  } finally {
    await server.close();
  }
});

test("a required one is still reported: no valid request exists", async () => {
  const api = await readMockApi({ schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE) });
  const request = synthesizeRequest(api, api.operations.find((o) => o.name === "requiredCircular")!, SEED);
  expect(request.errors).toEqual([{ in: "body", errors: [expect.objectContaining({ message: "the type TreeNode requires itself more than 40 levels deep" })] }]);
});
