/**
 * An API whose own client types take the name of a runtime type operations.ts re-exports: titled
 * "Api", its client type is ApiClient, the runtime's generic client type's name; titled
 * "Operation", its options are OperationClientOptions. The API's names win (as the user's types do,
 * emit/runtime-names.ts) and the runtime's is re-exported as `$Name`: before, both were exported
 * under one name and tsc refused operations.ts (TS2484).
 */
import * as path from "node:path";
import { generate } from "../../generator/index";
import { compileStrict, writeFiles } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const dir = tempDir("koala-codegen-runtime-type-names-");

function document(title: string): object {
  const ok = { description: "OK", content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } } };
  return { openapi: "3.0.3", info: { title, version: "1" }, paths: { "/items": { get: { operationId: "listItems", responses: { "200": ok } } } } };
}

test("the API's client types keep their names, the runtime's are re-exported as $Name, and the packages type-check", async () => {
  for (const [title, own, runtime] of [
    ["Api", "ApiClient", "ApiClient"],
    ["Operation", "OperationClientOptions", "OperationClientOptions"],
  ] as const) {
    const { files } = await generate({ schema: document(title), build: false, format: false });
    const operations = files.find((f) => f.path === "src/operations.ts")!.contents;
    expect(operations).toMatch(new RegExp(`export (type|interface) ${own}\\b`));
    expect(operations).toContain(`${runtime} as $${runtime},`);
    writeFiles(path.join(dir, "strict", title), files);
  }
  const result = compileStrict(path.join(dir, "strict"), { timeout: 180_000 });
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
}, 240_000);
