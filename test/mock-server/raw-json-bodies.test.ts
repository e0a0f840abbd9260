/**
 * A request body of a media type the mock reads as JSON but the client sends as it is given (a Blob
 * or a string: runtime rawBody) is synthesized as its JSON text. `text/json`, and Shopware's Admin
 * API (@shopware/api-client 1.6.0), whose POST /_action/media/upload_by_url declares
 * "application\/json" (an escaped slash): the synthesized object went through fetch as
 * "[object Object]" and the mock answered 400, "The body is not JSON". application/json bodies stay
 * values, which the client writes as JSON itself. The e2e run (openapi-mock-client.test.ts) calls
 * the fixture through the generated client.
 */
import * as path from "node:path";
import { readMockApi } from "../../generator/mock-server/mock-api";
import { synthesizeRequest } from "../../generator/mock-server/synthesize";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "raw-json-bodies.json");

test("text/json and application\\/json bodies are synthesized as JSON text, application/json ones as values", async () => {
  const api = await readMockApi({ schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE) });
  const request = (name: string) => synthesizeRequest(api, api.operations.find((o) => o.name === name)!, 1);
  const upload = request("uploadByUrl");
  expect(upload.contentType).toBe("application\\/json");
  expect(typeof upload.body).toBe("string");
  expect(JSON.parse(upload.body as string)).toEqual(expect.objectContaining({ url: expect.any(String) }));
  const note = request("addNote");
  expect(note.contentType).toBe("text/json");
  expect(typeof JSON.parse(note.body as string)).toBe("string");
  const tags = request("putTags");
  expect(Array.isArray(tags.body)).toBe(true);
});
