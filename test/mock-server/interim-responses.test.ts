/**
 * A 1xx status is interim: never the final answer to a request. The mock used to send an operation's
 * only documented `100 Continue` as its final status (http-status-codes, @readme/oas-examples), and
 * fetch saw a broken exchange, a network error. It now answers the first final status documented
 * (409 beside a 103), or 204 when there is none, as for an operation that documents no response.
 * Over real HTTP on 127.0.0.1; the e2e run (openapi-mock-client.test.ts) calls the fixture through
 * the generated client.
 */
import * as path from "node:path";
import { startMockServer, type MockServer } from "../../generator/mock-server/server";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "interim-responses.json");

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), seed: 1 });
});
afterAll(() => server.close());

test("an operation that documents only 100 Continue is answered 204", async () => {
  const response = await fetch(`${server.url}/continue`);
  expect(response.status).toBe(204);
  expect(await response.text()).toBe("");
});

test("beside a 103, the documented final status is answered, with its body", async () => {
  const response = await fetch(`${server.url}/hints`);
  expect(response.status).toBe(409);
  expect(await response.json()).toEqual({ reason: expect.any(String) });
});
