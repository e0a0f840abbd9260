/**
 * Folded check functions (emit/guards/fold.ts): inline copies of one schema get one check function,
 * and every copy's errors keep that copy's own schema path and instance path, as ajv (allErrors)
 * reports them for the same place. The fixture, test/fixtures/openapi/folded-copies.json, repeats
 * an `expand` parameter and an error response in two operations and one anyOf in three properties
 * of a component; a JSON Schema adds two recursive types that differ only in their names.
 */
import Ajv2020 from "ajv/dist/2020";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../../generator/index";
import { loadGenerated } from "../../../generator/run-generated";
import { REPO_ROOT } from "../../helpers/paths";
import type { Guards } from "../../helpers/guards";

const DOCUMENT = JSON.parse(readFileSync(path.join(REPO_ROOT, "test", "fixtures", "openapi", "folded-copies.json"), "utf8"));

/** Two recursive types alike but for their names, used from two properties. */
const RECURSIVE = {
  title: "Root",
  type: "object",
  properties: { a: { $ref: "#/$defs/A" }, b: { $ref: "#/$defs/B" } },
  $defs: {
    A: { type: "object", properties: { n: { type: "integer" }, next: { $ref: "#/$defs/A" } } },
    B: { type: "object", properties: { n: { type: "integer" }, next: { $ref: "#/$defs/B" } } },
  },
};

/** guards.ts (unformatted) and the loaded module. */
async function guardsOf(schema: object): Promise<{ text: string; guards: Guards }> {
  const { files } = await generate({ schema, emit: ["guards"], build: false, format: false });
  const text = files.find((f) => f.path === "src/guards.ts")!.contents;
  return { text, guards: loadGenerated(files) as Guards };
}

