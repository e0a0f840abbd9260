/**
 * Every synthesized answer is valid: for each fixture document of the mock server, Koala's, and
 * the OpenAPI specification's documents (../shared/openapi/3.0/examples and 3.1/pass), a real
 * server (examples off, so every answer is synthesized) is asked for every documented response of
 * every operation (`Prefer: code=<status>`), and each JSON body must pass the response's generated
 * guard, and ajv (the oracle) on the document's schema where ajv can read the document alone;
 * so must a value synthesized for every schema of `components.schemas`.
 */
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { generate } from "../../generator/index";
import type { IrSchema } from "../../generator/ir/model";
import { readOpenApi } from "../../generator/load/openapi/read-openapi";
import { isJsonMedia, pickContent } from "../../generator/mock-server/answers";
import { readMockApi, type MockApi } from "../../generator/mock-server/mock-api";
import { startMockServer } from "../../generator/mock-server/server";
import { synthesizeValid } from "../../generator/mock-server/synthesize";
import { rfcNarrowedFormats } from "../helpers/rfc-formats";
import { parseDocument, sharedDocuments } from "../helpers/openapi";
import { KOALA_OPENAPI, REPO_ROOT } from "../helpers/paths";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "mock-server");
const DOCUMENTS = [
  path.join(FIXTURES, "shop.openapi.yaml"),
  path.join(FIXTURES, "legacy.openapi.yaml"),
  KOALA_OPENAPI,
  ...sharedDocuments("3.0/examples"),
  ...sharedDocuments("3.1/pass"),
];

