/**
 * An inline response body's type gets `validateX` alone and no builder (emit/guards/wrappers.ts's
 * responseBodyTypes): a builder makes what the caller sends, and the client and the mock server call
 * validateX. Components (also those only answered), request bodies, parameter objects, a response
 * body another type refers to, and a webhook's response (which the user's receiver sends) keep all
 * four and their builders. (On the worker thread, where a large package's builders are emitted, the
 * same: test/print/offload.test.ts compares the files made with and without it.)
 */
import { generate, type GenerateResult } from "../../../generator/index";
import { responseBodyTypes } from "../../../generator/emit/guards/wrappers";

const document = {
  openapi: "3.1.0",
  info: { title: "Pets", version: "1" },
  paths: {
    "/pets/{id}": {
      get: {
        operationId: "getPet",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
          "404": { description: "missing", content: { "application/json": { schema: { type: "object", properties: { detail: { type: "string" } } } } } },
          "409": { description: "conflict", content: { "application/json": { schema: { type: "object", properties: { other: { type: "integer" } } } } } },
        },
      },
      put: {
        operationId: "replacePet",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        requestBody: { content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } } } },
        responses: { "204": { description: "done" } },
      },
    },
  },
  webhooks: {
    petAdopted: {
      post: {
        requestBody: { content: { "application/json": { schema: { type: "object", properties: { id: { type: "integer" } } } } } },
        responses: { "200": { description: "seen", content: { "application/json": { schema: { type: "object", properties: { seen: { type: "boolean" } } } } } } },
      },
    },
  },
  components: {
    schemas: {
      Pet: { type: "object", properties: { name: { type: "string" } } },
      // Refers to the inline 409 body: that one keeps its builder.
      Conflict: { type: "object", properties: { body: { $ref: "#/paths/~1pets~1{id}/get/responses/409/content/application~1json/schema" } } },
    },
  },
};

let result: GenerateResult;
beforeAll(async () => {
  result = await generate({ schema: document, emit: ["types", "guards", "builders"], build: false, format: false });
});

const exported = (file: string): string[] => [...result.files.find((f) => f.path === file)!.contents.matchAll(/^export (?:function|const) (\w+)/gm)].map((m) => m[1]!);

test("the inline 404 body: validateX alone, no builder; every other object type keeps its guards and builder", () => {
  expect([...responseBodyTypes(result.model)]).toEqual(["GetPetResponse404"]);
  const builders = exported("src/builders.ts");
  expect(builders).not.toContain("createGetPetResponse404");
  for (const name of ["Pet", "Conflict", "GetPetResponse409", "ReplacePetRequestBody", "PetAdoptedWebhookRequestBody", "PetAdoptedWebhookResponse200"]) {
    expect([name, builders.includes(`create${name}`)]).toEqual([name, true]);
  }
  const guards = exported("src/guards.ts");
  expect(guards.filter((name) => name.includes("GetPetResponse404"))).toEqual(["validateGetPetResponse404"]);
  for (const name of ["Pet", "Conflict", "GetPetResponse409", "ReplacePetRequestBody", "PetAdoptedWebhookRequestBody", "PetAdoptedWebhookResponse200"]) {
    expect([name, guards.filter((guard) => guard.replace(/^(is|validate|assert)/, "").replace(/Schema$/, "") === name).sort()]).toEqual([name, [`${name}Schema`, `assert${name}`, `is${name}`, `validate${name}`]]);
  }
});
