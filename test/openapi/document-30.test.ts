/** openapi/document-30.ts: every Schema Object of a 3.0 document in 2020-12, nothing else touched. */
import * as path from "node:path";
import { fromDocument30 } from "../../generator/load/openapi/document-30";
import { checkOpenApiSemantics } from "../../generator/load/openapi/semantic-checks";
import { extractOperations } from "../../generator/load/openapi/operations";
import { parseDocument, SHARED_OPENAPI, sharedDocuments } from "../helpers/openapi";

const S = { type: "string", nullable: true, example: "x" };
const C = { type: ["string", "null"], examples: ["x"] };

test("every place a 3.0 document holds a Schema Object; examples of media types and parameters stay; references stay", () => {
  const given = {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {
      "/a/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: S, example: "p" }, { $ref: "#/components/parameters/P" }],
        get: {
          parameters: [{ name: "q", in: "query", content: { "application/json": { schema: S } } }],
          requestBody: { content: { "multipart/form-data": { schema: S, example: { a: 1 }, encoding: { f: { headers: { "X-F": { schema: S } } } } } } },
          responses: {
            "200": { headers: { "X-R": { schema: S } }, content: { "application/json": { schema: S } } },
            default: { $ref: "#/components/responses/E" },
          },
          callbacks: { cb: { "{$request.body#/url}": { post: { requestBody: { content: { "application/json": { schema: S } } } } } } },
        },
      },
    },
    components: {
      schemas: { Pet: S, Ref: { $ref: "#/components/schemas/Pet", nullable: true } },
      parameters: { P: { name: "p", in: "query", schema: S } },
      headers: { H: { schema: S } },
      requestBodies: { B: { content: { "text/plain": { schema: S } } } },
      responses: { E: { content: { "application/json": { schema: S } } } },
      callbacks: { C: { "{$url}": { put: { responses: { "204": { headers: { X: { schema: S } } } } } } } },
      examples: { Ex: { value: { nullable: true, example: 1 } } },
    },
  };
  const before = JSON.stringify(given);
  const out = fromDocument30(given) as any;
  expect(JSON.stringify(given)).toBe(before);
  const item = out.paths["/a/{id}"];
  expect(item.parameters[0]).toEqual({ name: "id", in: "path", required: true, schema: C, example: "p" });
  expect(item.parameters[1]).toEqual({ $ref: "#/components/parameters/P" });
  expect(item.get.parameters[0].content["application/json"].schema).toEqual(C);
  expect(item.get.requestBody.content["multipart/form-data"]).toEqual({ schema: C, example: { a: 1 }, encoding: { f: { headers: { "X-F": { schema: C } } } } });
  expect(item.get.responses["200"]).toEqual({ headers: { "X-R": { schema: C } }, content: { "application/json": { schema: C } } });
  expect(item.get.responses.default).toEqual({ $ref: "#/components/responses/E" });
  expect(item.get.callbacks.cb["{$request.body#/url}"].post.requestBody.content["application/json"].schema).toEqual(C);
  expect(out.components.schemas).toEqual({ Pet: C, Ref: { anyOf: [{ $ref: "#/components/schemas/Pet" }, { type: "null" }] } });
  expect(out.components.parameters.P.schema).toEqual(C);
  expect(out.components.headers.H.schema).toEqual(C);
  expect(out.components.requestBodies.B.content["text/plain"].schema).toEqual(C);
  expect(out.components.responses.E.content["application/json"].schema).toEqual(C);
  expect(out.components.callbacks.C["{$url}"].put.responses["204"].headers.X.schema).toEqual(C);
  expect(out.components.examples).toBe(given.components.examples); // data, not schemas: the same object
});

test("callbacks nested 10,000 deep: no recursion", () => {
  let operation: object = { requestBody: { content: { "application/json": { schema: S } } } };
  for (let i = 0; i < 10_000; i++) operation = { callbacks: { cb: { "{$url}": { post: operation } } } };
  let out = (fromDocument30({ openapi: "3.0.0", paths: { "/a": { post: operation } } }) as any).paths["/a"].post;
  for (let i = 0; i < 10_000; i++) out = out.callbacks.cb["{$url}"].post;
  expect(out.requestBody.content["application/json"].schema).toEqual(C);
});

describe("the specification's 3.0 examples", () => {
  test.each(sharedDocuments("3.0/examples"))("%s: only schemas change; the operations and the checks read it the same", async (file) => {
    const document = await parseDocument(file);
    const out = fromDocument30(document);
    // Every schema, whole: no 3.0-only keyword may be left in one (these documents name no property "example").
    const schemas: unknown[] = [...Object.values(((out.components as any)?.schemas ?? {}) as object)];
    JSON.stringify(out, (key, value) => (key === "schema" && schemas.push(value), value));
    expect(schemas.map((schema) => JSON.stringify(schema)).filter((text) => /"(nullable|example)":/.test(text))).toEqual([]);
    const strip = (o: unknown) => JSON.parse(JSON.stringify(o, (key, value) => (key === "schema" || key === "schemas" ? undefined : value)));
    expect(strip(out)).toEqual(strip(document));
    expect(extractOperations(out).operations.map((o) => o.name)).toEqual(extractOperations(document).operations.map((o) => o.name));
    expect(checkOpenApiSemantics(out)).toEqual(checkOpenApiSemantics(document));
  });

  test("callback-example: the inline schema's example became examples", async () => {
    const out = fromDocument30(await parseDocument(path.join(SHARED_OPENAPI, "3.0/examples/callback-example.yaml"))) as any;
    expect(out.paths["/streams"].post.parameters[0].schema).toEqual({ type: "string", format: "uri", examples: ["https://tonys-server.com"] });
  });
});
