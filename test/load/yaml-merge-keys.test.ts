/**
 * YAML merge keys (generator/load/yaml-merge-keys.ts): applied to a parsed YAML document as YAML 1.1
 * defines them, and end to end through the CLI on a document that uses them
 * (test/fixtures/openapi/yaml-merge-keys.yaml), which was refused before ("must NOT have additional
 * property \"<<\"").
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { applyMergeKeys } from "../../generator/load/yaml-merge-keys";
import { REPO_ROOT } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const dir = tempDir("koala-codegen-merge-keys-");

test("own keys win, then the merged mappings in order; merged keys take the place of <<", () => {
  const a = { x: 1, y: 2 };
  const b = { y: 3, z: 4 };
  const merged = applyMergeKeys({ first: 0, "<<": [a, b], x: 9 });
  expect(merged).toEqual({ first: 0, y: 2, z: 4, x: 9 });
  expect(Object.keys(merged)).toEqual(["first", "y", "z", "x"]);
  // The merged mappings are left as they were.
  expect(a).toEqual({ x: 1, y: 2 });
});

test("nested and shared mappings, merges inside merged mappings, and a __proto__ key", () => {
  const base = { "<<": { deep: true }, kind: "base" };
  const proto = JSON.parse('{"__proto__": "own"}') as Record<string, unknown>;
  const document = { one: { "<<": base }, two: { "<<": base, kind: "two" }, list: [{ "<<": proto }] };
  applyMergeKeys(document);
  expect(document.one).toEqual({ deep: true, kind: "base" });
  expect(document.two).toEqual({ deep: true, kind: "two" });
  const item = document.list[0]! as Record<string, unknown>;
  expect(Object.prototype.hasOwnProperty.call(item, "__proto__")).toBe(true);
  expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
});

test("a << whose value is not a mapping or a list of mappings stays a key", () => {
  expect(applyMergeKeys({ "<<": "text", a: 1 })).toEqual({ "<<": "text", a: 1 });
  expect(applyMergeKeys({ "<<": [{ a: 1 }, 2] })).toEqual({ "<<": [{ a: 1 }, 2] });
  expect(applyMergeKeys({ "<<": [] })).toEqual({ "<<": [] });
});

test("the CLI generates a YAML document that uses merge keys, each applied", () => {
  const out = path.join(dir, "package");
  const result = runCli(["generate", "--schema", path.join(REPO_ROOT, "test", "fixtures", "openapi", "yaml-merge-keys.yaml"), "--out", out, "--quiet"]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const types = readFileSync(path.join(out, "src", "types.ts"), "utf8");
  const thing = /export interface Thing \{[\s\S]*?\n\}/.exec(types)![0];
  // id; where << stood, audit's created (a date-time: the first mapping gives it) and named's name; then the own updated.
  expect(thing).toMatch(/\n  id: number;\n  \/\*\* @format date-time \*\/\n  created\?: string;\n  \/\*\* @minLength 1 \*\/\n  name: string;\n  updated\?: boolean;\n\}/);
  expect(thing).not.toContain("<<");
  expect(types).toMatch(/export interface ListThingsResponse400Headers \{[^}]*"X-Request-Id"\?: [^}]*"X-Hint"\?: /);
});
