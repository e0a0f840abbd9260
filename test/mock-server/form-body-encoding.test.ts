/**
 * The mock reads a form-urlencoded body as the client writes it (client-form-encoding.test.ts): a
 * property with an Encoding Object that gives a style as a query parameter of that style
 * (`company[name]=...` for deepObject, `metadata=k,v,...` for form without explode), any other
 * object from its JSON text; and a deepObject parameter that is an array or a primitive from the
 * pairs form writes for it (deepObject defines objects alone), in the query as in the body. It read
 * only `name=value` pairs, so `company[name]` was an unknown property and `company` missing: Stripe's
 * POST operations answered 400 (openapi-to-graphql's stripe.json on the npm registry). Over real
 * HTTP on 127.0.0.1; the e2e run (openapi-mock-client.test.ts) calls the fixture through the generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("form-body-encoding.json");

async function post(query: string, form: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${mock().url}/accounts?${query}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
  return { status: response.status, text: await response.text() };
}

const address = `address=${encodeURIComponent(JSON.stringify({ city: "Oslo", line: 2 }))}`;

test("deepObject, deepObject of an array, form without explode and a JSON object are each read into their property", async () => {
  const form = `email=a%40b.example&company%5Bname%5D=Acme%20%26%20Sons&company%5Bemployees%5D=3&capabilities=card&capabilities=transfer&metadata=plan,pro,tier,1&${address}&note=hi+there`;
  expect(await post("expand=company&expand=owner", form)).toMatchObject({ status: 200 });
  expect(mock().requests().at(-1)).toMatchObject({
    operation: "createAccount",
    query: "expand=company&expand=owner",
    body: { email: "a@b.example", company: { name: "Acme & Sons", employees: 3 }, capabilities: ["card", "transfer"], metadata: { plan: "pro", tier: "1" }, address: { city: "Oslo", line: 2 }, note: "hi there" },
  });
});

test("a deepObject property's own values are checked: a missing or wrong one is a 400 naming it", async () => {
  const refused = await post("expand=company", `company%5Bname%5D=Acme&company%5Bemployees%5D=many&capabilities=card&${address}`);
  expect(refused.status).toBe(400);
  expect(refused.text).toContain("/company/employees");
  // The object's pairs are its own: `name=Acme` alone is no company, and not a property the body takes.
  const flat = await post("expand=company", `name=Acme&employees=3&capabilities=card&${address}`);
  expect(flat.status).toBe(400);
  expect(flat.text).toContain("'company'");
});

test("a deepObject query parameter that is an array is read from its repeated pairs", async () => {
  const form = `company%5Bname%5D=Acme&company%5Bemployees%5D=3&capabilities=card&${address}`;
  expect((await post("", form)).text).toContain("'expand'");
  expect(await post("expand=company", form)).toMatchObject({ status: 200 });
});
