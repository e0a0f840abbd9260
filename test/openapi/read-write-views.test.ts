/** openapi/read-write-views.ts: requests without readOnly properties, responses without writeOnly ones. */
import Ajv2020 from "ajv/dist/2020";
import { readWriteViews } from "../../generator/load/openapi/read-write-views";

const document = {
  openapi: "3.1.0",
  components: {
    schemas: {
      Id: { type: "integer", readOnly: true },
      User: { type: "object", required: ["id", "name"], properties: { id: { $ref: "#/components/schemas/Id" }, name: { type: "string" } } },
      Pet: {
        allOf: [{ $ref: "#/components/schemas/Named" }],
        type: "object",
        required: ["id", "password", "tags"],
        properties: {
          id: { type: "integer", readOnly: true },
          password: { type: "string", writeOnly: true },
          owner: { $ref: "#/components/schemas/User" },
          tags: { type: "array", items: { $ref: "#/components/schemas/Tag" } },
        },
      },
      Named: { properties: { name: { type: "string" } } },
      Tag: { type: "string" },
      Kennel: { type: "array", items: { $ref: "#/components/schemas/Pet" } },
    },
  },
};
const schemas = document.components.schemas;
const viewRef = (suffix: string) => (name: string) => `#/components/schemas/${name}${suffix}`;

test("which components differ: directly, through a reference to a read-only component, through any reference", () => {
  expect([...readWriteViews(document, "readOnly").affected].sort()).toEqual(["Kennel", "Pet", "User"]);
  expect([...readWriteViews(document, "writeOnly").affected].sort()).toEqual(["Kennel", "Pet"]);
});

test("the request view of Pet: no id (nor in required), references to affected components point at their views", () => {
  const before = JSON.stringify(document);
  const view = readWriteViews(document, "readOnly").view(schemas.Pet, viewRef("Request"));
  expect(view).toEqual({
    allOf: [{ $ref: "#/components/schemas/Named" }],
    type: "object",
    required: ["password", "tags"],
    properties: {
      password: { type: "string", writeOnly: true },
      owner: { $ref: "#/components/schemas/UserRequest" },
      tags: { type: "array", items: { $ref: "#/components/schemas/Tag" } },
    },
  });
  expect(readWriteViews(document, "readOnly").view(schemas.User, viewRef("Request"))).toEqual({ type: "object", required: ["name"], properties: { name: { type: "string" } } });
  expect(JSON.stringify(document)).toBe(before);
});

test("the response view of an inline schema", () => {
  const inline = { type: "object", properties: { pets: { type: "array", items: { $ref: "#/components/schemas/Pet" } }, secret: { type: "string", writeOnly: true } } };
  expect(readWriteViews(document, "writeOnly").view(inline, viewRef("Response"))).toEqual({ type: "object", properties: { pets: { type: "array", items: { $ref: "#/components/schemas/PetResponse" } } } });
});

test("ajv: a request without the read-only id passes the view and fails the schema; a response without the password passes its view", () => {
  const request = { password: "p", tags: [], owner: { name: "n" } };
  const ajv = new Ajv2020({ strict: false });
  const requestViews = readWriteViews(document, "readOnly");
  const responseViews = readWriteViews(document, "writeOnly");
  const components: Record<string, unknown> = { ...schemas };
  for (const name of requestViews.affected) components[`${name}Request`] = requestViews.view(schemas[name as keyof typeof schemas], viewRef("Request"));
  for (const name of responseViews.affected) components[`${name}Response`] = responseViews.view(schemas[name as keyof typeof schemas], viewRef("Response"));
  ajv.addSchema({ $id: "doc", components: { schemas: components } });
  const check = (name: string, value: unknown) => ajv.validate({ $ref: `doc#/components/schemas/${name}` }, value);
  expect([check("PetRequest", request), check("Pet", request)]).toEqual([true, false]);
  const response = { id: 1, tags: ["a"], owner: { id: 2, name: "n" } };
  expect([check("PetResponse", response), check("Pet", response)]).toEqual([true, false]);
});

test("100,000 levels deep: iterative", () => {
  let schema: object = { type: "object", properties: { id: { readOnly: true }, x: {} } };
  for (let i = 0; i < 100_000; i++) schema = { items: schema };
  let view = readWriteViews({}, "readOnly").view(schema, viewRef("")) as any;
  for (let i = 0; i < 100_000; i++) view = view.items;
  expect(view).toEqual({ type: "object", properties: { x: {} } });
});
