/**
 * A long enum (googleapis.com/contentwarehouse has one of 1,405 values, image-charts.com one of 960
 * font names) through the real CLI: its package compiles under `tsc --strict` and its guard checks
 * the enum. The guard tests the values in a `switch`: as one `||` chain, TypeScript's binder
 * recursed once per value and tsc died of "Maximum call stack size exceeded" (and a few thousand
 * `===` are "too large for control flow analysis", however they are grouped).
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { runCli } from "../helpers/run";
import { compileStrict } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const dir = tempDir("koala-codegen-long-enum-");
const VALUES = Array.from({ length: 3000 }, (_, i) => `VALUE_${i}`);

beforeAll(() => {
  const schema = { $schema: "https://json-schema.org/draft/2020-12/schema", title: "Provider", type: "object", required: ["provider"], properties: { provider: { type: "string", enum: VALUES } } };
  writeFileSync(path.join(dir, "provider.json"), JSON.stringify(schema));
  const result = runCli(["generate", "--schema", path.join(dir, "provider.json"), "--out", path.join(dir, "out"), "--quiet"], { cwd: dir, timeout: 300_000 });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}, 300_000);

test("the package compiles under tsc --strict", () => {
  const result = compileStrict(dir, { timeout: 300_000 });
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
}, 300_000);

test("the guard takes every value and only those, in a switch", () => {
  const guards = require(path.join(dir, "out", "dist", "cjs", "index.js")) as Record<string, (v: unknown) => boolean>;
  for (const value of [VALUES[0], VALUES[1499], VALUES[2999]]) expect(guards.isProvider!({ provider: value })).toBe(true);
  for (const value of ["VALUE_3000", "", 0, null]) expect(guards.isProvider!({ provider: value })).toBe(false);
  const source = readFileSync(path.join(dir, "out", "src", "guards.ts"), "utf8");
  // Prettier puts one test a line: a chain is the run of lines ending with "||".
  let run = 0;
  let longest = 0;
  for (const line of source.split("\n")) longest = Math.max(longest, (run = line.trimEnd().endsWith("||") ? run + 1 : 0));
  expect(longest).toBeLessThan(64);
  expect(source).toMatch(/switch \(p\d+\) \{\s*case "VALUE_0":/);
  for (const value of VALUES) expect(source).toContain(`"${value}"`);
});