/** The module's internal check functions (not the exported wrappers): the last statements of guards.ts. */
function checkFunctions(text: string): string[] {
  return text.slice(text.indexOf("\nfunction ")).split(/\n(?=function [\w$]+\()/).filter((f) => f.trim() !== "");
}

/** The check function `validateX` calls first (its fast path). */
function checkOf(text: string, type: string): string {
  const match = new RegExp(`export function validate${type}\\(value: unknown\\)[^\\n]*\\n  try \\{\\n    return ([\\w$]+)\\(value\\)`).exec(text);
  if (!match) throw new Error(`no validate${type} in guards.ts`);
  return match[1]!;
}

/**
 * Each place the code builds a schema path by concatenation (`at + "/type"`, `at$3 + "/items"`),
 * with the 12 characters before it. The fast path runs without an error list: a path must be
 * built only behind `errors && `, else every failed check on it allocates a string.
 */
function concatenations(module: string): string[] {
  // Not the module constants' declarations (`const at$3 = at$1 + …`): built once, at load.
  const text = module.replace(/^const at\$\d+ = .*$/gm, "");
  return [...text.matchAll(/\b(at|at\$\d+) \+ /g)].map((m) => text.slice(Math.max(0, m.index! - 12), m.index! + m[0].length));
}

/**
 * ajv (draft 2020-12, allErrors) on the subschema at `pointer` of `document`: its errors as ours would
 * read, "path schemaPath keyword", sorted; `under`: the instance paths as the value's under that key.
 */
function ajvErrors(document: object, pointer: string, value: unknown, under = ""): string[] | "valid" {
  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
  ajv.addSchema({ ...document, $id: "https://example.com/document" });
  const validate = ajv.getSchema(`https://example.com/document${pointer}`)!;
  if (validate(value)) return "valid";
  // ajv's schema paths start at the subschema compiled ("#/properties/..."): ours at the document's root.
  return validate.errors!.map((e) => `${under}${e.instancePath} ${pointer}${e.schemaPath.slice(1)} ${e.keyword}`).sort();
}

/** validateX's errors on `value`, or, `under` a key ("/expand"), on an object holding it there (a parameter, checked by its location's object). */
function ourErrors(guards: Guards, type: string, value: unknown, under = ""): string[] | "valid" {
  const result = guards[`validate${type}`]!(under === "" ? value : { [under.slice(1)]: value });
  if (result.ok) return "valid";
  return result.errors.map((e: { path: string; schemaPath: string; keyword: string }) => `${e.path} ${e.schemaPath} ${e.keyword}`).sort();
}

const EXPAND = [["ok", "x".repeat(42), "y".repeat(50)], "all", [1, "ok"], []];
const ERROR = [{ code: 5, detail: "x".repeat(43) }, {}, { code: "500" }, { code: 404, detail: "not found" }];
const HOLDER = [
  { first: { code: 5, tags: ["abcd", "ok"] }, second: { tags: [1] }, list: [null, { code: "1" }, 3] },
  { first: null, second: { code: 100 }, list: [{ code: 200, tags: ["a"] }] },
  { list: "none", second: [] },
];

/**
 * Each place: the type checked, its JSON Pointer in the document, the values to check there, and
 * for a parameter its key in the query object that checks it (a parameter's schema has no guard of
 * its own), else "" (four values each: jest takes a fourth parameter missing from a row for its callback).
 */
const PLACES: [string, string, unknown[], string][] = [
  ["ListOrdersParamsQuery", "#/paths/~1orders/get/parameters/0/schema", EXPAND, "/expand"],
  ["ListInvoicesParamsQuery", "#/paths/~1invoices/get/parameters/0/schema", EXPAND, "/expand"],
  ["ListOrdersResponseDefault", "#/paths/~1orders/get/responses/default/content/application~1json/schema", ERROR, ""],
  ["ListInvoicesResponseDefault", "#/paths/~1invoices/get/responses/default/content/application~1json/schema", ERROR, ""],
  ["Holder", "#/components/schemas/Holder", HOLDER, ""],
];

describe("an OpenAPI document with inline copies", () => {
  let text: string;
  let guards: Guards;
  beforeAll(async () => {
    ({ text, guards } = await guardsOf(DOCUMENT));
  }, 60_000);

  test("each copied schema has one check function, shared by every copy", () => {
    const functions = checkFunctions(text);
    // Each message belongs to one of the copied schemas: one function holds it.
    for (const message of ["must NOT have more than 41 characters", "must NOT have more than 42 characters", "must NOT have more than 3 characters", "must be null"]) {
      expect([message, functions.filter((f) => f.includes(message)).length]).toEqual([message, 1]);
    }
    expect(checkOf(text, "ListInvoicesResponseDefault")).toBe(checkOf(text, "ListOrdersResponseDefault"));
    // A shared function's schema path is its `at` parameter; nothing else of the copies is left.
    expect(text).not.toContain("/paths/~1invoices/get/responses/default/content/application~1json/schema/properties");
  });

  test.each(PLACES)("%s: every error at its own schema path and instance path, as ajv reports them", (type, pointer, values, under) => {
    for (const value of values) {
      expect([value, ourErrors(guards, type, value, under)]).toEqual([value, ajvErrors(DOCUMENT, pointer, value, under)]);
    }
  });

  test("the fast path agrees: isHolder on the same values", () => {
    for (const value of HOLDER) expect(guards.isHolder!(value)).toBe(ajvErrors(DOCUMENT, "#/components/schemas/Holder", value) === "valid");
  });

  test("no schema path is built on the fast path: every concatenation of `at` is behind an error list", () => {
    // Holder's anyOf copies fold into one function, whose first branch fails for null on isHolder.
    const built = concatenations(text);
    expect(built.length).toBeGreaterThan(0);
    for (const site of built) expect(site).toMatch(/errors && (at|at\$\d+) \+ $/);
  });
});

describe("recursive types alike but for their names", () => {
  test("fold into one function calling itself with its own schema path, each type's errors at its own place", async () => {
    const { text, guards } = await guardsOf(RECURSIVE);
    expect(checkOf(text, "B")).toBe(checkOf(text, "A"));
    const value = { n: 1, next: { next: { n: 1.5, next: { n: "x" } } } };
    for (const type of ["A", "B"]) {
      const errors = ourErrors(guards, type, value);
      expect(errors).toEqual([`/next/next/n #/$defs/${type}/properties/n/type type`, `/next/next/next/n #/$defs/${type}/properties/n/type type`]);
      expect(errors).toEqual(ajvErrors(RECURSIVE, `#/$defs/${type}`, value));
    }
    // Through the root: each property's type keeps its own paths.
    expect(ourErrors(guards, "Root", { a: { next: { n: "x" } }, b: { next: { next: { n: 1.5 } } } })).toEqual([
      "/a/next/n #/$defs/A/properties/n/type type",
      "/b/next/next/n #/$defs/B/properties/n/type type",
    ]);
  }, 60_000);
});

describe("copies deep in a schema, whose paths are written from module constants (at$N)", () => {
  /** `levels` objects nested under "key", around a leaf anyOf. */
  const chain = (levels: number): object => {
    let schema: object = { anyOf: [{ type: "integer" }, { type: "string", maxLength: 2 }] };
    for (let i = 0; i < levels; i++) schema = { type: "object", properties: { key: schema } };
    return schema;
  };
  const schema = { title: "Root", type: "object", properties: { a: chain(60), b: chain(60) } };

  test("every error at its full schema path, as ajv reports it", async () => {
    const { text, guards } = await guardsOf(schema);
    // Paths from module constants, too, are built only when there is an error list.
    expect(concatenations(text).filter((site) => /at\$\d+ \+ $/.test(site)).length).toBeGreaterThan(0);
    for (const site of concatenations(text)) expect(site).toMatch(/errors && (at|at\$\d+) \+ $/);
    let leaf: unknown = "long";
    for (let i = 0; i < 60; i++) leaf = { key: leaf };
    const value = { a: leaf, b: leaf };
    const errors = ourErrors(guards, "Root", value);
    expect(errors).toHaveLength(6);
    expect(errors).toContain(`${"/key".repeat(60).replace(/^/, "/b")} #/properties/b${"/properties/key".repeat(60)}/anyOf/1/maxLength maxLength`);
    expect(errors).toEqual(ajvErrors(schema, "#", value));
  }, 60_000);
});


describe("large inline subschemas repeated across a schema (emit/guards/structure.ts)", () => {
  /** An address: 6 nodes, inline at every use, once inside a larger repeated shape. */
  const address = () => ({
    type: "object",
    required: ["city"],
    properties: { city: { type: "string", maxLength: 5 }, zip: { type: "string", maxLength: 7 }, lines: { type: "array", items: { type: "string", minLength: 2 } } },
    additionalProperties: false,
  });
  const party = () => ({ type: "object", properties: { name: { type: "string" }, address: address(), tags: { type: "array", items: { type: "integer", minimum: 3 } } } });
  const schema = {
    title: "Root",
    type: "object",
    properties: {
      billing: address(),
      shipping: { type: "array", items: address() },
      byName: { type: "object", additionalProperties: address() },
      buyer: party(),
      seller: party(),
      other: { $ref: "#/$defs/Other" },
    },
    $defs: { Other: { type: "object", properties: { home: address(), also: { allOf: [address()] } } } },
  };
  const bad = { city: "Copenhagen", zip: 12, lines: ["x", 3], extra: true };
  const VALUES = [
    { billing: bad, shipping: [bad, {}, { city: "Oslo" }], byName: { a: bad, b: null }, buyer: { address: bad, tags: [1, "x"] }, seller: { name: 5, address: {} }, other: { home: bad, also: bad } },
    { billing: { city: "Rome", lines: [] }, shipping: [], buyer: {}, seller: { address: { city: "Bern", zip: "1234567" } }, other: {} },
    { billing: [], shipping: {}, byName: [], buyer: null, seller: { address: "nowhere" }, other: { home: 1, also: [] } },
  ];

  test("one function checks every copy, and every error is where ajv reports it", async () => {
    const { text, guards } = await guardsOf(schema);
    const functions = checkFunctions(text);
    // Each copy's own messages are in one function: the address's and the party's.
    for (const message of ["must NOT have more than 7 characters", "must NOT have fewer than 2 characters", "must be >= 3"]) {
      expect([message, functions.filter((f) => f.includes(message)).length]).toEqual([message, 1]);
    }
    for (const value of VALUES) {
      expect([value, ourErrors(guards, "Root", value)]).toEqual([value, ajvErrors(schema, "#", value)]);
      expect([value, guards.isRoot!(value)]).toEqual([value, ajvErrors(schema, "#", value) === "valid"]);
      expect([value, ourErrors(guards, "Other", value.other)]).toEqual([value, ajvErrors(schema, "#/$defs/Other", value.other)]);
    }
    expect(guards.isRoot!({ billing: { city: "Rome", zip: "1", lines: ["ab"] }, buyer: { address: { city: "Lima" }, tags: [3] } })).toBe(true);
    // The shared functions' paths are built only with an error list, like every other.
    for (const site of concatenations(text)) expect(site).toMatch(/errors && (at|at\$\d+) \+ $/);
  }, 60_000);

  test("a copy used once, or a small one, stays inline", async () => {
    const once = { title: "Once", type: "object", properties: { home: address(), n: { type: "integer", minimum: 1 }, m: { type: "integer", minimum: 1 } } };
    const { text } = await guardsOf(once);
    expect(checkFunctions(text).map((f) => /^function ([\w$]+)/.exec(f)![1])).toEqual(["collect$Once"]);
  }, 60_000);
});

describe("named types of one shape (GuardModule.named: a copy of a compiled type is not compiled again)", () => {
  const address = () => ({ type: "object", required: ["city"], properties: { city: { type: "string", maxLength: 5 }, zip: { type: "string", maxLength: 7 }, lines: { type: "array", items: { type: "string" } } }, additionalProperties: false });
  /** The shape of P1 to P3: a named type called from it, and nothing outlined (it stands for its copies). */
  const problem = () => ({ type: "object", properties: { code: { type: "integer" }, detail: { type: "string", maxLength: 3 }, leaf: { $ref: "#/$defs/Leaf" } } });
  /** The shape of H1 and H2: two copies of an address, which it checks through a helper of its own (compiled for each). */
  const holder = () => ({ type: "object", properties: { home: address(), work: address(), n: { type: "integer", minimum: 1 } } });
  const schema = {
    title: "Root",
    type: "object",
    properties: { p1: { $ref: "#/$defs/P1" }, p2: { $ref: "#/$defs/P2" }, h1: { $ref: "#/$defs/H1" }, h2: { $ref: "#/$defs/H2" }, p3: { $ref: "#/$defs/P3" } },
    $defs: { P1: problem(), P2: problem(), H1: holder(), H2: holder(), P3: problem(), Leaf: { type: "array", items: { type: "boolean" } } },
  };
  // A named type's errors are at its own paths, which ajv reports from the subschema checked (ajvErrors
  // prefixes them): Leaf's only through Root.
  const badProblem = { code: "1", detail: "long", leaf: [true] };
  const badHolder = { home: { city: "Copenhagen", zip: 1 }, work: { extra: 1 }, n: 0 };

  test("one function for each shape, every type's errors at its own place as ajv reports them", async () => {
    const { text, guards } = await guardsOf(schema);
    expect(checkOf(text, "P2")).toBe(checkOf(text, "P1"));
    expect(checkOf(text, "P3")).toBe(checkOf(text, "P1"));
    expect(checkOf(text, "H2")).toBe(checkOf(text, "H1"));
    // H1's addresses are checked by a helper (collect$1), so H2 was compiled (a copy calls a helper of its own).
    expect(checkFunctions(text).filter((f) => /^function collect\$\d+\(/.test(f))).toHaveLength(1);
    for (const message of ["must NOT have more than 3 characters", "must NOT have more than 7 characters"]) {
      expect([message, checkFunctions(text).filter((f) => f.includes(message)).length]).toEqual([message, 1]);
    }
    for (const [type, value] of [["P1", badProblem], ["P2", badProblem], ["P3", badProblem], ["H1", badHolder], ["H2", badHolder]] as const) {
      expect([type, ourErrors(guards, type, value)]).toEqual([type, ajvErrors(schema, `#/$defs/${type}`, value)]);
      expect([type, guards[`is${type}`]!({ ...value })]).toEqual([type, false]);
    }
    const root = { p1: { ...badProblem, leaf: [true, 0] }, p2: { code: 1 }, h1: { n: 2 }, h2: badHolder, p3: { leaf: "none" } };
    // ajv writes a referenced schema's paths from that schema, not from the document: compared without them,
    // then ours read in full, each copy's at its own place.
    const withoutSchemaPaths = (errors: string[] | "valid"): string[] | "valid" => (errors === "valid" ? errors : errors.map((e) => e.replace(/ \S+ /, " ")));
    const errors = ourErrors(guards, "Root", root);
    expect(withoutSchemaPaths(errors)).toEqual(withoutSchemaPaths(ajvErrors(schema, "#", root)));
    expect(errors).toEqual(expect.arrayContaining(["/p1/code #/$defs/P1/properties/code/type type", "/p1/leaf/1 #/$defs/Leaf/items/type type", "/h2/n #/$defs/H2/properties/n/minimum minimum", "/p3/leaf #/$defs/Leaf/type type"]));
    expect(guards.isRoot!({ p1: { code: 1, detail: "ok", leaf: [true] }, h2: { home: { city: "Rome" } } })).toBe(true);
  }, 60_000);
});
