/**
 * The mock server reads parameters back exactly as the generated client writes them: every value
 * serialized by templates/runtime/params.ts (each location, style and explode) is parsed by
 * generator/mock-server/parameters.ts into the same value (property test, fast-check). Texts that
 * the specification leaves ambiguous are left out: a label item holding ".", a header item holding
 * "," or "=" (neither is percent-encoded there), pipe and space delimiters inside delimited items.
 */
import fc from "fast-check";
import type { IrModel, IrSchema } from "../../generator/ir/model";
import type { IrParameter, ParameterLocation, ParameterStyle } from "../../generator/load/openapi/operation-model";
import { parseFormBody, parseParameters } from "../../generator/mock-server/parameters";
import { serializeCookieParam, serializeHeaderParam, serializePathParam, serializeQueryParam, type PathStyle, type QueryStyle } from "../../templates/runtime/params";

const seed = 20261202;
const MODEL: IrModel = { rootName: "Api", types: [], source: { hash: "", dialect: "2020-12" }, warnings: [] };
const SCHEMAS: Record<"primitive" | "array" | "object", IrSchema> = {
  primitive: { schemaPath: "", type: ["string"], annotations: {} },
  array: { schemaPath: "", type: ["array"], items: { schemaPath: "", type: ["string"], annotations: {} }, annotations: {} },
  object: { schemaPath: "", type: ["object"], additionalProperties: { schemaPath: "", type: ["string"], annotations: {} }, annotations: {} },
};
type Kind = keyof typeof SCHEMAS;

function parameter(location: ParameterLocation, style: ParameterStyle, explode: boolean): IrParameter {
  return { name: "p", in: location, required: false, deprecated: false, style, explode, allowReserved: false, allowEmptyValue: false, pointer: "#" };
}

/** Serializes `value` as the client does and parses it back as the server does. */
function roundTrip(location: ParameterLocation, style: ParameterStyle, explode: boolean, kind: Kind, value: unknown): unknown {
  const raw = { pathValues: {} as Record<string, string>, query: "", headers: {} as Record<string, string> };
  const v = value as never;
  if (location === "path") raw.pathValues.p = serializePathParam("p", v, style as PathStyle, explode);
  if (location === "query") raw.query = serializeQueryParam("p", v, style as QueryStyle, explode);
  if (location === "header") raw.headers.p = serializeHeaderParam(v, explode)!;
  if (location === "cookie") raw.headers.cookie = serializeCookieParam("p", v, explode)!;
  return parseParameters([parameter(location, style, explode)], raw, MODEL, new Map([[`p\0${location}`, SCHEMAS[kind]]]))[location]?.p;
}

const CASES: [ParameterLocation, ParameterStyle, Kind[]][] = [
  ["path", "simple", ["primitive", "array", "object"]],
  ["path", "label", ["primitive", "array", "object"]],
  ["path", "matrix", ["primitive", "array", "object"]],
  ["query", "form", ["primitive", "array", "object"]],
  ["query", "spaceDelimited", ["array"]],
  ["query", "pipeDelimited", ["array"]],
  ["query", "deepObject", ["object"]],
  ["header", "simple", ["primitive", "array", "object"]],
  ["cookie", "form", ["primitive", "array"]],
];

