/**
 * An inline schema of an operation reached through a bare `$ref` from another operation written
 * before it (`$ref: '#/paths/~1foo/post/requestBody/content/application~1json/schema'`) keeps the
 * name of the place it is defined, operation + role (CreateFooRequestBody), not one made from its
 * pointer (ApplicationJsonSchema2); the referencing operation is typed by it, and no collision is reported.
 */
import * as path from "node:path";
import { generate } from "../../generator/index";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

test("bare $refs to other operations' inline schemas take the names of the places they point to", async () => {
  const document = await parseDocument(path.join(REPO_ROOT, "test", "fixtures", "openapi", "inline-ref-names.yaml"));
  const { model, files, warnings } = await generate({ schema: document, build: false, format: false, emit: ["types", "guards", "operations"] });
  // "Names" (the document's title) names the API, not a type: an OpenAPI document has no root type.
  expect(model.types.map((t) => t.name).sort()).toEqual(["CreateBarResponse201", "CreateFooRequestBody", "CreateFooResponse200", "GetBazResponse200"]);
  expect(warnings).toEqual([]);
  const text = (name: string): string => files.find((f) => f.path === name)!.contents;
  const operations = text("src/operations.ts");
  // createBar's body and 200 are the types of createFoo's; its 201 refers to them by those names.
  expect(operations).toMatch(/export interface CreateBarRequest \{[^}]*body\?: CreateFooRequestBody;/);
  expect(operations).toContain("$ApiSuccess<200, CreateFooResponse200>");
  expect(text("src/types.ts")).toMatch(/export interface CreateBarResponse201 \{[^}]*foo\?: CreateFooResponse200;[^}]*baz\?: GetBazResponse200;/);
});

test("a parameter whose schema is a bare $ref to a component is typed by that component: no alias named after its pointer", async () => {
  const parameter = (name: string) => ({ name, in: "query", schema: { $ref: "#/components/schemas/Kind" } });
  const document: { paths: Record<string, unknown>; [key: string]: unknown } = {
    openapi: "3.0.3",
    info: { title: "Kinds", version: "1" },
    paths: {
      "/a": { get: { operationId: "getA", parameters: [parameter("kind")], responses: { "204": { description: "ok" } } } },
      "/b": { get: { operationId: "getB", parameters: [parameter("kind"), { name: "id", in: "path", required: true, schema: { $ref: "#/components/schemas/Id" } }], responses: { "204": { description: "ok" } } } },
    },
    components: { schemas: { Kind: { type: "string", enum: ["x", "y"] }, Id: { type: "integer" } } },
  };
  document.paths["/b/{id}"] = document.paths["/b"];
  delete document.paths["/b"];
  const { model, files, warnings } = await generate({ schema: document, build: false, format: false, emit: ["types", "guards", "operations"] });
  // Before: ParametersSchema, ParametersSchema2, ... (one per parameter, each with a collision warning).
  expect(warnings).toEqual([]);
  expect(model.types.map((t) => t.name).filter((name) => /Parameters?Schema/.test(name))).toEqual([]);
  const types = files.find((f) => f.path === "src/types.ts")!.contents.replace(/\s+/g, " ");
  expect(types).toContain("export interface GetAParamsQuery { kind?: Kind; }");
  expect(types).toContain("export interface GetBParamsPath { id: Id; }");
});

test("a 3.1 reference with keywords beside it is named for its place, not after its target: no collision", async () => {
  const document = {
    openapi: "3.1.0",
    info: { title: "Configs", version: "1" },
    paths: {
      "/config": {
        put: {
          operationId: "putConfig",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Config", description: "The full configuration" } } } },
          responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Config" } } } } },
        },
      },
    },
    components: { schemas: { Config: { type: "object", properties: { mode: { type: "string" } } } } },
  };
  const { model, files, warnings } = await generate({ schema: document, build: false, format: false, emit: ["types", "guards", "operations"], nameCollisions: "error" });
  expect(warnings).toEqual([]);
  expect(model.types.map((t) => t.name).sort()).toEqual(["Config", "PutConfigRequestBody"]);
  expect(files.find((f) => f.path === "src/types.ts")!.contents).toContain("export type PutConfigRequestBody = Config;");
});
