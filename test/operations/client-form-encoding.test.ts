/**
 * A form-urlencoded body's properties are written by their Encoding Objects, or by their content
 * type when they have none (OpenAPI 3.1.2, Encoding Object: `style` defaults to form only when
 * `explode` or `allowReserved` is given; an object's default content type is application/json).
 * The client wrote every property as form with explode, so an object lost its name (`company`'s
 * `name=Acme` became the body's own `name`) and a deepObject was never written as one: Stripe's
 * POST operations (openapi-to-graphql's stripe.json on the npm registry, 2.6 MB) were refused by
 * any server that reads them as documented. Generated from test/fixtures/openapi/form-body-encoding.json,
 * loaded as the CommonJS a user runs, called against a real HTTP server on 127.0.0.1.
 */
import { useFixtureClient } from "../helpers/fixture-client";

const t = useFixtureClient("form-body-encoding.json");

const client = (): unknown => t.api.createFormEncodingsClient({ baseUrl: t.server.origin });
const body = {
  email: "a@b.example",
  company: { name: "Acme & Sons", employees: 3 },
  capabilities: ["card", "transfer"],
  metadata: { plan: "pro", tier: "1" },
  address: { city: "Oslo", line: 2 },
  note: "hi there",
};

test("each property is written by its Encoding Object: deepObject, deepObject of an array, form without explode", async () => {
  t.server.respond({ status: 200, headers: { "content-type": "application/json" }, body: '{"id":"acct_1"}' });
  expect(await t.api.createAccount(client(), { query: { expand: ["company"] }, body })).toMatchObject({ ok: true, status: 200, data: { id: "acct_1" } });
  const [received] = t.server.received;
  expect(received!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  expect([...new URLSearchParams(received!.body)]).toEqual([
    ["email", "a@b.example"],
    ["company[name]", "Acme & Sons"],
    ["company[employees]", "3"],
    ["capabilities", "card"],
    ["capabilities", "transfer"],
    ["metadata", "plan,pro,tier,1"],
    // No Encoding Object (or one with a contentType alone): an object goes as its JSON text, under its own name.
    ["address", '{"city":"Oslo","line":2}'],
    ["note", "hi there"],
  ]);
});

test("only the Encoding Objects that give a style, explode or allowReserved are written into the operation", () => {
  // Quotes and spaces left out: formatted or not, the same literal.
  const operations = t.files.get("src/operations.ts")!.replace(/[\s"]/g, "");
  expect(operations).toContain("encoding:{company:{style:deepObject,explode:true},capabilities:{style:deepObject,explode:true},metadata:{style:form,explode:false}}");
  expect(operations).not.toContain("note:{");
});
