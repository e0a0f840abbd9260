/**
 * Twins of one media type that differ by a parameter, each with a schema of its own (CWMS Data
 * API, cwmsjs on npm: "application/json;version=2" a list of offices, "application/json" one
 * object): each twin's answer is checked by its own guard, matched by the parameters the answer's
 * Content-Type carries before its essence. Keyed by the essence alone, the last twin's guard checked
 * both and the mock's version=2 answer was invalid. Generated from
 * test/fixtures/openapi/media-type-versions.json, called against a real HTTP server on 127.0.0.1.
 */
import { useFixtureClient } from "../helpers/fixture-client";

const t = useFixtureClient("media-type-versions.json");

const list = JSON.stringify([{ name: "SWT" }]);
const v1 = JSON.stringify({ offices: { offices: [{ name: "SWT" }] } });
const call = (contentType: string, body: string): Promise<any> => {
  t.server.respond({ status: 200, headers: { "content-type": contentType }, body });
  return t.api.getOffice(t.api.createMediaTypeVersionsAPIClient({ baseUrl: t.server.origin, validateResponses: true }), { path: { office: "SWT" } });
};

test("the twins' guards are keyed by their parameters", () => {
  expect(t.files.get("src/operations.ts")!).toContain(`"200": $byMediaType({ "application/json;version=2": validateGetOfficeResponse200Json, "application/json": validateOfficeFormatV1, "text/csv": null })`);
});

test("each twin's answer passes its own guard, whatever the spacing and case of its parameters", async () => {
  expect(await call("application/json;version=2", list)).toMatchObject({ ok: true, status: 200, data: [{ name: "SWT" }] });
  expect(await call("application/json; Version=2; charset=utf-8", list)).toMatchObject({ ok: true, status: 200 });
  expect(await call("application/json", v1)).toMatchObject({ ok: true, status: 200, data: { offices: {} } });
  expect(await call("application/json; charset=utf-8", v1)).toMatchObject({ ok: true, status: 200 });
});

test("a twin's body under the other twin's media type is invalid", async () => {
  expect(await call("application/json", list)).toMatchObject({ ok: false, kind: "invalid-response", status: 200 });
  expect(await call("application/json;version=2", v1)).toMatchObject({ ok: false, kind: "invalid-response", status: 200 });
});