describe(`parameters read back as the client wrote them (seed ${seed})`, () => {
  for (const [location, style, kinds] of CASES) {
    for (const explode of [false, true]) {
      if (style === "deepObject" && !explode) continue;
      if ((style === "spaceDelimited" || style === "pipeDelimited") && explode) continue;
      for (const kind of kinds) {
        test(`${location} ${style}${explode ? " exploded" : ""}: ${kind}`, () => {
          const banned = new RegExp(
            `[${[style === "label" ? "." : "", location === "header" ? ",=" : "", style === "spaceDelimited" ? " " : "", style === "pipeDelimited" ? "|" : "", location === "cookie" ? ";" : ""].join("").replace(/[|\]\\]/g, "\\$&")}]`,
          );
          const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }).filter((t) => (banned.source === "[]" || !banned.test(t)) && t.trim() === t && t.trim() !== "");
          const key = text.filter((t) => t !== "p");
          const value = kind === "primitive" ? text : kind === "array" ? fc.array(text, { minLength: 1, maxLength: 4 }) : fc.dictionary(key, text, { minKeys: 1, maxKeys: 3 });
          fc.assert(
            fc.property(value, (v) => {
              expect(roundTrip(location, style, explode, kind, v)).toEqual(v);
            }),
            { seed, numRuns: 200 },
          );
        });
      }
    }
  }

  test("values are typed by the schema: integers, booleans, arrays of integers", () => {
    const schemas = new Map<string, IrSchema>([
      ["n\0query", { schemaPath: "", type: ["integer"], annotations: {} }],
      ["b\0query", { schemaPath: "", type: ["boolean"], annotations: {} }],
      ["ids\0path", { schemaPath: "", type: ["array"], items: { schemaPath: "", type: ["integer"], annotations: {} }, annotations: {} }],
    ]);
    const parameters = [
      { ...parameter("query", "form", true), name: "n" },
      { ...parameter("query", "form", true), name: "b" },
      { ...parameter("path", "simple", false), name: "ids" },
    ];
    const parsed = parseParameters(parameters, { pathValues: { ids: "1,2,x" }, query: "n=7&b=true", headers: {} }, MODEL, schemas);
    expect(parsed).toEqual({ query: { n: 7, b: true }, path: { ids: [1, 2, "x"] } });
  });

  test("an object's properties are typed by their own schemas, in every object style", () => {
    const integer: IrSchema = { schemaPath: "", type: ["integer"], annotations: {} };
    const point: IrSchema = { schemaPath: "", type: ["object"], properties: [{ name: "x", schema: integer }, { name: "y", schema: { schemaPath: "", type: ["boolean"], annotations: {} } }], annotations: {} };
    const names = ["simple", "label", "matrix", "deep", "form"] as const;
    const schemas = new Map<string, IrSchema>(names.map((name) => [`${name}\0${name === "deep" || name === "form" ? "query" : "path"}`, point]));
    const parameters = [
      { ...parameter("path", "simple", true), name: "simple" },
      { ...parameter("path", "label", false), name: "label" },
      { ...parameter("path", "matrix", true), name: "matrix" },
      { ...parameter("query", "deepObject", true), name: "deep" },
      { ...parameter("query", "form", true), name: "form" },
    ];
    const raw = { pathValues: { simple: "x=1,y=true", label: ".x,2,y,false", matrix: ";x=3;y=true" }, query: "deep%5Bx%5D=4&deep%5By%5D=true&x=5&y=false", headers: {} };
    const parsed = parseParameters(parameters, raw, MODEL, schemas);
    expect(parsed.path).toEqual({ simple: { x: 1, y: true }, label: { x: 2, y: false }, matrix: { x: 3, y: true } });
    expect(parsed.query).toMatchObject({ deep: { x: 4, y: true } });
  });

  test("a form-urlencoded body: fields typed by their property schemas, an array's items repeated", () => {
    const body: IrSchema = {
      schemaPath: "",
      type: ["object"],
      properties: [
        { name: "rows", schema: { schemaPath: "", type: ["integer"], annotations: {} } },
        { name: "tags", schema: { schemaPath: "", type: ["array"], items: { schemaPath: "", type: ["string"], annotations: {} }, annotations: {} } },
      ],
      annotations: {},
    };
    expect(parseFormBody("rows=79&tags=a%20b&tags=c&note=x+y", MODEL, body)).toEqual({ rows: 79, tags: ["a b", "c"], note: "x y" });
  });

  test("a form-urlencoded body whose schema is a string is the text as it came (libretranslate.local)", () => {
    const text: IrSchema = { schemaPath: "", type: ["string"], annotations: {} };
    expect(parseFormBody("q=hello%20world&source=en", MODEL, text)).toBe("q=hello%20world&source=en");
    expect(parseFormBody("q=1", MODEL, { schemaPath: "", type: ["object"], annotations: {} })).toEqual({ q: "1" });
  });
});

