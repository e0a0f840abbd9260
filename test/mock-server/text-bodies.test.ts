/**
 * A text/* request body whose schema is a string, a number, an integer or a boolean is checked by
 * the mock against that schema (a text body was never checked: "ab" passed `minLength: 3`); an
 * integer's text is read as the integer it spells, as a query value is. A text body whose schema is
 * an object has no text form: accepted as before. Over real HTTP on 127.0.0.1; the e2e run
 * (openapi-mock-client.test.ts) calls the same fixture through the generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("text-bodies.yaml");

async function send(method: string, path: string, contentType: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${mock().url}${path}`, { method, headers: { "content-type": contentType }, body });
  return { status: response.status, text: await response.text() };
}

test("a text body its string schema refuses is a 400 with the schema's error; one it accepts is recorded as its text", async () => {
  expect(await send("POST", "/notes", "text/plain", "ab")).toMatchObject({ status: 400, text: expect.stringContaining("must NOT have fewer than 3 characters") });
  expect(await send("POST", "/notes", "text/plain; charset=utf-8", "abcdef")).toMatchObject({ status: 400, text: expect.stringContaining("must NOT have more than 5 characters") });
  expect(await send("POST", "/notes", "text/csv", "a;b")).toMatchObject({ status: 400, text: expect.stringContaining("must match pattern") });
  expect((await send("POST", "/notes", "text/plain", "abcd")).status).toBe(201);
  expect(mock().requests().at(-1)!.body).toBe("abcd");
  expect((await send("POST", "/notes", "text/csv", "a,b\n")).status).toBe(201);
});

test("an integer's text is the integer: 7 passes minimum 1, 0 and 'seven' do not", async () => {
  expect((await send("PUT", "/counter", "text/plain", "7")).status).toBe(204);
  expect(await send("PUT", "/counter", "text/plain", "0")).toMatchObject({ status: 400, text: expect.stringContaining("must be >= 1") });
  expect(await send("PUT", "/counter", "text/plain", "seven")).toMatchObject({ status: 400, text: expect.stringContaining("must be integer") });
});

test("a text body whose schema is an object is not checked (no text form)", async () => {
  expect((await send("POST", "/loose", "text/plain", "anything at all")).status).toBe(204);
});
