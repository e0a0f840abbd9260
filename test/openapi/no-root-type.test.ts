/**
 * An OpenAPI document is no schema: nothing in the package stands for the document itself. Before,
 * its title became `export type Pets = unknown` with isPets/validatePets/assertPets/PetsSchema that
 * accepted any value, an entry `{ name: "Pets", schema: true }` in koala-codegen.api.json, and a
 * component named like the API was pushed aside to `Pets2`. The API's name still names the package
 * and the client (createPetsClient), and must stay its own among the package's schemas.
 */
import { generate, type GeneratedFile } from "../../generator/index";
import { loadGenerated } from "../../generator/run-generated";

/** Titled like one of its components, which has an array with maxItems (what a root's chunkX splits by). */
const PETS = {
  openapi: "3.1.0",
  info: { title: "Pets", version: "1" },
  paths: {
    "/pets": {
      post: {
        operationId: "addPets",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Pets" } } } },
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/PetsClient" } } } } },
      },
    },
  },
  components: {
    schemas: {
      Pets: { type: "object", required: ["items"], properties: { owner: { type: "string" }, items: { type: "array", maxItems: 2, items: { type: "string" } } } },
      // The API's client type is PetsClient: a component cannot take it.
      PetsClient: { type: "object", properties: { id: { type: "string" } } },
    },
  },
};

const text = (files: readonly GeneratedFile[], name: string): string => files.find((f) => f.path === name)!.contents;

test("no type, guard, builder or API-report entry stands for the document; a component named like the API keeps its name", async () => {
  const { model, files, warnings } = await generate({ schema: PETS, build: false, format: false });
  expect(model.rootName).toBe("Pets");
  expect(model.rootType).toBeUndefined();
  expect(model.roots!.map((r) => ({ name: r.name, type: r.type }))).toEqual([{ name: "Pets", type: undefined }]);
  // Pets is the component, not the API: before, the API took "Pets" (unknown) and the component was Pets2.
  expect(model.types.map((t) => t.name)).toEqual(["Pets", "PetsClient2"]);
  expect(warnings).toEqual([expect.stringContaining('name collision: "PetsClient", taken by the API Pets; using "PetsClient2"')]);
  const types = text(files, "src/types.ts");
  expect(types).not.toMatch(/= unknown;/);
  expect(types).toMatch(/export interface Pets \{/);

  const guards = loadGenerated(files) as Record<string, (value: unknown) => boolean>;
  // isPets checks the component: it refused nothing when it stood for the document.
  expect(guards.isPets!("anything")).toBe(false);
  expect(guards.isPets!({ items: ["a"] })).toBe(true);
  expect(Object.keys(guards).filter((name) => /^(is|validate|assert)Pets$|^PetsSchema$/.test(name)).sort()).toEqual(["PetsSchema", "assertPets", "isPets", "validatePets"]);

  // No chunkPets or groupPetsItems: the component is no root (an API has none), so nothing splits requests by it.
  const builders = text(files, "src/builders.ts");
  expect(builders).toContain("export function createPets(");
  expect(builders).not.toMatch(/chunkPets|groupPetsItems/);

  // The client keeps the API's name.
  expect(text(files, "src/operations.ts")).toContain("export function createPetsClient(");
  expect(text(files, "src/operations.ts")).toContain("export type PetsClient = ");

  // The API report records the document by its API, with no root and no type for it.
  const snapshot = JSON.parse(text(files, "koala-codegen.api.json")) as { pending: { schemas: Record<string, unknown>[]; types: { name: string; schema: unknown }[] } };
  expect(snapshot.pending.schemas).toEqual([{ file: "(schema)", api: "Pets", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  expect(snapshot.pending.types.map((t) => t.name)).toEqual(["Pets", "PetsClient2"]);
  expect(snapshot.pending.types.some((t) => t.schema === true)).toBe(false);
});

test("two documents titled alike: the second API takes a number, so each has its own client; no type is made for either", async () => {
  const shop = (path: string) => ({
    openapi: "3.0.3",
    info: { title: "Shop", version: "1" },
    paths: { [path]: { get: { operationId: `get${path.slice(1)}`, responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { n: { type: "integer" } } } } } } } } } },
  });
  const { model, files, warnings } = await generate({ schemas: [{ schema: shop("/Items") }, { schema: shop("/Orders") }], build: false, format: false });
  expect(model.roots!.map((r) => ({ name: r.name, type: r.type }))).toEqual([
    { name: "Shop", type: undefined },
    { name: "Shop2", type: undefined },
  ]);
  expect(model.types.map((t) => t.name)).toEqual(["GetItemsResponse200", "GetOrdersResponse200"]);
  expect(warnings).toContainEqual(expect.stringContaining('name collision: the API "Shop" is also the name of the API of'));
  const exported = files.filter((f) => f.path.startsWith("src/operations")).map((f) => f.contents.match(/export function create\w+Client/g));
  expect(exported.flat().sort()).toEqual(["export function createShop2Client", "export function createShopClient"]);
});

