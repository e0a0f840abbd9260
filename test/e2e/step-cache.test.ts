/**
 * The prettier/TypeScript cache (print/cache.ts): same output with or without it, entries really
 * written and reused, and a damaged entry only costs time.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/index";
import { KOALA_SCHEMA } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const cacheA = tempDir();
const cacheB = tempDir();

function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json")).map((f) => path.join(dir, f));
}

test("a cached run gives exactly the uncached output; a damaged entry is recomputed", async () => {
  const cacheDir = cacheA;
  const options = { schema: KOALA_SCHEMA, endpoint: "/batch" };
  const plain = await generate(options);
  const first = await generate({ ...options, cacheDir });
  expect(first.files).toEqual(plain.files);
  const written = entries(cacheDir);
  // One prettier entry per formatted module, one transpile entry per source file.
  expect(written.length).toBeGreaterThanOrEqual(plain.files.filter((f) => f.path.startsWith("src/")).length);

  // Entries are really read back: a planted transpile result shows up in the output.
  const compiled = written.filter((entry) => typeof (JSON.parse(readFileSync(entry, "utf8")) as { value: unknown }).value === "object");
  expect(compiled.length).toBeGreaterThan(0);
  for (const entry of compiled) {
    const stored = JSON.parse(readFileSync(entry, "utf8")) as { value: { esm: string } };
    writeFileSync(entry, JSON.stringify({ value: { ...stored.value, esm: "/* planted */\n" + stored.value.esm } }));
  }
  // The generated header (it names the schema's hash) is not part of the cached JavaScript: it is put back above it.
  const planted = await generate({ ...options, cacheDir });
  // guards.js and builders.js are written by their emitters (print/scripts.ts's printScripts); modules of types only and
  // index.ts's re-exports are written without esbuild (print/plain-scripts.ts): neither compiled nor cached.
  const notCompiled = new Set(["dist/esm/guards.js", "dist/esm/builders.js", "dist/esm/types.js", "dist/esm/transport.js", "dist/esm/index.js"]);
  const scripts = planted.files.filter((f) => f.path.startsWith("dist/esm/") && f.path.endsWith(".js") && !notCompiled.has(f.path));
  expect(scripts.length).toBeGreaterThan(3);
  expect(scripts.every((f) => f.contents.includes("/* eslint-disable */\n/* planted */\n") || f.contents.startsWith("/* planted */"))).toBe(true);

  // A schema edit that changes the header of every module (its hash) but not a module's code still reuses that module's entries.
  const edited = JSON.parse(readFileSync(KOALA_SCHEMA, "utf8")) as { description: string };
  edited.description = `${edited.description} Edited.`;
  const afterEdit = await generate({ schema: edited, name: "KoalaProfileBatchRequest", endpoint: "/batch", cacheDir });
  // client.js: compiled by esbuild (guards.js and builders.js are written by their emitters).
  const client = afterEdit.files.find((f) => f.path === "dist/esm/client.js")!;
  expect(client.contents).not.toBe(scripts.find((f) => f.path === "dist/esm/client.js")!.contents);
  expect(client.contents).toContain("/* eslint-disable */\n/* planted */\n");

  // Damaged entries, or entries of the wrong shape, are recomputed.
  for (const [i, entry] of written.entries()) writeFileSync(entry, i % 2 ? "{ not json" : JSON.stringify({ value: { esm: 1 } }));
  const second = await generate({ ...options, cacheDir });
  expect(second.files).toEqual(plain.files);
  const third = await generate({ ...options, cacheDir });
  expect(third.files).toEqual(plain.files);
});

test("an entry is only reused for the same input: a different schema does not hit it", async () => {
  const cacheDir = cacheB;
  await generate({ schema: { title: "A", type: "string" }, cacheDir, build: true });
  const b = await generate({ schema: { title: "A", type: "number" }, cacheDir, build: true });
  const plainB = await generate({ schema: { title: "A", type: "number" }, build: true });
  expect(b.files).toEqual(plainB.files);
});
