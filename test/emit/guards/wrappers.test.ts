/**
 * Which wrappers guards.ts exports per type (emit/guards/wrappers.ts), on a real OpenAPI fixture
 * generated in full: the data types get isX, validateX, assertX and XSchema; a single parameter's
 * schema gets none and no builder (its operation checks it through its location's object); a
 * response header's schema gets validateX alone (the client's check when it reads it); a component
 * used as a parameter's schema keeps everything. Then the package's exported signatures from a
 * consumer's side under `tsc --strict`, and its wrappers at run time from the built dist/cjs.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { generate, type GenerateResult } from "../../../generator/index";
import { guardWrappers, type GuardWrapper } from "../../../generator/emit/guards/wrappers";
import { parseDocument } from "../../helpers/openapi";
import { REPO_ROOT } from "../../helpers/paths";
import { compileStrict, writeFiles } from "../../helpers/strict-compile";
import { tempDir } from "../../helpers/temp";

const PARAMS = path.join(REPO_ROOT, "test", "fixtures", "openapi", "client-params.yaml");
const EVERY: GuardWrapper[] = ["is", "validate", "assert", "standardSchema"];
const dir = tempDir("koala-codegen-wrappers-");
const pkg = path.join(dir, "params");
let result: GenerateResult;

beforeAll(async () => {
  result = await generate({ schema: await parseDocument(PARAMS), format: false });
  writeFiles(pkg, result.files);
}, 120_000);

const source = (file: string): string => result.files.find((f) => f.path === file)!.contents;
const exported = (file: string): string[] => [...source(file).matchAll(/^export (?:function|const) (\w+)/gm)].map((m) => m[1]!).sort();

test("data types keep every wrapper; a single parameter's schema has none, or validateX alone in a path", () => {
  const { model } = result;
  // A component, also the schema (a bare $ref) of parameters: every wrapper.
  expect(guardWrappers(model, "Point")).toEqual(EVERY);
  // A parameter object, what a request is made of: every wrapper.
  expect(guardWrappers(model, "QueryStylesParamsQuery")).toEqual(EVERY);
  // Inline schemas of single parameters: none where the location's object checks them (query,
  // header, cookie); validateX for a path's, checked one by one (emit/operations/parameter-checks.ts).
  for (const name of ["QueryStylesParamsQueryFilter", "HeaderAndCookieParamsHeaderXRequired", "HeaderAndCookieParamsCookiePrefs"]) {
    expect([name, guardWrappers(model, name)]).toEqual([name, []]);
  }
  // A cookie's (or query's) parameter of a bare type is no type at all: typed and checked in its object (load/openapi/parameter-schemas.ts's typedInItsObject).
  expect(model.types.map((t) => t.name)).not.toContain("HeaderAndCookieParamsCookieSession");
  expect(guardWrappers(model, "PathSimpleParamsPathId")).toEqual(["validate"]);
  // A parameter whose schema is a bare `$ref` to Point is typed by Point itself: no alias type of its own.
  expect(model.types.map((t) => t.name).filter((name) => /ParametersSchema/.test(name))).toEqual([]);
});

test("guards.ts exports exactly those wrappers, and builders.ts no builder for a single parameter", () => {
  const expected = result.model.types
    .flatMap(({ name }) =>
      guardWrappers(result.model, name).map((w) => ({ is: `is${name}`, validate: `validate${name}`, assert: `assert${name}`, standardSchema: `${name}Schema` })[w]),
    )
    .sort();
  expect(exported("src/guards.ts")).toEqual(expected);
  expect(exported("src/guards.ts")).toContain("validateQueryStylesParamsQuery");
  expect(exported("src/guards.ts")).not.toContain("validateQueryStylesParamsQueryFilter");
  const builders = exported("src/builders.ts");
  expect(builders).toContain("createQueryStylesParamsQuery");
  expect(builders).toContain("createPoint");
  expect(builders).not.toContain("createQueryStylesParamsQueryFilter");
});

test("a response header's schema and its headers object: validateX alone, the client's check", async () => {
  const { model, files } = await generate({ schema: await parseDocument(path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml")), cwd: path.join(REPO_ROOT, "schemas"), emit: ["guards"], build: false, format: false });
  for (const name of ["BatchResponse429HeaderRetryAfter", "BatchResponse429Headers"]) expect([name, guardWrappers(model, name)]).toEqual([name, ["validate"]]);
  expect(guardWrappers(model, "BatchParamsHeaderUserAgent")).toEqual([]);
  const guards = files.find((f) => f.path === "src/guards.ts")!.contents;
  expect(guards).toContain("export function validateBatchResponse429HeaderRetryAfter(");
  expect(guards).not.toContain("validateBatchParamsHeaderUserAgent");
});

test("a JSON Schema package keeps every wrapper of every type", async () => {
  const schema = { $defs: { Item: { type: "object", properties: { id: { type: "string" } } } }, type: "array", items: { $ref: "#/$defs/Item" } };
  const { model } = await generate({ schema, name: "List", emit: ["guards"], build: false, format: false });
  for (const { name } of model.types) expect([name, guardWrappers(model, name)]).toEqual([name, EVERY]);
});

test("the exported signatures from a consumer, under tsc --strict: narrowing, assertions through the namespace, no isX of a parameter", () => {
  writeFileSync(
    path.join(pkg, "src", "consumer.ts"),
    `import * as api from "./index.js";
import { assertPoint, isQueryStylesParamsQuery, validateQueryStylesParamsQuery, type Point, type QueryStylesParamsQuery, type QueryStylesParamsQueryFilter } from "./index.js";
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}
export function consume(a: unknown, b: unknown, c: unknown, d: unknown): void {
  assertPoint(a);
  expectType<Equal<typeof a, Point>>(true);
  api.assertQueryStylesParamsQuery(b);
  expectType<Equal<typeof b, QueryStylesParamsQuery>>(true);
  if (isQueryStylesParamsQuery(c)) expectType<Equal<typeof c, QueryStylesParamsQuery>>(true);
  const query = validateQueryStylesParamsQuery(d);
  if (query.ok) expectType<Equal<typeof query.value.filter, QueryStylesParamsQueryFilter | undefined>>(true);
  // @ts-expect-error no validateX for a single parameter's type
  void api.validateQueryStylesParamsQueryFilter;
  // @ts-expect-error nor isX
  void api.isQueryStylesParamsQueryFilter;
  // @ts-expect-error nor assertX
  void api.assertQueryStylesParamsQueryFilter;
  // @ts-expect-error nor a Standard Schema object
  void api.QueryStylesParamsQueryFilterSchema;
}
`,
  );
  const compiled = compileStrict(dir, { timeout: 120_000 });
  expect(compiled.stdout + compiled.stderr).toBe("");
  expect(compiled.status).toBe(0);
}, 150_000);

test("the built wrappers at run time: a parameter checked through its object, assertX and XSchema of a parameter object", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api = require(path.join(pkg, "dist", "cjs", "index.js")) as Record<string, any>;
  expect(api.validateQueryStylesParamsQuery({ filter: { tag: "a" } })).toEqual({ ok: true, value: { filter: { tag: "a" } } });
  const refused = api.validateQueryStylesParamsQuery({ filter: { tag: 1 } });
  expect(refused.ok).toBe(false);
  expect(refused.errors).toEqual([expect.objectContaining({ path: "/filter/tag", keyword: "type", message: "must be string" })]);
  expect([api.isQueryStylesParamsQueryFilter, api.validateQueryStylesParamsQueryFilter]).toEqual([undefined, undefined]);
  expect(() => api.assertQueryStylesParamsQuery({ text: 1 })).toThrow(new api.SchemaValidationError("QueryStylesParamsQuery", api.validateQueryStylesParamsQuery({ text: 1 }).errors));
  expect(() => api.assertQueryStylesParamsQuery({ text: 1 })).toThrow(/^not a valid QueryStylesParamsQuery: \/text must be string$/);
  expect(await api.QueryStylesParamsQuerySchema["~standard"].validate({ text: 1 })).toEqual({ issues: [{ message: "must be string", path: ["text"] }] });
  expect(api.isPoint({ x: 1, y: 2 })).toBe(true);
});
