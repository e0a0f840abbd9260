/**
 * A response whose media types have different schemas (va.gov/facilities in the APIs.guru corpus:
 * GeoJSON under application/geo+json, a JSON:API page under application/json, found by the corpus
 * sweep): the client checks the body with the guard of the media type the answer names, not the
 * first declared one. Generated from test/fixtures/openapi/response-media-types.json, loaded as the
 * CommonJS a user runs, called against a real HTTP server on 127.0.0.1.
 */
import { useFixtureClient } from "../helpers/fixture-client";

const t = useFixtureClient("response-media-types.json");

const geo = JSON.stringify({ type: "FeatureCollection", features: [{}] });
const page = JSON.stringify({ data: ["a"], meta: { total: 1 } });
const call = (contentType: string, body: string): Promise<any> => {
  t.server.respond({ status: 200, headers: { "content-type": contentType }, body });
  return t.api.listFacilities(t.api.createMediaTypesAPIClient({ baseUrl: t.server.origin, validateResponses: true }));
};

test("the operation's guards are by media type where they differ, one guard where they do not", () => {
  const operations = t.files.get("src/operations.ts")!;
  expect(operations).toContain(`"200": $byMediaType({ "application/geo+json": validateFeatureCollection, "application/json": validatePage, "application/vnd.geo+json": validateFeatureCollection, "text/csv": null })`);
  expect(operations).toContain(`"404": validateProblem`);
});

test("each JSON media type's body is checked by its own schema's guard", async () => {
  expect(await call("application/geo+json", geo)).toMatchObject({ ok: true, status: 200, data: { type: "FeatureCollection" } });
  expect(await call("application/vnd.geo+json", geo)).toMatchObject({ ok: true, status: 200 });
  // The declared "application/json; charset=utf-8" is matched by its media type, whatever the parameters.
  expect(await call("application/json; charset=utf-8", page)).toMatchObject({ ok: true, status: 200, data: { meta: { total: 1 } } });
  expect(await call("application/json", page)).toMatchObject({ ok: true, status: 200 });
});

test("a body that is the other media type's schema is invalid under the one it is sent as", async () => {
  const asJson = await call("application/json", geo);
  expect(asJson).toMatchObject({ ok: false, kind: "invalid-response", status: 200 });
  expect(asJson.errors.map((e: { path: string; message: string }) => `${e.path} ${e.message}`)).toEqual([" must have required property 'data'", " must have required property 'meta'"]);
  const asGeo = await call("application/geo+json", page);
  expect(asGeo).toMatchObject({ ok: false, kind: "invalid-response" });
  expect(asGeo.errors.map((e: { path: string; message: string }) => `${e.path} ${e.message}`)).toEqual([" must have required property 'type'", " must have required property 'features'"]);
});

test("a declared text media type takes its text, unchecked by a JSON guard", async () => {
  expect(await call("text/csv", "id\n1\n")).toMatchObject({ ok: true, status: 200, data: "id\n1\n" });
});

test("an undeclared JSON media type is checked against every declared schema (the type's union)", async () => {
  const ids = (contentType: string, body: string): Promise<any> => {
    t.server.respond({ status: 200, headers: { "content-type": contentType }, body });
    return t.api.listFacilityIds(t.api.createMediaTypesAPIClient({ baseUrl: t.server.origin, validateResponses: true }));
  };
  expect(await ids("application/hal+json", page)).toMatchObject({ ok: true, status: 200 });
  expect(await ids("application/hal+json", geo)).toMatchObject({ ok: true, status: 200 });
  // Neither schema: the first declared one's errors.
  const neither = await ids("application/hal+json", JSON.stringify({ meta: {} }));
  expect(neither).toMatchObject({ ok: false, kind: "invalid-response", status: 200 });
  expect(neither.errors.map((e: { path: string; message: string }) => `${e.path} ${e.message}`)).toEqual([" must have required property 'type'", " must have required property 'features'"]);
  // A declared text media type takes any body, so listFacilities's union takes anything; its 404's one guard still checks.
  expect(await call("application/hal+json", JSON.stringify({ meta: {} }))).toMatchObject({ ok: true, status: 200 });
  t.server.respond({ status: 404, headers: { "content-type": "application/problem+json" }, body: JSON.stringify({ status: 404 }) });
  const problem = await t.api.listFacilities(t.api.createMediaTypesAPIClient({ baseUrl: t.server.origin, validateResponses: true }));
  expect(problem).toMatchObject({ ok: false, kind: "invalid-response", status: 404 });
});

test("a Content-Type that names an Object.prototype member is not a declared media type", async () => {
  expect(await call("constructor", page)).toMatchObject({ ok: true, status: 200, data: page });
});
