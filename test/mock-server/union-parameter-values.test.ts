/**
 * The mock reads a parameter or form property whose schema is a union by every type it allows, as
 * the client writes it: a deepObject's property that is an integer or a range object
 * (`status_transitions[fulfilled]=5`, Stripe's getOrders) was read by its object branch alone, so
 * "5" stayed text and was refused; a list of objects or "" (`discounts=`, Stripe's postInvoiceitems
 * and postInvoices in stripe.com of APIs.guru, postOrdersIdReturns in openapi-to-graphql's
 * stripe.json) was read as the list [""] and refused; and a map or "" inside a deepObject
 * (`individual[metadata]={"k":"v"}`, Stripe's postAccountsAccount) stays a map. Over real HTTP on 127.0.0.1; the e2e run
 * (openapi-mock-client.test.ts) calls the fixture through the generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("union-parameter-values.json");

async function post(query: string, form: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${mock().url}/invoices?${query}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
  return { status: response.status, text: await response.text() };
}

const coupons = (...names: string[]) => names.map((coupon) => `discounts=${encodeURIComponent(JSON.stringify({ coupon }))}`).join("&");

test("a deepObject property that is an integer or an object is read as either", async () => {
  expect(await post("status_transitions%5Bfulfilled%5D=5", coupons("c1"))).toMatchObject({ status: 200 });
  const range = encodeURIComponent(JSON.stringify({ gt: 1, lt: 9 }));
  expect(await post(`status_transitions%5Bfulfilled%5D=${range}`, coupons("c1"))).toMatchObject({ status: 200 });
  expect((await post("status_transitions%5Bfulfilled%5D=soon", coupons("c1"))).status).toBe(400);
});

test('a list of objects or "": one empty text is "", JSON texts are the items', async () => {
  expect(await post("status_transitions%5Bfulfilled%5D=5", "discounts=")).toMatchObject({ status: 200 });
  expect(mock().requests().at(-1)).toMatchObject({ operation: "createInvoice", body: { discounts: "" } });
  expect(await post("status_transitions%5Bfulfilled%5D=5", coupons("c1", "c2"))).toMatchObject({ status: 200 });
  expect(mock().requests().at(-1)).toMatchObject({ body: { discounts: [{ coupon: "c1" }, { coupon: "c2" }] } });
  // One JSON text is a list of one; a text that is neither is still refused.
  expect(await post("status_transitions%5Bfulfilled%5D=5", coupons("c1"))).toMatchObject({ status: 200 });
  expect(mock().requests().at(-1)).toMatchObject({ body: { discounts: [{ coupon: "c1" }] } });
  expect((await post("status_transitions%5Bfulfilled%5D=5", "discounts=all")).status).toBe(400);
});

test('a deepObject property that is a map or "": its JSON text is the map, an empty text ""', async () => {
  const map = encodeURIComponent(JSON.stringify({ k: "v" }));
  expect(await post("status_transitions%5Bfulfilled%5D=5", `${coupons("c1")}&individual%5Bmetadata%5D=${map}`)).toMatchObject({ status: 200 });
  expect(mock().requests().at(-1)).toMatchObject({ body: { individual: { metadata: { k: "v" } } } });
  expect(await post("status_transitions%5Bfulfilled%5D=5", `${coupons("c1")}&individual%5Bmetadata%5D=`)).toMatchObject({ status: 200 });
  expect(mock().requests().at(-1)).toMatchObject({ body: { individual: { metadata: "" } } });
  // A JSON text of a type the union does not allow stays text, and is refused.
  expect((await post("status_transitions%5Bfulfilled%5D=5", `${coupons("c1")}&individual%5Bmetadata%5D=%5B1%5D`)).status).toBe(400);
});
