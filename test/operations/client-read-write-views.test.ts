/**
 * The client's bodies and responses are typed and checked by their readOnly/writeOnly views: a
 * request body without the read-only properties (PetRequest, or an inline body's own view), a
 * response without the write-only ones (PetResponse, ReplacePetResponse200). The views were made
 * and named, but the operations emitter looked each site up by its pointer, where no type is, so
 * every such body and response was `unknown` and went unchecked: 76 of ShipEngine's operations
 * (shipengine-openapi on the npm registry; an inline response with a write-only property deep inside).
 * Generated from test/fixtures/openapi/read-write.json, loaded as the CommonJS a user runs, called
 * against a real HTTP server on 127.0.0.1.
 */
import { useFixtureClient } from "../helpers/fixture-client";

const t = useFixtureClient("read-write.json");

const client = (): unknown => t.api.createPetStoreClient({ baseUrl: t.server.origin, validateResponses: true });
const json = (status: number, body: unknown) => ({ status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

test("the operations name their views: request bodies, responses and their guards", () => {
  const operations = t.files.get("src/operations.ts")!;
  expect(operations).toMatch(/body: PetRequest;/);
  expect(operations).toMatch(/body\?: ReplacePetRequestBody;/);
  expect(operations).toMatch(/\$ApiSuccess<200, ListPetsResponse200>/);
  expect(operations).toMatch(/\$ApiSuccess<201, PetResponse>/);
  expect(operations).toMatch(/\$ApiSuccess<200, ReplacePetResponse200>/);
  expect(operations).toContain(`"201": validatePetResponse`);
  expect(operations).not.toMatch(/"\d{3}": null/);
  expect(operations).not.toMatch(/body\??: unknown/);
});

test("a response is checked by its view: no write-only property needed, a wrong one refused", async () => {
  t.server.respond(json(200, [{ id: 1, name: "Rex" }]), json(200, [{ id: "one", name: "Rex" }]));
  expect(await t.api.listPets(client())).toMatchObject({ ok: true, status: 200, data: [{ id: 1, name: "Rex" }] });
  expect(await t.api.listPets(client())).toMatchObject({ ok: false, kind: "invalid-response", status: 200 });
  // The inline response's own view: its write-only token is not required, its pet is a PetResponse.
  t.server.respond(json(200, { pet: { id: 1, name: "Rex" } }), json(200, { pet: { name: "Rex" } }));
  expect(await t.api.replacePet(client(), { path: { id: 1 } })).toMatchObject({ ok: true, status: 200 });
  expect(await t.api.replacePet(client(), { path: { id: 1 } })).toMatchObject({ ok: false, kind: "invalid-response", status: 200 });
});

test("a request body is checked by its view before sending: no read-only id needed, a missing name never sent", async () => {
  t.server.respond(json(201, { id: 7, name: "Rex" }));
  const created = await t.api.createPetOperation(client(), { body: { name: "Rex", password: "s" } });
  expect(created).toMatchObject({ ok: true, status: 201, data: { id: 7, name: "Rex" } });
  const refused = await t.api.createPetOperation(client(), { body: { password: "s" } });
  expect(refused).toMatchObject({ ok: false, kind: "invalid-request" });
  expect(t.server.received.map((r) => [r.method, r.url, r.body])).toEqual([["POST", "/pets", JSON.stringify({ name: "Rex", password: "s" })]]);
});
