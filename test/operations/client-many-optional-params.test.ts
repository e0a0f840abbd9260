/**
 * An operation with hundreds of optional parameters type-checks under `tsc --strict`. Each was read
 * as `request.query?.name`, twice (sent and checked), and every optional chain adds nodes to the
 * function's control flow graph: past about 900 reads tsc gave up on the function with TS2563 ("too
 * large for control flow analysis"). gsmtasks.com (APIs.guru) has four such list operations, the
 * largest with 581 optional query parameters. Above plan.ts's OPTIONAL_READS_LIMIT an optional
 * location is read once into a local, never undefined; below it the output is unchanged. The
 * document is made here: 600 optional query parameters and an optional header, each a string.
 */
import * as path from "node:path";
import { generate } from "../../generator/index";
import { OPTIONAL_READS_LIMIT } from "../../generator/emit/operations/plan";
import { loadGenerated } from "../helpers/load-generated";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server";
import { compileStrict, writeFiles } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const COUNT = 600;
const dir = tempDir("koala-codegen-many-params-");

function document(count: number): object {
  const parameters = [
    ...Array.from({ length: count }, (_, i) => ({ in: "query", name: `filter_${i}`, schema: { type: "string" } })),
    { in: "header", name: "X-Trace", schema: { type: "string", minLength: 2 } },
  ];
  const ok = { description: "OK", content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } } };
  return { openapi: "3.0.3", info: { title: "Many", version: "1" }, paths: { "/items": { get: { operationId: "listItems", parameters, responses: { "200": ok } } } } };
}

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer({ status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ id: "i1" }) });
});
afterAll(() => server.close());

test("the package type-checks under --strict: no TS2563", async () => {
  const { files } = await generate({ schema: document(COUNT), build: false, format: false });
  writeFiles(path.join(dir, "strict", "many"), files);
  const result = compileStrict(path.join(dir, "strict"), { timeout: 180_000 });
  expect(result.stdout).toBe("");
  expect(result.status).toBe(0);
  const operations = files.find((f) => f.path === "src/operations.ts")!.contents;
  expect(operations).toContain('const query: NonNullable<ListItemsRequest["query"]> = request.query ?? {};');
  expect(operations).toContain('const header: NonNullable<ListItemsRequest["header"]> = request.header ?? {};');
  expect(operations).not.toContain("request.query?.");
}, 240_000);

test("below the limit the parameters are still read as request.query?.name", async () => {
  const few = Math.floor(OPTIONAL_READS_LIMIT / 2) - 1; // with the header, two reads each: at the limit, not above
  const { files } = await generate({ schema: document(few), build: false, format: false });
  const operations = files.find((f) => f.path === "src/operations.ts")!.contents;
  expect(operations).toContain("request.query?.filter_0");
  expect(operations).not.toContain("const query");
});

test("the client sends and checks what the locals read, and a call with no request still works", async () => {
  const { module } = await loadGenerated<Record<string, any>>(path.join(dir, "load"), { schema: document(COUNT), formatter: async (text) => text });
  const client = module.createManyClient({ baseUrl: server.origin, validateResponses: true });
  expect(await module.listItems(client, { query: { filter_3: "a", filter_599: "b c" }, header: { "X-Trace": "t1" } })).toMatchObject({ ok: true, status: 200, data: { id: "i1" } });
  expect(await module.listItems(client)).toMatchObject({ ok: true, status: 200 });
  // A parameter its guard refuses is still refused before sending, at its place.
  expect(await module.listItems(client, { header: { "X-Trace": "t" } })).toMatchObject({ ok: false, kind: "invalid-request" });
  expect(server.received.map((r) => [r.url, r.headers["x-trace"]])).toEqual([
    ["/items?filter_3=a&filter_599=b%20c", "t1"],
    ["/items", undefined],
  ]);
}, 120_000);
