/**
 * A read-only or write-only view is named after its component (AuthorRequest, AuthorResponse), but
 * never with a name the document gives a component: drf-spectacular (COMPONENT_SPLIT_REQUEST, the
 * setting its docs give for client generators) writes AuthorRequest beside Author, and Author's request
 * view took "AuthorRequest2" with a collision warning for every model, which --name-collisions error
 * turned into a refusal of the document, over a name it never wrote.
 */
import { generate } from "../../generator/index";

const document = {
  openapi: "3.0.3",
  info: { title: "Library", version: "1" },
  paths: {
    "/authors/": {
      post: {
        operationId: "authors_create",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/AuthorRequest" } } } },
        responses: { "201": { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/Author" } } } } },
      },
      put: {
        operationId: "authors_replace",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Author" } } } },
        responses: { "200": { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/Author" } } } } },
      },
    },
  },
  components: {
    schemas: {
      Author: { type: "object", properties: { id: { type: "integer", readOnly: true }, name: { type: "string" } }, required: ["id", "name"] },
      AuthorRequest: { type: "object", properties: { name: { type: "string", minLength: 1 } }, required: ["name"] },
    },
  },
};

test("a view's name is not a component's: no collision, even under --name-collisions error", async () => {
  const { model, warnings } = await generate({ schema: document, build: false, format: false, emit: ["types", "guards", "operations"], nameCollisions: "error" });
  expect(warnings).toEqual([]);
  expect(model.types.map((t) => t.name).sort()).toEqual(["Author", "AuthorRequest", "AuthorRequest2"]);
});
