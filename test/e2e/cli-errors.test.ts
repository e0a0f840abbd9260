/**
 * Bad input: one line naming the file and where (line:column or JSON pointer), a non-zero exit
 * code of its own, and the previous output left exactly as it was.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { readTree } from "../../generator/write/write-output";
import { KOALA_SCHEMA } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const dir = tempDir();
const out = path.join(dir, "out");
let before: Map<string, string>;

beforeAll(async () => {
  const ok = runCli(["generate", "--schema", KOALA_SCHEMA, "--out", out, "--emit", "types", "--quiet"]);
  expect(ok.status).toBe(0);
  before = await readTree(out);
  expect(before.size).toBeGreaterThan(0);
});

function schemaFile(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

test.each<[string, () => string, number, RegExp]>([
  ["a missing schema file", () => path.join(dir, "nope.json"), 3, /nope\.json: file not found/],
  ["invalid JSON, with line:column", () => schemaFile("broken.json", '{\n  "type": "object",\n  "properties": {,\n}'), 4, /broken\.json:3:18: invalid JSON/],
  ["truncated JSON, at its end", () => schemaFile("short.json", '{"type": "object"'), 4, /short\.json:1:18: invalid JSON/],
  ["a $ref that does not resolve, with its pointer", () => schemaFile("ref.json", JSON.stringify({ properties: { a: { $ref: "#/$defs/Nope" } } })), 6, /ref\.json#\/properties\/a\/\$ref: \$ref "#\/\$defs\/Nope" does not resolve/],
  ["a $ref to a missing file", () => schemaFile("file-ref.json", JSON.stringify({ items: { $ref: "other.json#/x" } })), 6, /file-ref\.json#\/items\/\$ref: .*file not found/],
  ["a keyword value of the wrong type", () => schemaFile("bad-kw.json", JSON.stringify({ properties: { e: { maxItems: "30" } } })), 5, /bad-kw\.json#\/properties\/e\/maxItems: "maxItems" must be a non-negative integer/],
])("%s: one line, its own exit code, previous output intact", async (_name, makeSchema, exitCode, message) => {
  const result = runCli(["generate", "--schema", makeSchema(), "--out", out]);
  expect(result.status).toBe(exitCode);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^koala-codegen: /);
  expect(lines[0]).toMatch(message);
  expect(result.stdout).toBe("");
  expect(await readTree(out)).toEqual(before);
});

test("usage errors exit 2 and point to --help", () => {
  const result = runCli(["generate", "--out", out]);
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/Missing required argument: schema/);
});

test("--help shows the commands and examples", () => {
  const result = runCli(["generate", "--help"]);
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/--schema/);
  expect(result.stdout).toMatch(/Examples:/);
});
