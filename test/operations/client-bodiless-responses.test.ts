/**
 * Responses that declare a body HTTP never sends (amazonaws.com/rbin in the APIs.guru corpus, found by
 * the corpus sweep: `DELETE` answers 204 with a JSON object schema; 62 documents of the corpus declare
 * one on a 204, 205 or 304, others on an answer to HEAD): typed as no body and not checked, so a valid
 * answer is not called invalid. Generated from test/fixtures/openapi/bodiless-responses.json, loaded
 * as the CommonJS a user runs, called against a real HTTP server on 127.0.0.1.
 */
import { useFixtureClient } from "../helpers/fixture-client";

const t = useFixtureClient("bodiless-responses.json");

const client = (): unknown => t.api.createBodilessAPIClient({ baseUrl: t.server.origin, validateResponses: true });

test("the 204 and the HEAD answer are typed as no body; the 200 and 404 keep theirs", () => {
  const operations = t.files.get("src/operations.ts")!;
  expect(operations).toMatch(/\$ApiSuccess<204, undefined>/);
  expect(operations).toMatch(/\$ApiHttpError<404, Problem>/);
  expect(operations).toMatch(/export type RuleExistsResult =\s*\|\s*\$ApiSuccess<200, undefined>/);
  expect(operations).toMatch(/export type GetRuleResult =\s*\|\s*\$ApiSuccess<200, Rule>/);
  expect(operations).toContain(`"204": null`);
});

test("a 204 is a success with no data, though the document gave it a schema the empty body fails", async () => {
  // The server writes a body: HTTP drops it for a 204 (Node's server does not send it), as any server's would be.
  t.server.respond({ status: 204, headers: { "content-type": "application/json" }, body: "" });
  const deleted = await t.api.deleteRule(client(), { path: { id: "r1" } });
  expect(deleted).toMatchObject({ ok: true, status: 204 });
  expect(deleted.data).toBeUndefined();
  expect(t.server.received.map((r) => [r.method, r.url])).toEqual([["DELETE", "/rules/r1"]]);
});

test("an answer to HEAD is a success with no data; GET still checks its body", async () => {
  t.server.respond({ status: 200, headers: { "content-type": "application/json", "content-length": "24" } });
  const exists = await t.api.ruleExists(client(), { path: { id: "r1" } });
  expect(exists).toMatchObject({ ok: true, status: 200 });
  expect(exists.data).toBeUndefined();
  t.server.respond({ status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ id: "r1" }) });
  const invalid = await t.api.getRule(client(), { path: { id: "r1" } });
  expect(invalid).toMatchObject({ ok: false, kind: "invalid-response", status: 200 });
  expect(t.server.received.map((r) => r.method)).toEqual(["HEAD", "GET"]);
});

test("a GET that declares a request body is sent without one (fetch refuses a GET with a body: every call was kind network)", async () => {
  expect(t.files.get("src/operations.ts")!).toMatch(/export type ListRulesRequest = Record<string, never>;/);
  t.server.respond({ status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify([{ id: "r1", name: "first" }]) });
  const listed = await t.api.listRules(client());
  expect(listed).toMatchObject({ ok: true, status: 200, data: [{ id: "r1", name: "first" }] });
  expect(t.server.received.map((r) => [r.method, r.url, r.body])).toEqual([["GET", "/rules", ""]]);
});
