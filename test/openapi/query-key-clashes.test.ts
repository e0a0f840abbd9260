/**
 * A query key that two parameters of one operation write is a warning: a parameter's name that an
 * exploded form object declares as a property (AWS's query APIs: elasticbeanstalk's CreateEnvironment
 * has the API's `Version` and a `Tier` object with a `Version` of its own, so a request may carry
 * `Version=` twice and the mock read the tier's as the API's, which its enum refused), or two exploded
 * objects declare (rds's CreateDBCluster: `ScalingConfiguration.MinCapacity` an integer,
 * `ServerlessV2ScalingConfiguration.MinCapacity` a double, and the mock read the double as the integer). Objects
 * that write their properties under their own name (deepObject, form without explode) clash with nothing.
 */
import { extractOperations } from "../../generator/load/openapi/operations";

const ok = { "200": { description: "ok" } };
const doc = (parameters: object[], components: object = {}) => ({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths: { "/envs": { get: { parameters, responses: ok } } }, components });
const version = { name: "Version", in: "query", required: true, schema: { type: "string", enum: ["2010-12-01"] } };
const tier = (extra: object = {}) => ({ name: "Tier", in: "query", schema: { type: "object", properties: { Name: { type: "string" }, Version: { type: "string" } } }, ...extra });

test("a parameter named like a property of an exploded form object: one warning naming both", () => {
  const { warnings } = extractOperations(doc([tier(), version]), { file: "api.json" });
  expect(warnings).toEqual(["api.json: 1 operation has a query key that two parameters write, which no server can tell apart: sent as written (GET /envs: Version (a parameter, and a property of Tier))"]);
});

test("the object's properties are read through $ref and allOf", () => {
  const components = { schemas: { Tier: { allOf: [{ $ref: "#/components/schemas/Named" }, { type: "object", properties: { Version: { type: "string" } } }] }, Named: { type: "object", properties: { Name: { type: "string" } } } } };
  const { warnings } = extractOperations(doc([{ name: "Tier", in: "query", schema: { $ref: "#/components/schemas/Tier" } }, version, { name: "Name", in: "query", schema: { type: "string" } }], components), { file: "api.json" });
  expect(warnings).toEqual(["api.json: 1 operation has a query key that two parameters write, which no server can tell apart: sent as written (GET /envs: Name (a parameter, and a property of Tier))"]);
});

test("two exploded form objects with a property of one name: one warning naming both objects", () => {
  const scaling = (name: string, type: string) => ({ name, in: "query", schema: { type: "object", properties: { MinCapacity: { type }, MaxCapacity: { type } } } });
  const { warnings } = extractOperations(doc([scaling("ScalingConfiguration", "integer"), { name: "Engine", in: "query", schema: { type: "string" } }, scaling("ServerlessV2ScalingConfiguration", "number")]), { file: "rds.json" });
  expect(warnings).toEqual(["rds.json: 1 operation has a query key that two parameters write, which no server can tell apart: sent as written (GET /envs: MinCapacity (a property of ScalingConfiguration and of ServerlessV2ScalingConfiguration))"]);
  const once = { name: "Tier", in: "query", schema: { type: "object", properties: { Name: { type: "string" } }, allOf: [{ type: "object", properties: { Name: { type: "string" } } }] } };
  expect(extractOperations(doc([once])).warnings).toEqual([]);
  expect(extractOperations(doc([scaling("A", "integer"), { ...scaling("B", "number"), style: "deepObject", explode: true }])).warnings).toEqual([]);
});

test("deepObject, form without explode, and a property named like the object itself: no warning", () => {
  for (const extra of [{ style: "deepObject", explode: true }, { explode: false }]) expect(extractOperations(doc([tier(extra), version])).warnings).toEqual([]);
  const own = { name: "Tier", in: "query", schema: { type: "object", properties: { Tier: { type: "string" } } } };
  expect(extractOperations(doc([own])).warnings).toEqual([]);
});