/** ajv over the whole document, so `$ref`s within it resolve; undefined when it references other files. */
function ajvOracle(document: object): ((pointer: string, value: unknown) => boolean) | undefined {
  if (JSON.stringify(document).match(/"\$ref":"(?!#)/)) return undefined;
  const ajv = new Ajv2020({ strict: false, logger: false, validateSchema: false });
  addFormats(ajv);
  for (const [name, check] of rfcNarrowedFormats()) ajv.addFormat(name, check);
  ajv.addSchema({ ...document, $id: "https://mock.test/document.json" });
  return (pointer, value) => ajv.validate({ $ref: `https://mock.test/document.json#${pointer}` }, value) as boolean;
}

function hasNoValue(schema: IrSchema): boolean {
  if (schema === false) return true;
  const not = typeof schema === "object" ? schema.not : undefined;
  return not === true || (typeof not === "object" && Object.keys(not).every((key) => key === "schemaPath" || key === "annotations"));
}

describe.each(DOCUMENTS.map((file) => [path.relative(path.join(REPO_ROOT, ".."), file), file]))("%s", (_name, file) => {
  test("every documented response, synthesized, passes its generated guard and ajv", async () => {
    const document = await parseDocument(file);
    const input = { schema: document, cwd: path.dirname(file) };
    // A document generate() refuses, the mock server refuses too, with the same one-line error.
    const generated = await generate({ ...input, emit: ["guards"], build: false, format: false }).catch((error: Error) => error);
    if (generated instanceof Error) {
      await expect(startMockServer(input)).rejects.toThrow(generated.message);
      return;
    }
    const api: MockApi = await readMockApi(input);
    const oracle = ajvOracle(readOpenApi(document)!.document);
    const server = await startMockServer({ ...input, examples: false, validate: false, seed: 3 });
    let checked = 0;
    try {
      for (const operation of api.operations) {
        const url = server.url + operation.path.replace(/\{[^}]+\}/g, "1");
        for (const [r, response] of operation.responses.entries()) {
          const answer = await fetch(url, { method: operation.method, headers: { prefer: `code=${response.status}` } });
          const text = await answer.text();
          const mediaType = answer.headers.get("content-type");
          const c = response.contents.findIndex((content) => content.mediaType === mediaType || (content.mediaType.includes("*") && mediaType === "application/json"));
          const content = response.contents[c];
          if (!content?.checked || !/json/.test(mediaType ?? "")) continue;
          const where = `${operation.method} ${operation.path} ${response.status} ${mediaType}`;
          expect([where, answer.headers.get("x-mock-value")]).toEqual([where, "synthesized"]);
          const value = JSON.parse(text) as unknown;
          const result = content.checked.validate(value);
          expect([where, result.ok || result.errors]).toEqual([where, true]);
          const pointer = operation.operation!.responses[r]!.contents[c]!.schema!.pointer;
          if (oracle) expect([where, oracle(pointer.slice(1), value)]).toEqual([where, true]);
          checked++;
        }
      }
    } finally {
      await server.close();
    }
    // No documented JSON response was skipped: each one the server answers with a schema was checked.
    const expected = api.operations.flatMap((o) => o.responses.map(pickContent)).filter((c) => c?.checked && isJsonMedia(c.mediaType)).length;
    expect(checked).toBe(expected);
    // Every named schema of components.schemas too, synthesized directly (as an answer would be).
    let components = 0;
    for (const type of api.model.types.filter((t) => /^#\/components\/schemas\/[^/]+$/.test(t.origin))) {
      const validate = api.guards.get(type.name)!;
      const made = synthesizeValid(api.model, type.name, validate, 3, type.name);
      // `false` and `{"not": {}}` have no value: that is reported, never answered.
      if (hasNoValue(type.schema)) {
        expect(made.errors).toHaveLength(1);
        continue;
      }
      expect([type.origin, made.errors]).toEqual([type.origin, undefined]);
      if (oracle) expect([type.origin, oracle(type.origin.slice(1), made.value)]).toEqual([type.origin, true]);
      components++;
    }
    process.stdout.write(`${path.basename(file)}: ${checked} synthesized answers and ${components} component schemas checked${oracle ? " (guard and ajv)" : " (guard)"}\n`);
  });
});

describe("synthesis", () => {
  test("deterministic for a seed; another seed gives another value; the value passes the guard on the first attempts", async () => {
    const api = await readMockApi({ schema: await parseDocument(path.join(FIXTURES, "shop.openapi.yaml")), cwd: FIXTURES });
    const report = api.operations.find((o) => o.name === "getReport")!.responses[0]!.contents[0]!.checked!;
    const made = (seed: number) => synthesizeValid(api.model, report.type, report.validate, seed, "key");
    expect(made(1)).toEqual(made(1));
    expect(made(1).errors).toBeUndefined();
    const values = new Set(Array.from({ length: 10 }, (_, seed) => JSON.stringify(made(seed).value)));
    expect(values.size).toBeGreaterThan(5);
  });

  test("a pattern with Java's POSIX classes (\\p{Alnum}): the synthesized value passes the guard and Java's reading of the pattern", async () => {
    const schema = { title: "Server", type: "object", required: ["name"], properties: { name: { type: "string", pattern: "^[\\p{Alpha}][\\p{Alnum}\\-]{2,20}$" } } };
    const api = await readMockApi({ schema, endpoint: "/servers" });
    const type = api.model.roots![0]!.name;
    for (const seed of [1, 2, 3]) {
      const made = synthesizeValid(api.model, type, api.guards.get(type)!, seed, "key");
      expect(made.errors).toBeUndefined();
      expect((made.value as { name: string }).name).toMatch(/^[a-zA-Z][a-zA-Z0-9-]{2,20}$/);
    }
  });

  test("when no drawn value passes, the least one is tried last: a required array whose items no value fills is [] (sendgrid.com's events)", async () => {
    const item = (values: string[]) => ({ type: "object", required: ["kind"], properties: { kind: { type: "string", enum: values } } });
    const schema = {
      title: "Message",
      type: "object",
      required: ["id", "events"],
      allOf: [{ properties: { events: { type: "array", items: item(["soft", "hard"]) } } }, { properties: { events: { type: "array", items: item(["bounced"]) } } }],
      properties: { id: { type: "string", minLength: 1 }, note: { type: "array", items: { type: "string" } } },
    };
    const api = await readMockApi({ schema, endpoint: "/messages" });
    const type = api.model.roots![0]!.name;
    for (const seed of [1, 2, 3]) {
      const made = synthesizeValid(api.model, type, api.guards.get(type)!, seed, "key");
      expect(made.errors).toBeUndefined();
      // The least value: the optional note left out too.
      expect(made.value).toEqual({ id: expect.any(String), events: [] });
    }
  });

  describe("a string with a pattern and length bounds meets them all (seeds 1..20)", () => {
    /** The `id` property's value for each seed, each checked by the generated guard and by the schema's own reading. */
    async function ids(id: Record<string, unknown>): Promise<{ values: string[]; errors: unknown[] }> {
      const schema = { title: "Thing", type: "object", required: ["id"], properties: { id: { type: "string", ...id } } };
      const api = await readMockApi({ schema, endpoint: "/things" });
      const type = api.model.roots![0]!.name;
      const made = Array.from({ length: 20 }, (_, i) => synthesizeValid(api.model, type, api.guards.get(type)!, i + 1, "key"));
      return { values: made.map((m) => (m.value as { id: string }).id), errors: made.flatMap((m) => m.errors ?? []) };
    }

    test("unanchored [a-f0-9]+ with minLength = maxLength = 40 (lgtm.com's analysis-id)", async () => {
      const { values, errors } = await ids({ minLength: 40, maxLength: 40, pattern: "[a-f0-9]+" });
      expect(errors).toEqual([]);
      for (const value of values) expect(value).toMatch(/^[a-f0-9]{40}$/);
      expect(new Set(values).size).toBeGreaterThan(15);
    });

    test("anchored ^[a-f0-9]+$ with minLength 40 and no maximum", async () => {
      const { values, errors } = await ids({ minLength: 40, pattern: "^[a-f0-9]+$" });
      expect(errors).toEqual([]);
      for (const value of values) expect(value).toMatch(/^[a-f0-9]{40,}$/);
    });

    test("a fixed-length unanchored pattern is repeated up to minLength; one anchored at one end keeps that end", async () => {
      const fixed = await ids({ minLength: 10, pattern: "[a-f]{3}" });
      expect(fixed.errors).toEqual([]);
      for (const value of fixed.values) expect(value).toMatch(/^([a-f]{3})\1\1[a-f]$/);
      const start = await ids({ minLength: 7, pattern: "^id-\\d" });
      expect(start.errors).toEqual([]);
      for (const value of start.values) expect(value).toMatch(/^id-\d.{3}$/);
      const end = await ids({ minLength: 7, maxLength: 7, pattern: "x\\d$" });
      expect(end.errors).toEqual([]);
      for (const value of end.values) expect(value).toMatch(/^.{5}x\d$/);
    });

    test("maxLength below the pattern's usual sample: a shorter match", async () => {
      // The plain sample of ^[a-z]{5,}-[0-9]+$ is 7 to 13 long; maxLength 7 leaves only the shortest.
      const { values, errors } = await ids({ maxLength: 7, pattern: "^[a-z]{5,}-[0-9]+$" });
      expect(errors).toEqual([]);
      for (const value of values) expect(value).toMatch(/^[a-z]{5}-[0-9]$/);
    });

    test("a format whose sample misses the pattern gives way to the pattern (voice-id's FraudsterId, format password)", async () => {
      const { values, errors } = await ids({ format: "password", pattern: "^id#[a-zA-Z0-9]{22}$", minLength: 25, maxLength: 25 });
      expect(errors).toEqual([]);
      for (const value of values) expect(value).toMatch(/^id#[a-zA-Z0-9]{22}$/);
      // A format sample that meets the pattern is kept.
      const dated = await ids({ format: "date", pattern: "^20" });
      expect(dated.errors).toEqual([]);
      for (const value of dated.values) expect(value).toMatch(/^20\d\d-\d\d-\d\d$/);
    });

    test("a date-time or time sample is written at the length minLength/maxLength ask for (unicourt.com: 25 characters)", async () => {
      const exact = await ids({ format: "date-time", minLength: 25, maxLength: 25 });
      expect(exact.errors).toEqual([]);
      for (const value of exact.values) expect(value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.1234Z$/);
      // Past 30 characters only the "+00:00" form has the length.
      const offset = await ids({ format: "date-time", minLength: 31, maxLength: 31 });
      expect(offset.errors).toEqual([]);
      for (const value of offset.values) expect(value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.12345\+00:00$/);
      const long = await ids({ format: "date-time", minLength: 28 });
      expect(long.errors).toEqual([]);
      for (const value of long.values) expect(value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.1234567Z$/);
      const time = await ids({ format: "time", minLength: 12, maxLength: 12 });
      expect(time.errors).toEqual([]);
      for (const value of time.values) expect(value).toMatch(/^\d\d:\d\d:\d\d\.12Z$/);
    });

    test("an impossible combination falls back to the plain sample: reported by the guard, no crash", async () => {
      const { values, errors } = await ids({ minLength: 10, pattern: "^[a-f]{3}$" });
      expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: "/id", keyword: "minLength" })]));
      for (const value of values) expect(value).toMatch(/^[a-f]{3}$/);
    });
  });

  describe("a oneOf whose branches a value of one fits too: the other branches are broken (seeds 1..10, checked by the guard and ajv)", () => {
    async function made(schema: object): Promise<{ values: unknown[]; errors: unknown[] }> {
      const api = await readMockApi({ schema, endpoint: "/things" });
      const type = api.model.roots![0]!.name;
      const results = Array.from({ length: 10 }, (_, i) => synthesizeValid(api.model, type, api.guards.get(type)!, i + 1, "key"));
      const ajv = new Ajv2020({ strict: false, logger: false });
      for (const result of results.filter((r) => !r.errors)) expect(ajv.validate(schema, result.value)).toBe(true);
      return { values: results.map((r) => r.value), errors: results.flatMap((r) => r.errors ?? []) };
    }

    test("docker.com/dvp's TimespanData: { months } or { weeks }, neither required", async () => {
      const items = { type: "array", items: { type: "object", properties: { count: { type: "integer" } } } };
      const { values, errors } = await made({ title: "Timespan", oneOf: [{ $ref: "#/$defs/MonthData" }, { $ref: "#/$defs/WeekData" }], $defs: { MonthData: { properties: { months: items } }, WeekData: { properties: { weeks: items } } } });
      expect(errors).toEqual([]);
      // Every plain value fits both ({} or { months: [...] }): each value gives one branch's property a value of another type.
      for (const value of values as Record<string, unknown>[]) expect(["months", "weeks"].filter((key) => key in value && !Array.isArray(value[key]))).toHaveLength(1);
    });

    test("influxdata.com's Dashboard or DashboardWithViewProperties: the cells differ only in an optional property, an item deep", async () => {
      const { errors } = await made({
        title: "Created",
        oneOf: [{ $ref: "#/$defs/Dashboard" }, { $ref: "#/$defs/DashboardWithViewProperties" }],
        $defs: {
          Cell: { type: "object", properties: { id: { type: "string" }, w: { type: "integer" } } },
          CellWithViewProperties: { type: "object", allOf: [{ $ref: "#/$defs/Cell" }, { type: "object", properties: { name: { type: "string" }, properties: { type: "object", required: ["shape"], properties: { shape: { type: "string" } } } } }] },
          Base: { required: ["orgID", "name"], properties: { orgID: { type: "string" }, name: { type: "string" } } },
          Dashboard: { type: "object", allOf: [{ $ref: "#/$defs/Base" }, { type: "object", properties: { cells: { type: "array", items: { $ref: "#/$defs/Cell" } } } }] },
          DashboardWithViewProperties: { type: "object", allOf: [{ $ref: "#/$defs/Base" }, { type: "object", properties: { cells: { type: "array", items: { $ref: "#/$defs/CellWithViewProperties" } } } }] },
        },
      });
      expect(errors).toEqual([]);
    });

    test("a rival that requires a property the branch taken does not: that property is left out", async () => {
      const { values, errors } = await made({ title: "Pet", oneOf: [{ type: "object", properties: { name: { type: "string" }, tag: { type: "string" } } }, { type: "object", required: ["tag"], properties: { tag: { type: "string" } } }] });
      expect(errors).toEqual([]);
      expect(values.some((value) => !("tag" in (value as object)))).toBe(true);
    });

    test("number ranges that overlap: a value outside the overlap (openapi-to-graphql's oneOf4, an integer)", async () => {
      // Every integer from -90 to 90 fits both branches; a value drawn inside one branch's bounds always did.
      const { values, errors } = await made({ title: "Latitude", type: "integer", oneOf: [{ minimum: -90 }, { maximum: 90 }] });
      expect(errors).toEqual([]);
      for (const value of values) expect(Number.isInteger(value) && Math.abs(value as number) > 90).toBe(true);
      // Exclusive bounds: only x <= 0 or x > 10 fit exactly one branch.
      const open = await made({ title: "Reading", type: "number", oneOf: [{ exclusiveMinimum: 0 }, { maximum: 10 }] });
      expect(open.errors).toEqual([]);
      for (const value of open.values) expect((value as number) <= 0 || (value as number) > 10).toBe(true);
    });
  });

  test("a schema no value can meet is reported, not answered", async () => {
    const schema = { title: "Never", type: "object", required: ["a"], properties: { a: { type: "string", minLength: 3, maxLength: 2 } } };
    const api = await readMockApi({ schema, endpoint: "/never" });
    const type = api.model.roots![0]!.name;
    const made = synthesizeValid(api.model, type, api.guards.get(type)!, 1, "key");
    expect(made.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: "/a" })]));
  });
});
