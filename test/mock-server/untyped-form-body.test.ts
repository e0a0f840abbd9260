/**
 * A form-urlencoded body whose schema has properties but no `type` (star-trek's search operations,
 * @readme/oas-examples) is read by the mock as an object all the same: each field coerced by its
 * property's schema. It was read as text fields, so the client's `avian=true` failed the boolean
 * guard with 400. Over real HTTP on 127.0.0.1; the e2e run (openapi-mock-client.test.ts) calls the
 * same fixture through the generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("untyped-form-body.json");

function post(form: string): Promise<Response> {
  return fetch(`${mock().url}/animals/search`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
}

test("booleans, integers and repeated fields of an untyped object schema are read by their properties' schemas", async () => {
  const response = await post("name=Data&avian=true&legs=2&habitats=space&habitats=earth");
  expect(response.status).toBe(200);
  await response.text();
  expect(mock().requests().at(-1)).toMatchObject({ operation: "searchAnimals", body: { name: "Data", avian: true, legs: 2, habitats: ["space", "earth"] } });
});

test("a field its property's schema refuses is still a 400 naming it", async () => {
  const response = await post("avian=maybe&legs=-1");
  expect(response.status).toBe(400);
  const text = await response.text();
  expect(text).toContain("/avian");
  expect(text).toContain("/legs");
});
