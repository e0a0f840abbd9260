/**
 * A security requirement that names two schemes writing the Authorization header (security-multiple's
 * `basic` + `oauth2`, @readme/oas-examples; azure.com/containerregistry's basic + an API key named
 * "Authorization") asks for two Authorization headers, which one request cannot carry: the mock takes
 * any one of their credentials for all (the client writes the last scheme's). It answered 401 to
 * every such call, unrecorded. The other schemes of the requirement are still
 * required. Over real HTTP on 127.0.0.1; the e2e run (openapi-mock-client.test.ts) calls the fixture
 * through the generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("security-shared-authorization.json");

async function status(headers: Record<string, string>): Promise<number> {
  const response = await fetch(`${mock().url}/and`, { method: "POST", headers });
  await response.text();
  return response.status;
}

test("the API key and one Authorization credential, basic or bearer, satisfy the requirement", async () => {
  expect(await status({ "X-API-KEY": "k", Authorization: "Bearer t" })).toBe(200);
  expect(await status({ "X-API-KEY": "k", Authorization: "Basic dTpw" })).toBe(200);
});

test("without the API key, or without any Authorization credential, it is 401", async () => {
  expect(await status({ Authorization: "Bearer t" })).toBe(401);
  expect(await status({ "X-API-KEY": "k" })).toBe(401);
  expect(await status({ "X-API-KEY": "k", Authorization: "Digest x" })).toBe(401);
});

test("basic AND an API key named Authorization: a basic credential or any key satisfies both", async () => {
  const catalog = async (headers: Record<string, string>): Promise<number> => {
    const response = await fetch(`${mock().url}/catalog`, { headers });
    await response.text();
    return response.status;
  };
  expect(await catalog({ Authorization: "Basic dTpw" })).toBe(200);
  expect(await catalog({ Authorization: "registry-key" })).toBe(200);
  expect(await catalog({})).toBe(401);
});
