/**
 * A required parameter whose schema allows null is never synthesized as null: the client sends null
 * as RFC 6570's undefined (runtime params.ts), an empty path segment or a query, header or cookie
 * parameter left out, so the mock answered 404 (the empty segment matched no path) or 400 (a required
 * parameter missing). FastAPI writes Optional[UUID] parameters so: @llamaindex/cloud 4.1.3's
 * openapi.json, PUT /api/v1/organizations/{organization_id}/users/{user_id}/projects. A parameter
 * given by `content` sends null as the JSON text "null", which arrives. The e2e run
 * (openapi-mock-client.test.ts) calls the fixture through the generated client.
 */
import * as path from "node:path";
import { readMockApi } from "../../generator/mock-server/mock-api";
import { synthesizeRequest } from "../../generator/mock-server/synthesize";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "nullable-parameters.json");
const SEEDS = 40;

test(`for seeds 1 to ${SEEDS}, no required path, query, header or cookie parameter is null`, async () => {
  const api = await readMockApi({ schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE) });
  const operation = api.operations[0]!;
  const pages = new Set<unknown>();
  for (let seed = 1; seed <= SEEDS; seed++) {
    const request = synthesizeRequest(api, operation, seed);
    expect(request.errors).toBeUndefined();
    expect(request.path?.organization_id).toEqual(expect.any(String));
    expect(request.path?.user_id).toEqual(expect.any(String));
    expect(request.query?.project_id).toEqual(expect.any(String));
    expect(request.query?.tags).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(request.header?.["X-Trace-Id"]).toEqual(expect.any(String));
    expect(request.cookie?.session).toEqual(expect.any(String));
    pages.add(request.query?.page === null ? null : typeof request.query?.page);
  }
  // An optional one may be null or left out (it is simply not sent).
  expect(pages.size).toBeGreaterThan(1);
});
