/**
 * OpenAPI at scale, without the network: a deterministic synthetic document shaped like the large
 * real ones (test/helpers/synthetic-openapi.ts; `npm run bench -- openapi` runs the real corpus)
 * generates every artifact with no options, its large modules past prettier's size limit
 * (re-indented: print/reindent.ts), the package compiles under `tsc --strict`, and its guards work.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/index";
import { LARGE_PACKAGE, LARGE_PACKAGE_PRETTIER_SIZE_LIMIT } from "../../generator/print/reindent";
import { loadGenerated } from "../../generator/run-generated";
import { compileStrict, writeFiles } from "../helpers/strict-compile";
import { syntheticOpenApi } from "../helpers/synthetic-openapi";
import { tempDir } from "../helpers/temp";

const RESOURCES = 40;
const dir = tempDir("koala-codegen-openapi-scale-");

test(`${RESOURCES * 5 + 4} operations: every artifact with no options, compiled under --strict, guards that work`, async () => {
  const document = syntheticOpenApi(RESOURCES);
  const file = path.join(dir, "synthetic.json");
  writeFileSync(file, JSON.stringify(document, null, 2));
  expect(readFileSync(file, "utf8").length).toBeGreaterThan(100_000);

  const result = await generate({ schema: file });
  const source = (p: string): string => result.files.find((f) => f.path === p)!.contents;
  // Large enough that its mid-sized modules skip prettier (print/reindent.ts) and its small ones do not.
  const sizes = result.files.filter((f) => /^src\/[^/]+\.ts$/.test(f.path)).map((f) => f.contents.length);
  expect(sizes.reduce((a, b) => a + b)).toBeGreaterThan(LARGE_PACKAGE);
  expect(Math.max(...sizes)).toBeGreaterThan(LARGE_PACKAGE_PRETTIER_SIZE_LIMIT);
  expect(Math.min(...sizes)).toBeLessThan(LARGE_PACKAGE_PRETTIER_SIZE_LIMIT);
  expect(result.files.some((f) => f.path === "dist/esm/guards.js")).toBe(true);
  // Templates that differ only in their parameter name: one warning each, nothing refused.
  expect(result.warnings.filter((w) => w.includes("but for its parameter names"))).toHaveLength(RESOURCES / 10);

  writeFiles(path.join(dir, "package"), result.files);
  const compiled = compileStrict(path.join(dir, "package"), { timeout: 240_000 });
  expect(compiled.stdout + compiled.stderr).toBe("");
  expect(compiled.status).toBe(0);

  const guards = loadGenerated(result.files.filter((f) => f.path.startsWith("src/"))) as Record<string, (value: unknown) => boolean>;
  const resource = { id: "res_a_1", kind: "alpha", created: "2026-01-02T03:04:05Z", email: null, tags: ["x"], settings: { mode: "on", limits: [{ key: "k", value: 1.5 }] } };
  expect(guards.isResource3!({ ...resource, kind: "kind-3", parent: { ...resource, kind: "kind-2", parent: { ...resource, parent: { ...resource, parent: "root" } } } })).toBe(true);
  expect(guards.isResource3!({ ...resource, kind: "kind-3", parent: { ...resource, kind: "kind-2", parent: { ...resource, parent: { ...resource, parent: { ...resource } } } } })).toBe(false);
  expect(guards.isResource0!({ ...resource, parent: null })).toBe(true);
  expect(guards.isResource0!({ ...resource, id: "res-with-dash" })).toBe(false);
  expect(guards.isResource0!({ ...resource, amount: 1_000_000 })).toBe(false);
  // Settings0 is Resource0's `settings` schema, reached by a pointer through a `$ref`.
  expect(guards.isSettings0!({ mode: "off" })).toBe(true);
  expect(guards.isSettings0!({ mode: "maybe" })).toBe(false);
  expect(source("src/guards.ts")).toContain('new RegExp("^res_[A-Za-z0-9\\\\_]+$", "")');
}, 400_000);
