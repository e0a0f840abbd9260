/**
 * A path parameter whose text makes a "." or ".." segment is refused by the generated client
 * (`invalid-request` at /path, nothing sent): the URL parser removes dot segments, percent-encoded
 * ones too (WHATWG URL: "%2e%2e" is ".."), so `listPricings({ path: { group: ".." } })` went to
 * GET /pricings, another resource (for a DELETE, another resource deleted). Label style writes "."
 * as "..", a dot segment too. Over real HTTP on 127.0.0.1 against the mock server of the fixture.
 */
import * as path from "node:path";
import { loadGenerated } from "../helpers/load-generated";
import { useFixtureMockServer } from "../helpers/fixture-mock-server";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "dot-segment-parameters.json");
const dir = tempDir("koala-codegen-dot-segments-");
const mock = useFixtureMockServer("dot-segment-parameters.json");

type Result = { ok: boolean; kind?: string; status?: number; errors?: { path: string; message: string }[] };
type Api = { createDotSegmentParametersClient: (options: object) => unknown; listPricings: (client: unknown, request: object) => Promise<Result> };

test('"." and ".." are refused before anything is sent; "rg" goes out', async () => {
  const { module } = await loadGenerated<Api>(path.join(dir, "out"), { schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), formatter: async (text) => text });
  const sent: string[] = [];
  const client = module.createDotSegmentParametersClient({
    baseUrl: mock().url,
    fetch: (input: string | URL | Request, init?: RequestInit) => {
      sent.push(String(input));
      return fetch(input, init);
    },
  });
  for (const group of [".", ".."]) {
    expect(await module.listPricings(client, { path: { group } })).toEqual({ ok: false, kind: "invalid-request", errors: [{ path: "/path", message: "makes a dot segment" }] });
  }
  expect(sent).toEqual([]);
  // Not a check `validate: false` turns off: the request would reach another resource.
  const unchecked = module.createDotSegmentParametersClient({ baseUrl: mock().url, validate: false, fetch: (input: string | URL | Request, init?: RequestInit) => (sent.push(String(input)), fetch(input, init)) });
  expect(await module.listPricings(unchecked, { path: { group: ".." } })).toEqual({ ok: false, kind: "invalid-request", errors: [{ path: "/path", message: "makes a dot segment" }] });
  expect(sent).toEqual([]);
  expect(await module.listPricings(client, { path: { group: "rg" } })).toMatchObject({ ok: true, status: 200 });
  expect(sent).toEqual([`${mock().url}/groups/rg/pricings`]);
});
