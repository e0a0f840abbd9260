/**
 * Names that Object.prototype has (`__proto__`, `constructor`, `toString`, `valueOf`,
 * `hasOwnProperty`...) as parameter, header, property and schema names
 * (test/fixtures/openapi/prototype-names.json): each is a name like any other. Assigned on a plain
 * object, "__proto__" set the prototype and was lost (the parameters' and response headers' objects
 * had no such property, and the client's code read one the type did not have: tsc failed); read
 * from the caller's parameters, `request.query?.toString` found Object.prototype's function when the
 * caller left it out. The calls through the mock server are in test/e2e/openapi-mock-client.test.ts.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/index";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { compileStrict } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const dir = tempDir("koala-codegen-prototype-names-");
const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "prototype-names.json");

type Api = Record<string, (...args: any[]) => any>;

test("parameter and header objects keep every name as an own property, and the package type-checks", async () => {
  const document = await parseDocument(FIXTURE);
  const { module: api, files } = await loadGenerated<Api>(path.join(dir, "package"), { schema: document });
  const types = files.get("src/types.ts")!;
  // The parameters of each location and the response's headers, "__proto__" among them (the
  // query's of bare types typed in their object: load/openapi/parameter-schemas.ts's typedInItsObject).
  expect(types).toMatch(/export interface PostItemParamsQuery \{\n  __proto__\?: string;\n  toString\?: number;\n\}/);
  expect(types).toMatch(/export interface PostItemParamsHeader \{\n  \[key: string\]: unknown;\n  __proto__\?: PostItemParamsHeaderProto;/);
  expect(types).toMatch(/export interface PostItemResponse200Headers \{\n  \[key: string\]: unknown;\n  __proto__: PostItemResponse200HeaderProto;/);
  // Their guards see the property (an own one, as JSON.parse makes it) and nothing inherited.
  const withProto = JSON.parse('{"__proto__": 200}') as unknown;
  expect(api.validatePostItemResponse200Headers!(withProto).ok).toBe(true);
  expect(api.validatePostItemResponse200Headers!({}).ok).toBe(false);
  expect(api.isPostItemParamsQuery!(JSON.parse('{"__proto__": 1}'))).toBe(false);
  expect(api.isPostItemParamsQuery!({})).toBe(true);
  // The client reads such a parameter as the caller's own property only.
  expect(files.get("src/operations.ts")).toContain('$ownParam(request.query, "toString")');

  const { model } = await generate({ schema: document, build: false, format: false });
  expect(model.types.map((t) => t.name)).toContain("Proto");
  writeFileSync(
    path.join(dir, "package", "src", "caller.ts"),
    // (An object literal that leaves out an optional \`toString: boolean\` is not a Proto to TypeScript,
    // which sees Object's toString there: a limit of the language, so the body is parsed.)
    `import { postItem, type ApiClient, type PostItemParamsQuery, type Proto } from "./index.js";
export const query: PostItemParamsQuery = { ["__proto__"]: "a", toString: 1 };
export const call = (client: ApiClient): ReturnType<typeof postItem> => postItem(client, { path: { constructor: "x" }, query, body: JSON.parse('{"__proto__": null, "constructor": 1}') as Proto });
`,
  );
  const compiled = compileStrict(dir, { timeout: 120_000 });
  expect(compiled.stdout + compiled.stderr).toBe("");
  expect(compiled.status).toBe(0);
}, 180_000);
