/**
 * `additionalProperties: false` beside a `$ref` and no properties of its own sees none of the
 * referenced schema's properties (JSON Schema 2020-12): only `{}` passes, so every payment fails
 * (Interledger's Open Payments responses, @interledger/open-payments; the mock answered 500, no value
 * passing the guard). It is checked as written, and generate says so once, at its place, naming
 * `unevaluatedProperties`, which means what was meant; that one gets no warning.
 */
import * as path from "node:path";
import { generate } from "../../generator/index";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "ref-additional-properties.yaml");
const dir = tempDir("koala-codegen-ref-additional-");

test("one warning at the keyword, naming unevaluatedProperties; none for unevaluatedProperties itself", async () => {
  const { warnings } = await generate({ schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), build: false, format: false });
  const said = warnings.filter((w) => w.includes("additionalProperties"));
  expect(said).toEqual([
    expect.stringMatching(/#\/paths\/~1payments~1%7Bid%7D\/get\/responses\/200\/content\/application~1json\/schema\/additionalProperties: "additionalProperties": false beside "\$ref" sees none of the referenced schema's properties, so only an object with no property passes; "unevaluatedProperties": false allows exactly the referenced ones$/),
  ]);
});

test("the schema is still checked as written: a payment fails it, and passes the unevaluatedProperties one", async () => {
  const { module } = await loadGenerated<Record<string, (value: unknown) => boolean | { ok: boolean }>>(path.join(dir, "out"), { schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), formatter: async (text) => text });
  // The response's schema, a `$ref` with a keyword beside it, named for its place.
  expect(module.isPayment!({ id: "p1" })).toBe(true);
  expect(module.validateGetPaymentResponse200!({ id: "p1" })).toMatchObject({ ok: false });
  expect(module.isStrictPayment!({ id: "p1" })).toBe(true);
  expect(module.isStrictPayment!({ id: "p1", extra: 1 })).toBe(false);
});
