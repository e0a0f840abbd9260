/**
 * Request and response views of schemas that are resources of their own (test/fixtures/openapi/
 * read-only-ids.json: components with `$id` and `$anchor`). A view is a copy made in memory: it
 * must not claim its source's `$id` (two resources with one URI, and references to the component
 * reached the view), and its relative `$ref`s resolve against the `$id`, as the source's do (before,
 * `"money"` was read as a file beside the document, and generate refused it: file not found). A
 * reference by `$id` to a component that has a view reaches that view (`total: {$ref: money}` under
 * Order's `$id` is a MoneyRequest in OrderRequest; before, a Money, which requires its read-only
 * `computed`, so no request could be written).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { readWriteViews } from "../../generator/load/openapi/read-write-views";
import { loadGenerated } from "../helpers/load-generated";
import { REPO_ROOT } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "read-only-ids.json");
const document = JSON.parse(readFileSync(FIXTURE, "utf8"));
const dir = tempDir("koala-codegen-read-write-ids-");
type Module = Record<string, (value: unknown) => unknown>;
let g: Module;
let types: string;
beforeAll(async () => {
  const { module, files } = await loadGenerated<Module>(dir, { schema: FIXTURE, formatter: async (text) => text });
  g = module;
  types = files.get("src/types.ts")!.replace(/\s+/g, " ");
});

test("a view leaves out its source's $id and $anchor, and rebases its references on the $id", () => {
  const views = readWriteViews(document, "readOnly");
  const rebased: string[] = [];
  const view = views.view(document.components.schemas.Order, "#/components/schemas/Order", (name) => `#/$defs/${name}`, (ref, base) => {
    rebased.push(`${ref} ${base}`);
    return new URL(ref, base ?? "file:///api/ids.json").href;
  });
  expect(view).toEqual({ type: "object", required: ["total"], properties: { total: { $ref: "#/$defs/MoneyRequest" } } });
  expect(rebased).toEqual(["https://example.com/schemas/order undefined"]);
  // By absolute URI and by anchor, from a schema under no `$id`; an anchor is its resource's only.
  expect(views.refView("https://example.com/schemas/money", "#/paths/~1orders/post")).toBe("MoneyRequest");
  expect(views.refView("https://example.com/schemas/money#money", "#/paths/~1orders/post")).toBe("MoneyRequest");
  expect(views.refView("https://example.com/schemas/order#money", "#/paths/~1orders/post")).toBeUndefined();
  expect(views.refView("https://example.com/schemas/other", "#/paths/~1orders/post")).toBeUndefined();
  const nested = views.view({ $id: "https://example.com/schemas/list", type: "array", items: { $ref: "order" } }, "#/paths/~1orders/get", (name) => name);
  expect(nested).toEqual({ type: "array", items: { $ref: "OrderRequest" } });
  const money = views.view(document.components.schemas.Money, "#/components/schemas/Money", (name) => name, (ref) => ref) as Record<string, unknown>;
  expect([money.$id, money.$anchor]).toEqual([undefined, undefined]);
});

test("generates: the component is typed as written, its view without the read-only id; references by $id reach the views", () => {
  expect(types).toContain("export interface Order { [key: string]: unknown; id: string; total: Money; }".replace("id: string", "/** @readonly */ id: string"));
  expect(types).toContain("export interface OrderRequest { [key: string]: unknown; total: MoneyRequest; }");
  expect(types).toContain("export interface MoneyRequest { [key: string]: unknown; amount: string; }");
  expect(g.isOrderRequest!({ total: { amount: "1.00" } })).toBe(true);
  expect(g.isOrderRequest!({ total: { amount: 1 } })).toBe(false);
  expect(g.isOrder!({ total: { amount: "1.00" } })).toBe(false);
  expect(g.isOrder!({ id: "o1", total: { amount: "1.00" } })).toBe(false);
  expect(g.isOrder!({ id: "o1", total: { amount: "1.00", computed: true } })).toBe(true);
});
