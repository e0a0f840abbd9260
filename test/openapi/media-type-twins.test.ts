/**
 * Media types that differ only by a parameter (zuora.com's "application/json" with the examples and
 * "application/json; charset=utf-8" with the schema): read as one media type when at most one of
 * them has a schema, so that the mock's content and the client's guard are the same one (the e2e run
 * of the fixture, openapi-mock-client.test.ts, calls them through the client and the mock).
 */
import * as path from "node:path";
import type { IrMediaContent } from "../../generator/load/openapi/operation-model";
import { readOpenApi } from "../../generator/load/openapi/read-openapi";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "media-type-twins.json");

test("twins are one media type under the first's name, with the schema where it is written; twins with a schema each stay apart", async () => {
  const input = readOpenApi(await parseDocument(FIXTURE), { file: "media-type-twins.json" })!;
  const operation = (name: string) => input.operations.find((o) => o.name === name)!;
  const media = (contents: IrMediaContent[]) => contents.map((c) => [c.mediaType, c.schema?.pointer]);
  expect(media(operation("listTriggers").responses[0]!.contents)).toEqual([["application/json", "#/paths/~1triggers/get/responses/200/content/application~1json; charset=utf-8/schema"]]);
  expect(media(operation("createTrigger").requestBody!.contents)).toEqual([["application/json; charset=utf-8", "#/paths/~1triggers/post/requestBody/content/application~1json; charset=utf-8/schema"]]);
  expect(media(operation("createTrigger").responses[0]!.contents)).toEqual([["application/json", "#/paths/~1triggers/post/responses/201/content/application~1json;charset=UTF-8/schema"]]);
  expect(operation("listReports").responses[0]!.contents.map((c) => c.mediaType)).toEqual(["application/json", "application/json; charset=utf-8"]);
});
