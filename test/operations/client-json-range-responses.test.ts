/**
 * A response declared under a media range that covers JSON (`*` + `/` + `*`, `application/*`) with a
 * schema is typed `Schema | string` and, with validateResponses, a JSON answer is checked by that
 * schema (a text answer is not). It was typed `string` alone while the client handed over the
 * parsed object of a JSON answer, unchecked. Over real HTTP on 127.0.0.1 against the mock server.
 */
import * as path from "node:path";
import { loadGenerated } from "../helpers/load-generated";
import { useFixtureMockServer } from "../helpers/fixture-mock-server";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "json-range-responses.json");
const dir = tempDir("koala-codegen-json-range-");
const mock = useFixtureMockServer("json-range-responses.json");

type Result = { ok: boolean; kind?: string; status?: number; data?: unknown; errors?: unknown };
type Api = { createJSONRangeResponsesClient: (options: object) => unknown; getAny: (client: unknown) => Promise<Result>; getApp: (client: unknown) => Promise<Result> };

test("typed as the schema or text; a JSON answer is checked by the schema, a text answer is not", async () => {
  const { module, files } = await loadGenerated<Api>(path.join(dir, "out"), { schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), formatter: async (text) => text });
  const operations = files.get("src/operations.ts")!;
  expect(operations).toContain("$ApiSuccess<200, GetAnyResponse200 | string>");
  expect(operations).toContain("$ApiSuccess<200, GetAppResponse200 | string>");
  const client = module.createJSONRangeResponsesClient({ baseUrl: mock().url, validateResponses: true, retry: { attempts: 1 } });
  const any = await module.getAny(client);
  expect(any).toMatchObject({ ok: true, status: 200, data: { a: expect.any(Number) } });
  // The mock answers application/* as application/octet-stream: a text answer, handed over as text, unchecked.
  expect(await module.getApp(client)).toMatchObject({ ok: true, status: 200, data: expect.any(String) });
  mock().answerAll({ status: 200, body: { a: "not a number" } });
  try {
    expect(await module.getAny(client)).toMatchObject({ ok: false, kind: "invalid-response", status: 200, errors: [{ path: "/a" }] });
  } finally {
    mock().answerAll(undefined);
  }
});
