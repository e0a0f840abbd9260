/**
 * Two OpenAPI documents in one package (a config with two `schemas`: test/fixtures/openapi/
 * multi-document/shop.yaml, 3.1, and catalog.yaml, 3.0) whose operations, components and inline
 * schemas have the same names: through the real CLI, the package type-checks under --strict (one
 * index re-exporting both operations modules), each document keeps its own types, guards and
 * operations (the later document's colliding operations take its API's name in front, with a
 * warning), and each client works against a mock server started from its own document.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { startMockServer, type MockServer } from "../../generator/mock-server/server";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { runCli, type RunResult } from "../helpers/run";
import { compileStrict } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "multi-document");
const dir = tempDir("koala-codegen-multi-document-");
const out = path.join(dir, "packages", "shop-and-catalog");
let result: RunResult;
beforeAll(() => {
  const config = { out, packageName: "shop-and-catalog", schemas: [{ path: path.join(FIXTURE, "shop.yaml"), name: "Shop" }, { path: path.join(FIXTURE, "catalog.yaml"), name: "Catalog" }] };
  writeFileSync(path.join(dir, "koala-codegen.config.json"), JSON.stringify(config));
  result = runCli(["generate"], { cwd: dir });
}, 120_000);

test("generates; the later document's operations named as the earlier's take its API's name, with a warning each", () => {
  expect(result.status).toBe(0);
  const warnings = result.stderr.split("\n").filter((line) => line.includes("another document"));
  expect(warnings).toEqual([
    expect.stringMatching(/catalog\.yaml: operation GET \/items\/\{id\}: "getItem" is an operation of another document of the package; using "catalogGetItem"$/),
    expect.stringMatching(/catalog\.yaml: operation POST \/items: "createItem" is an operation of another document of the package; using "catalogCreateItem"$/),
  ]);
  const first = readFileSync(path.join(out, "src", "operations.ts"), "utf8");
  const second = readFileSync(path.join(out, "src", "operations-2.ts"), "utf8");
  expect(first).toMatch(/export function getItem\(/);
  expect(second).toMatch(/export function catalogGetItem\(/);
  expect(second).not.toMatch(/export function getItem\(/);
  expect(second).toContain("export type CatalogGetItemResult =");
  expect(readFileSync(path.join(out, "src", "index.ts"), "utf8")).toContain('export * from "./operations-2.js";');
});

test("tsc --strict: the package and a program using both documents' operations, each typed by its own document", () => {
  mkdirSync(path.join(dir, "usage", "src"), { recursive: true });
  writeFileSync(
    path.join(dir, "usage", "src", "usage.ts"),
    `import { createCatalogClient, createShopClient, getItem, catalogGetItem, createItemOperation, catalogCreateItem, type Item, type Item2 } from "../../packages/shop-and-catalog/src/index.js";

export async function both(): Promise<string[]> {
  const shop = await getItem(createShopClient(), { path: { id: 1 } });
  const catalog = await catalogGetItem(createCatalogClient(), { path: { id: "abc" } });
  const seen: string[] = [];
  if (shop.ok) seen.push(String(shop.data.price), shop.data.item.sku);
  if (catalog.ok) seen.push(catalog.data.category ?? "none", catalog.data.item.title, ...catalog.data.item.tags);
  // @ts-expect-error the catalog's item id is a string
  await catalogGetItem(createCatalogClient(), { path: { id: 1 } });
  // @ts-expect-error the shop's item id is a number
  await getItem(createShopClient(), { path: { id: "abc" } });
  await createItemOperation(createShopClient(), { body: { sku: "abc" } });
  await catalogCreateItem(createCatalogClient(), { body: { title: "A" } });
  // @ts-expect-error the catalog's body has a title, not a sku
  await catalogCreateItem(createCatalogClient(), { body: { sku: "abc" } });
  const item: Item = { sku: "x" };
  const item2: Item2 = { title: "x", tags: [] };
  seen.push(item.sku, item2.title);
  return seen;
}
`,
  );
  const compiled = compileStrict(dir, { timeout: 240_000 });
  expect(compiled.stdout + compiled.stderr).toBe("");
  expect(compiled.status).toBe(0);
}, 300_000);

describe("each document's client against a mock server of its own", () => {
  type Api = Record<string, any>;
  let api: Api;
  const servers: MockServer[] = [];
  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    api = require(path.join(out, "dist", "cjs", "index.js")) as Api;
    for (const name of ["shop.yaml", "catalog.yaml"]) servers.push(await startMockServer({ schema: await parseDocument(path.join(FIXTURE, name)), seed: 5 }));
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  test("getItem and catalogGetItem: each request and answer checked by its own document's guards", async () => {
    const [shop, catalog] = servers;
    const shopResult = await api.getItem(api.createShopClient({ baseUrl: shop!.url, validateResponses: true }), { path: { id: 7 } });
    expect(shopResult).toMatchObject({ ok: true, status: 200, data: { price: expect.any(Number), item: { sku: expect.any(String) } } });
    const catalogResult = await api.catalogGetItem(api.createCatalogClient({ baseUrl: catalog!.url, validateResponses: true }), { path: { id: "abc" } });
    expect(catalogResult).toMatchObject({ ok: true, status: 200, data: { item: { title: expect.any(String), tags: expect.any(Array) } } });
    expect([shop!.requests().map((r) => r.path), catalog!.requests().map((r) => r.path)]).toEqual([["/items/7"], ["/items/abc"]]);
    // The catalog's path parameter is checked by the catalog's guard: a pattern the shop's lacks.
    expect(await api.catalogGetItem(api.createCatalogClient({ baseUrl: catalog!.url }), { path: { id: "ABC" } })).toMatchObject({ ok: false, kind: "invalid-request" });
  });

  test("the two Items are two types with two guards", () => {
    expect(api.isItem({ sku: "a" })).toBe(true);
    expect(api.isItem2({ sku: "a" })).toBe(false);
    expect(api.isItem2({ title: "a", tags: [] })).toBe(true);
    expect(api.shopOperations.getItem.call).toBe(api.getItem);
    expect(api.catalogOperations.catalogGetItem.call).toBe(api.catalogGetItem);
  });
});