test("a JSON Schema and an OpenAPI document in one package: the schema keeps its root type, the API its name beside it", async () => {
  const batch = { title: "Shop", type: "object", properties: { events: { type: "array", maxItems: 10, items: { type: "string" } } } };
  const api = { openapi: "3.1.0", info: { title: "Shop", version: "1" }, paths: { "/ping": { get: { operationId: "ping", responses: { "204": { description: "ok" } } } } } };
  const { model, files, warnings } = await generate({ schemas: [{ schema: batch, endpoint: "/batch" }, { schema: api }], build: false, format: false });
  expect(model.roots!.map((r) => ({ name: r.name, type: r.type }))).toEqual([
    { name: "Shop", type: "Shop" },
    { name: "Shop2", type: undefined },
  ]);
  expect(model.rootType).toBe("Shop");
  expect(model.types.map((t) => t.name)).toEqual(["Shop"]);
  expect(warnings).toContainEqual(expect.stringContaining('the API "Shop" is also the name of the root type of'));
  expect(text(files, "src/builders.ts")).toContain("export function chunkShop(");
  expect(text(files, "src/client.ts")).toContain("export function createShopClient(");
  expect(text(files, "src/operations.ts")).toContain("export function createShop2Client(");
});

test("an OpenAPI document first, then a JSON Schema with an endpoint: the endpoint client is named after the root type, not the API", async () => {
  const batch = { title: "Batch", type: "object", properties: { events: { type: "array", maxItems: 10, items: { type: "string" } } } };
  const api = { openapi: "3.1.0", info: { title: "Shop", version: "1" }, paths: { "/ping": { get: { operationId: "ping", responses: { "204": { description: "ok" } } } } } };
  const { files } = await generate({ schemas: [{ schema: api }, { schema: batch, endpoint: "/batch" }], build: false, format: false });
  // Both were createShopClient, exported twice from index.ts.
  expect(text(files, "src/client.ts")).toContain("export function createBatchClient(");
  expect(text(files, "src/client.ts")).not.toContain("createShopClient");
  expect(text(files, "src/operations.ts")).toContain("export function createShopClient(");
});

test("an output from before, whose snapshot recorded the document as a root type `unknown`: the removal is said for what it is", async () => {
  const store = { ...PETS, info: { title: "Pet Store", version: "1" } };
  const first = await generate({ schema: store, build: false, format: false });
  const snapshot = JSON.parse(text(first.files, "koala-codegen.api.json")) as { generator: string; pending: { schemas: { api?: string; root?: string }[]; types: unknown[] } };
  // As the generator wrote it before: released 1.0.0, with `root` and the API's name as a type accepting anything.
  const released = { ...snapshot.pending, version: "1.0.0", schemas: snapshot.pending.schemas.map(({ api, ...s }) => ({ ...s, root: api })), types: [{ name: "PetStore", schema: true }, ...snapshot.pending.types] };
  const previous = {
    snapshot: JSON.stringify({ generator: snapshot.generator, released, pending: null }),
    packageJson: JSON.stringify({ name: "pets", version: "1.0.0" }),
    changelog: "# Changelog\n\n## 1.0.0\n\nFirst generated.\n",
  };
  const { release, files } = await generate({ schema: store, build: false, format: false, previous });
  const changelog = text(files, "CHANGELOG.md");
  expect(changelog).toContain("- `PetStore`: type removed: it stood for the OpenAPI document itself, `unknown` (its guards accepted any value); an OpenAPI document has no root type");
  // Removing exports (isPetStore, ...) is breaking all the same, and nothing else changed.
  expect(release.bump).toBe("major");
  expect(release.changes).toEqual([expect.objectContaining({ level: "breaking", at: "PetStore" })]);
});
