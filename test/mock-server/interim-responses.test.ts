/**
 * A 1xx status is interim: never the final answer to a request. The mock used to send an operation's
 * only documented `100 Continue` as its final status (http-status-codes, @readme/oas-examples), and
 * fetch saw a broken exchange, a network error. It now answers the first final status documented
 * (409 beside a 103), or 204 when there is none, as for an operation that documents no response.
 * Over real HTTP on 127.0.0.1; the e2e run (openapi-mock-client.test.ts) calls the fixture through
 * the generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("interim-responses.json");

test("an operation that documents only 100 Continue is answered 204", async () => {
  const response = await fetch(`${mock().url}/continue`);
  expect(response.status).toBe(204);
  expect(await response.text()).toBe("");
});

test("beside a 103, the documented final status is answered, with its body", async () => {
  const response = await fetch(`${mock().url}/hints`);
  expect(response.status).toBe(409);
  expect(await response.json()).toEqual({ reason: expect.any(String) });
});
