/**
 * The mock reads a multipart/form-data body as the generated client's multipartBody writes it (each
 * part by name, an object as its JSON text, an array one part an item, a file as a part with a
 * filename) and checks it with the body's guard: no multipart body was checked, so a request
 * without a required part, or with a part its schema refuses, was answered as valid. An empty list
 * has no field in a form or a multipart body: a required array with none is the empty array (the
 * client's `{ rows: [] }` was refused as missing `rows`). Over real HTTP on 127.0.0.1 with undici's
 * FormData, as the client sends it; the e2e run (openapi-mock-client.test.ts) calls the same
 * fixture through the generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("multipart-form-fields.yaml");

function upload(fields: [string, string | Blob, string?][]): Promise<Response> {
  const form = new FormData();
  for (const [name, value, filename] of fields) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, filename);
  }
  return fetch(`${mock().url}/uploads`, { method: "POST", body: form });
}

test("objects, arrays of objects, repeated integers and files are read back into the object the client sent", async () => {
  const response = await upload([
    ["meta", JSON.stringify({ name: "n", tags: ["a", "b"] })],
    ["items", JSON.stringify({ id: 1 })],
    ["items", JSON.stringify({ id: 2 })],
    ["ids", "3"],
    ["ids", "4"],
    ["count", "7"],
    ["file", new Blob([new Uint8Array([0, 255, 13, 10])]), "a.bin"],
    ["files", new Blob(["x"]), "x.txt"],
    ['a "quoted" name', "kept"],
  ]);
  expect(response.status).toBe(200);
  await response.text();
  expect(mock().requests().at(-1)!.body).toEqual({ meta: { name: "n", tags: ["a", "b"] }, items: [{ id: 1 }, { id: 2 }], ids: [3, 4], count: 7, file: "", files: [""], 'a "quoted" name': "kept" });
});

test("parts their schemas refuse are a 400 naming each", async () => {
  const refused = await upload([["meta", JSON.stringify({ tags: [] })], ["items", JSON.stringify({ id: "x" })], ["ids", "0"], ["count", "many"]]);
  expect(refused.status).toBe(400);
  const text = await refused.text();
  for (const at of ['"/meta"', '"/items/0/id"', '"/ids/0"', '"/count"']) expect(text).toContain(at);
});

test("a required list with no field is the empty list, in a multipart and a form body; a missing scalar part is still refused", async () => {
  const empty = await upload([["meta", JSON.stringify({ name: "n" })]]);
  expect(empty.status).toBe(200);
  await empty.text();
  expect(mock().requests().at(-1)!.body).toEqual({ meta: { name: "n" }, items: [], ids: [] });
  const form = await fetch(`${mock().url}/rows`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" });
  expect(form.status).toBe(204);
  expect(mock().requests().at(-1)!.body).toEqual({ rows: [] });
  const noMeta = await upload([["ids", "1"]]);
  expect(noMeta.status).toBe(400);
  expect(await noMeta.text()).toContain("must have required property 'meta'");
});