test("an array of objects in a query (no style defines it) is read back from the JSON text the client writes for each item", () => {
  const tag: IrSchema = { schemaPath: "", type: ["object"], properties: [{ name: "Key", schema: SCHEMAS.primitive }], annotations: {} };
  const tags: IrSchema = { schemaPath: "", type: ["array"], items: tag, annotations: {} };
  const nested: IrSchema = { schemaPath: "", type: ["object"], properties: [{ name: "inner", schema: tag }, { name: "n", schema: { schemaPath: "", type: ["integer"], annotations: {} } }], annotations: {} };
  const value = [{ Key: "a&b" }, { Key: "{x}" }];
  const query = [serializeQueryParam("Tags", value), serializeQueryParam("Box", { inner: { Key: "k" }, n: 2 }, "deepObject", true)].join("&");
  const parameters = [
    { ...parameter("query", "form", true), name: "Tags" },
    { ...parameter("query", "deepObject", true), name: "Box" },
  ];
  const parsed = parseParameters(parameters, { pathValues: {}, query, headers: {} }, MODEL, new Map([["Tags\0query", tags], ["Box\0query", nested]]));
  expect(parsed.query).toEqual({ Tags: value, Box: { inner: { Key: "k" }, n: 2 } });
  // A string item that looks like JSON stays a string.
  const strings = parseParameters([{ ...parameter("query", "form", true), name: "s" }], { pathValues: {}, query: 's=%7B%22a%22%3A1%7D', headers: {} }, MODEL, new Map([["s\0query", SCHEMAS.array]]));
  expect(strings.query).toEqual({ s: ['{"a":1}'] });
});

test("a number is read only from a JSON number's text (no 0x10, 0b1, +5, 010, Infinity or empty text)", () => {
  const integer: IrSchema = { schemaPath: "", type: ["integer"], annotations: {} };
  const read = (text: string) => parseParameters([parameter("query", "form", true)], { pathValues: {}, query: `p=${text}`, headers: {} }, MODEL, new Map([["p\0query", integer]])).query?.p;
  expect(["0x10", "0b1", "%2B5", "010", "Infinity", "", "1."].map(read)).toEqual(["0x10", "0b1", "+5", "010", "Infinity", "", "1."]);
  expect(["7", "-0.5", "1e3"].map(read)).toEqual([7, -0.5, 1000]);
});

test("an exploded form object takes its declared properties, and other keys only when open and no other parameter's", () => {
  const integer: IrSchema = { schemaPath: "", type: ["integer"], annotations: {} };
  const closed: IrSchema = { schemaPath: "", type: ["object"], properties: [{ name: "x", schema: integer }, { name: "y", schema: integer }], additionalProperties: false, annotations: {} };
  const open: IrSchema = { schemaPath: "", type: ["object"], additionalProperties: { schemaPath: "", type: ["string"], annotations: {} }, annotations: {} };
  const parameters = [
    { ...parameter("query", "form", true), name: "point" },
    { ...parameter("query", "form", true), name: "tags" },
    { ...parameter("query", "form", true), name: "limit" },
  ];
  const schemas = new Map<string, IrSchema>([["point\0query", closed], ["tags\0query", open], ["limit\0query", integer]]);
  const read = (query: string) => parseParameters(parameters, { pathValues: {}, query, headers: {} }, MODEL, schemas).query;
  expect(read("x=1&y=2&limit=5&color=red&size=L")).toEqual({ point: { x: 1, y: 2 }, tags: { color: "red", size: "L" }, limit: 5 });
  expect(read("limit=5&x=1")).toEqual({ point: { x: 1 }, limit: 5 });
  // Without the open one, an unknown key is nobody's.
  expect(parseParameters(parameters.slice(0, 1), { pathValues: {}, query: "x=1&y=2&z=3", headers: {} }, MODEL, schemas).query).toEqual({ point: { x: 1, y: 2 } });
});

