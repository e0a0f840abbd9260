/**
 * Inside a Schema Object with an `$id`, "#/components/..." is read in that schema's own resource
 * (JSON Schema 2020-12), where it is not: the document is refused, as before, but the line now says
 * why when the pointer is in the document (Scalar Galaxy 0.6, @scalar/galaxy, writes its paginated
 * responses so). A pointer that is nowhere gets the plain message.
 */
import { CodegenError } from "../../generator/errors";
import { readOpenApi } from "../../generator/load/openapi/read-openapi";

function refusals(schema: object): string[] {
  const document = {
    openapi: "3.1.1",
    info: { title: "Galaxy", version: "1" },
    paths: { "/planets": { get: { responses: { "200": { description: "OK", content: { "application/json": { schema } } } } } } },
    components: { schemas: { Planet: { type: "object" } } },
  };
  try {
    readOpenApi(document, { file: "galaxy.json" });
  } catch (error) {
    if (error instanceof CodegenError) return [error, ...error.also].map((e) => `${e.location.pointer}: ${e.message}`);
    throw error;
  }
  return [];
}

test("a document pointer under an $id is refused with the reason", () => {
  expect(refusals({ $id: "https://galaxy.example/schemas/Paginated", $ref: "#/components/schemas/Planet" })).toEqual([
    `#/paths/~1planets/get/responses/200/content/application~1json/schema/$ref: $ref "#/components/schemas/Planet" does not resolve inside the document: inside a schema with an "$id", "#/..." is read in that schema (JSON Schema 2020-12), which has no /components/schemas/Planet; reference the target by an "$id" of its own, or leave out this one`,
  ]);
});

test("a pointer that is nowhere, or that is not under an $id, gets the plain message", () => {
  expect(refusals({ $id: "https://galaxy.example/schemas/Paginated", $ref: "#/components/schemas/Moon" })).toEqual([
    `#/paths/~1planets/get/responses/200/content/application~1json/schema/$ref: $ref "#/components/schemas/Moon" does not resolve inside the document`,
  ]);
  expect(refusals({ $ref: "#/components/schemas/Moon" })).toEqual([`#/paths/~1planets/get/responses/200/content/application~1json/schema/$ref: $ref "#/components/schemas/Moon" does not resolve inside the document`]);
  expect(refusals({ $ref: "#/components/schemas/Planet" })).toEqual([]);
});
