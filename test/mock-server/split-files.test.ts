/**
 * The mock server from a split document (test/fixtures/openapi/split-read-only): a response whose
 * schema is written in a path item's own file is checked and answered from that schema, and an
 * example `$ref` written there resolves against that file. Before, the mock found only the
 * document's own sites: it answered `{}` where paths/tags.json says an array of strings.
 */
import * as path from "node:path";
import { readMockApi } from "../../generator/mock-server/mock-api";
import { startMockServer, type MockServer } from "../../generator/mock-server/server";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "split-read-only", "split-store.yaml");
let server: MockServer | undefined;
afterAll(async () => server?.close());

test("paths/tags.json's response: its schema checks, its example (a $ref relative to that file) answers", async () => {
  const options = { schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE) };
  const api = await readMockApi(options);
  const content = api.operations.find((o) => o.name === "listTags")!.responses[0]!.contents[0]!;
  expect(content.checked?.type).toBe("ListTagsResponse200");
  expect(content.checked?.validate({}).ok).toBe(false);
  expect(content.examples[0]).toEqual({ name: "two", value: ["indoor", "senior"] });
  server = await startMockServer(options);
  const response = await fetch(`${server.url}/tags`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual(["indoor", "senior"]);
});