test("a union parameter (an integer or an object, pandascore's page) and arrays inside an object are read back as the client wrote them", () => {
  const integer: IrSchema = { schemaPath: "", type: ["integer"], annotations: {} };
  const page: IrSchema = {
    schemaPath: "",
    oneOf: [integer, { schemaPath: "", type: ["object"], properties: [{ name: "number", schema: integer }, { name: "size", schema: integer }], additionalProperties: false, annotations: {} }],
    annotations: {},
  };
  const names: IrSchema = { schemaPath: "", type: ["array"], items: SCHEMAS.primitive, annotations: {} };
  const range: IrSchema = { schemaPath: "", type: ["object"], properties: [{ name: "name", schema: names }], annotations: {} };
  const parameters = [
    { ...parameter("query", "form", true), name: "page" },
    { ...parameter("query", "deepObject", true), name: "range" },
  ];
  const schemas = new Map<string, IrSchema>([["page\0query", page], ["range\0query", range]]);
  const read = (pageValue: unknown, rangeValue: unknown) => {
    const query = [serializeQueryParam("page", pageValue as never), serializeQueryParam("range", rangeValue as never, "deepObject", true)].filter(Boolean).join("&");
    return parseParameters(parameters, { pathValues: {}, query, headers: {} }, MODEL, schemas).query;
  };
  expect(read({ number: 2, size: 30 }, { name: ["a", "b,c"] })).toEqual({ page: { number: 2, size: 30 }, range: { name: ["a", "b,c"] } });
  expect(read(2, undefined)).toEqual({ page: 2 });
});

test("properties written as allOf [type, description] (elasticloadbalancing's HealthCheck) are read by the types their branches share", () => {
  const integer: IrSchema = { schemaPath: "", type: ["integer"], annotations: {} };
  const number: IrSchema = { schemaPath: "", type: ["number"], annotations: {} };
  const described: IrSchema = { schemaPath: "", annotations: { description: "seconds" } };
  const wrapped = (...allOf: IrSchema[]): IrSchema => ({ schemaPath: "", allOf, annotations: {} });
  const list: IrSchema = { schemaPath: "", type: ["array"], items: integer, annotations: {} };
  const healthCheck: IrSchema = {
    schemaPath: "",
    type: ["object"],
    properties: [
      { name: "Interval", schema: wrapped(integer, described) },
      { name: "Ratio", schema: wrapped(number, integer) },
      { name: "Target", schema: wrapped({ schemaPath: "", type: ["string"], annotations: {} }, described) },
      { name: "Flag", schema: wrapped({ schemaPath: "", type: ["boolean", "string"], annotations: {} }, { schemaPath: "", type: ["boolean"], annotations: {} }) },
      { name: "Untyped", schema: wrapped(described) },
    ],
    annotations: {},
  };
  // The parameter itself an allOf of an object and a description; an array parameter an allOf of an array.
  const parameters = [
    { ...parameter("query", "form", true), name: "HealthCheck" },
    { ...parameter("query", "form", false), name: "Ports" },
  ];
  const schemas = new Map<string, IrSchema>([["HealthCheck\0query", wrapped(healthCheck, described)], ["Ports\0query", wrapped(list)]]);
  const query = [serializeQueryParam("HealthCheck", { Interval: 30, Ratio: 2, Target: "12", Flag: true, Untyped: "7" } as never), serializeQueryParam("Ports", [80, 443] as never, "form", false)].join("&");
  expect(parseParameters(parameters, { pathValues: {}, query, headers: {} }, MODEL, schemas).query).toEqual({
    HealthCheck: { Interval: 30, Ratio: 2, Target: "12", Flag: true, Untyped: "7" },
    Ports: [80, 443],
  });
});

test("an empty exploded form object writes no pair: read as {} when the parameter is required (amazonaws.com/sns's Attributes), absent when not", () => {
  const open: IrSchema = { schemaPath: "", type: ["object"], additionalProperties: SCHEMAS.primitive, annotations: {} };
  const parameters = [
    { ...parameter("query", "form", true), name: "Attributes", required: true },
    { ...parameter("query", "form", true), name: "Tags" },
    { ...parameter("query", "form", false), name: "Action", required: true },
  ];
  const schemas = new Map<string, IrSchema>([["Attributes\0query", open], ["Tags\0query", open], ["Action\0query", SCHEMAS.primitive]]);
  const query = [serializeQueryParam("Attributes", {} as never), serializeQueryParam("Action", "Create" as never, "form", false)].filter(Boolean).join("&");
  expect(query).toBe("Action=Create");
  expect(parseParameters(parameters, { pathValues: {}, query, headers: {} }, MODEL, schemas).query).toEqual({ Attributes: {}, Action: "Create" });
});
