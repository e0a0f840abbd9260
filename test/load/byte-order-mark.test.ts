/**
 * A JSON document that starts with a UTF-8 byte order mark (.NET's writers put one first:
 * Dialogporten's NSwag document, @digdir/dialogporten-schema) is read, as RFC 8259 lets a parser do;
 * it was refused as "invalid JSON: Unexpected token". An error after the mark is placed as an editor
 * shows it, without the mark.
 */
import * as path from "node:path";
import { CodegenError } from "../../generator/errors";
import { generate } from "../../generator/index";
import { parseJson } from "../../generator/load/parse-json";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "byte-order-mark.json");

test("an OpenAPI document read from a file that starts with a byte order mark generates its types and client", async () => {
  const { files } = await generate({ schema: FIXTURE, build: false, format: false });
  const operations = files.find((f) => f.path === "src/operations.ts")?.contents ?? "";
  expect(operations).toContain("export function getDialog(");
  expect(files.find((f) => f.path === "src/types.ts")?.contents).toContain("export interface Dialog");
});

test("an error after the mark is at the line and column an editor shows", () => {
  let error: unknown;
  try {
    parseJson('\uFEFF{"a": x}', "bom.json");
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(CodegenError);
  expect((error as CodegenError).location).toMatchObject({ file: "bom.json", line: 1, column: 7 });
});
