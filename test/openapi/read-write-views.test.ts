/** openapi/read-write-views.ts: requests without readOnly properties, responses without writeOnly ones. */
import Ajv2020 from "ajv/dist/2020";
import { documentsResolver } from "../../generator/load/openapi/document-refs";
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
const viewRef = (name: string) => `#/components/schemas/${name}`;
const at = (name: string) => `#/components/schemas/${name}`;

test("which components differ: directly, through a reference to a read-only component, through any reference", () => {
  const names = (views: ReturnType<typeof readWriteViews>) => [...views.affected].map(([place, view]) => `${place} ${view.name}`).sort();
  expect(names(readWriteViews(document, "readOnly"))).toEqual(["#/components/schemas/Kennel KennelRequest", "#/components/schemas/Pet PetRequest", "#/components/schemas/User UserRequest"]);
  expect(names(readWriteViews(document, "writeOnly"))).toEqual(["#/components/schemas/Kennel KennelResponse", "#/components/schemas/Pet PetResponse"]);
});

test("the request view of Pet: no id (nor in required), references to affected components point at their views", () => {
  const before = JSON.stringify(document);
  const view = readWriteViews(document, "readOnly").view(schemas.Pet, at("Pet"), viewRef);
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
  expect(readWriteViews(document, "readOnly").view(schemas.User, at("User"), viewRef)).toEqual({ type: "object", required: ["name"], properties: { name: { type: "string" } } });
  expect(JSON.stringify(document)).toBe(before);
});

test("the response view of an inline schema", () => {
  const inline = { type: "object", properties: { pets: { type: "array", items: { $ref: "#/components/schemas/Pet" } }, secret: { type: "string", writeOnly: true } } };
  expect(readWriteViews(document, "writeOnly").view(inline, "#/paths/~1pets/get/responses/200/content/application~1json/schema", viewRef)).toEqual({ type: "object", properties: { pets: { type: "array", items: { $ref: "#/components/schemas/PetResponse" } } } });
});

test("ajv: a request without the read-only id passes the view and fails the schema; a response without the password passes its view", () => {
  const request = { password: "p", tags: [], owner: { name: "n" } };
  const ajv = new Ajv2020({ strict: false });
  const requestViews = readWriteViews(document, "readOnly");
  const responseViews = readWriteViews(document, "writeOnly");
  const components: Record<string, unknown> = { ...schemas };
  for (const views of [requestViews, responseViews]) for (const [place, view] of views.affected) components[view.name] = views.view(view.schema, place, viewRef);
  ajv.addSchema({ $id: "doc", components: { schemas: components } });
  const check = (name: string, value: unknown) => ajv.validate({ $ref: `doc#/components/schemas/${name}` }, value);
  expect([check("PetRequest", request), check("Pet", request)]).toEqual([true, false]);
  const response = { id: 1, tags: ["a"], owner: { id: 2, name: "n" } };
  expect([check("PetResponse", response), check("Pet", response)]).toEqual([true, false]);
});

test("100,000 levels deep: iterative", () => {
  let schema: object = { type: "object", properties: { id: { readOnly: true }, x: {} } };
  for (let i = 0; i < 100_000; i++) schema = { items: schema };
  let view = readWriteViews({}, "readOnly").view(schema, "#/x", viewRef) as any;
  for (let i = 0; i < 100_000; i++) view = view.items;
  expect(view).toEqual({ type: "object", properties: { x: {} } });
});

test("a split document: a component that is a file's schema, and the files that schema references, get views of their own", () => {
  const root = "file:///api/openapi.yaml";
  const split = { openapi: "3.1.0", components: { schemas: { Pet: { $ref: "./schemas/pet.yaml" }, Tag: { type: "string" } } } };
  const pet = { type: "object", required: ["id", "name"], properties: { id: { type: "integer", readOnly: true }, name: { type: "string" }, owner: { $ref: "./owner.yaml" }, tag: { $ref: "../openapi.yaml#/components/schemas/Tag" } } };
  const owner = { type: "object", required: ["id"], properties: { id: { type: "integer", readOnly: true }, email: { type: "string" } } };
  const files = new Map<string, unknown>([
    ["file:///api/schemas/pet.yaml", pet],
    ["file:///api/schemas/owner.yaml", owner],
  ]);
  const views = readWriteViews(split, "readOnly", documentsResolver(split, root, files));
  // Pet is the file's schema under the component's name: one view, PetRequest, made from the file.
  expect([...views.affected].map(([place, view]) => `${place} ${view.name}`)).toEqual(["file:///api/schemas/pet.yaml# PetRequest", "file:///api/schemas/owner.yaml# OwnerRequest"]);
  const made = views.view(pet, "file:///api/schemas/pet.yaml#", viewRef, (ref) => new URL(ref, "file:///api/schemas/pet.yaml").href);
  expect(made).toEqual({ type: "object", required: ["name"], properties: { name: { type: "string" }, owner: { $ref: "#/components/schemas/OwnerRequest" }, tag: { $ref: "file:///api/openapi.yaml#/components/schemas/Tag" } } });
  // A body's bare reference to the component, or to the file itself, is that view.
  expect(views.refView("#/components/schemas/Pet", "#/paths/~1pets/post/requestBody/content/application~1json/schema")).toBe("PetRequest");
  expect(views.refView("./schemas/pet.yaml", "#/paths/~1pets/post/requestBody/content/application~1json/schema")).toBe("PetRequest");
  expect(views.differs({ $ref: "./schemas/owner.yaml" }, "#/x")).toBe(true);
  expect(views.differs({ $ref: "#/components/schemas/Tag" }, "#/x")).toBe(false);
  // Without the files read, nothing is known of them (as before the loader read them ahead).
  expect([...readWriteViews(split, "readOnly").affected]).toEqual([]);
});
