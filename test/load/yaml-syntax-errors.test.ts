/**
 * A YAML document that does not parse is refused on one line that reads as invalid JSON's does,
 * `file:line:column: invalid YAML: reason`, with nothing written: the file named once, as given,
 * and js-yaml's place where an editor jumps to. ibm-openapi-validator's test document
 * clean-with-tabs.yml (npm) was refused as `file: cannot parse: Error parsing /absolute/file: ...`.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const dir = tempDir("koala-codegen-yaml-syntax-");

test("tab indentation in the document given: its name as given, line and column, exit 4", () => {
  writeFileSync(path.join(dir, "tabs.yml"), 'openapi: "3.0.0"\ninfo:\n\ttitle: Tabs\n\tversion: "1"\npaths: {}\n');
  const result = runCli(["generate", "--schema", "tabs.yml", "--out", "out-tabs"], { cwd: dir });
  expect(result.stderr).toBe("koala-codegen: tabs.yml:3:1: invalid YAML: tab characters must not be used in indentation\n");
  expect(result.status).toBe(4);
  expect(existsSync(path.join(dir, "out-tabs"))).toBe(false);
});

test("a referenced YAML file that does not parse (a key twice) is named from the working folder, with its line and column", () => {
  mkdirSync(path.join(dir, "parts"), { recursive: true });
  writeFileSync(path.join(dir, "parts", "pet.yaml"), "type: object\nproperties:\n  name: {type: string}\n  name: {type: integer}\n");
  writeFileSync(
    path.join(dir, "api.yaml"),
    ['openapi: "3.1.0"', "info: {title: Refs, version: '1'}", "paths: {}", "components:", "  schemas:", "    Pet: {$ref: 'parts/pet.yaml'}", ""].join("\n"),
  );
  const result = runCli(["generate", "--schema", "api.yaml", "--out", "out-refs"], { cwd: dir });
  expect(result.stderr).toBe(`koala-codegen: ${path.join("parts", "pet.yaml")}:4:3: invalid YAML: duplicated mapping key\n`);
  expect(result.stderr).not.toContain("Error parsing");
  expect(result.status).toBe(4);
  expect(existsSync(path.join(dir, "out-refs"))).toBe(false);
});
