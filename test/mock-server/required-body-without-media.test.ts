/**
 * A required request body whose `content` is empty (fastify-openapi-glue's test document, npm,
 * POST /bodyParamWithoutContent) names no media type the generated client could send it as, and
 * none the mock could check it by: the mock answered 400, "the request body is required", to every
 * request the client can make. Such a body is now not required by the mock; a body with a media type
 * still is. Over real HTTP on 127.0.0.1; the e2e run (openapi-mock-client.test.ts) calls the fixture
 * through the generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("required-body-without-media.json");

test("a required body of no declared media type is answered without a body, and with any", async () => {
  const none = await fetch(`${mock().url}/uploads`, { method: "POST" });
  expect(none.status).toBe(200);
  const some = await fetch(`${mock().url}/uploads`, { method: "POST", headers: { "content-type": "application/octet-stream" }, body: "bytes" });
  expect(some.status).toBe(200);
});

test("a required body with a media type is still required", async () => {
  const none = await fetch(`${mock().url}/notes`, { method: "PUT" });
  expect(none.status).toBe(400);
  expect(await none.json()).toMatchObject({ errors: [{ message: "the request body is required", in: "body" }] });
  const some = await fetch(`${mock().url}/notes`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "hi" }) });
  expect(some.status).toBe(204);
});
