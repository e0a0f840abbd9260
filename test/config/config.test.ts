/** The config file's checks, one mistake per row: the JSON pointer and the message a user reads. */
import { CodegenError, errorLines } from "../../generator/errors";
import { validateConfig } from "../../generator/config/config";

const ok = { out: "gen", schemas: [{ path: "a.json" }] };

function problems(config: unknown): string[] {
  try {
    validateConfig(config, "c.json");
  } catch (error) {
    if (error instanceof CodegenError) {
      expect(error.exitCode).toBe(10);
      return errorLines(error);
    }
    throw error;
  }
  return [];
}

test("a valid config passes unchanged", () => {
  const config = { ...ok, packageName: "x", formats: "annotate", nameCollisions: "suffix", resolve: { "https://x/": "remote" }, allowNetwork: false, $schema: "s" };
  expect(validateConfig(config, "c.json")).toBe(config);
});

test.each<[string, unknown, string[]]>([
  ["not an object", [], ["c.json#: the config must be a JSON object, got an empty array"]],
  ["no out, no schemas", {}, ['c.json#/out: "out" (the output folder) must be a non-empty string, got nothing', 'c.json#/schemas: "schemas" must be a non-empty array of { path, name?, endpoint?, emit? }, got nothing']],
  ["an empty schema list", { out: "g", schemas: [] }, ['c.json#/schemas: "schemas" must be a non-empty array of { path, name?, endpoint?, emit? }, got an empty array']],
  ["an unknown top-level key", { ...ok, output: "x" }, ['c.json#/output: unknown key "output" (allowed: out, schemas, packageName, formats, nameCollisions, resolve, allowNetwork, client, stamps, shortBuilders)']],
  ["a bad nameCollisions", { ...ok, nameCollisions: "rename" }, ['c.json#/nameCollisions: "nameCollisions" must be "error" or "suffix", got "rename"']],
  ["a bad allowNetwork", { ...ok, allowNetwork: "yes" }, ['c.json#/allowNetwork: "allowNetwork" must be a boolean, got "yes"']],
  ["an object where a string goes", { out: { dir: "g" }, schemas: [{ path: "a" }] }, ['c.json#/out: "out" (the output folder) must be a non-empty string, got an object']],
  ["a bad resolve folder, pointer-escaped", { ...ok, resolve: { "http://a/b": 1 } }, ['c.json#/resolve/http:~1~1a~1b: the folder for "http://a/b" must be a non-empty string, got a number']],
  ["a schema entry that is a string", { out: "g", schemas: ["a.json"] }, ['c.json#/schemas/0: a schema entry must be an object { path, name?, endpoint?, emit? }, got "a.json"']],
  ["an empty emit", { out: "g", schemas: [{ path: "a", emit: [] }] }, ['c.json#/schemas/0/emit: "emit" must be a non-empty array of types, guards, builders, client, operations, got an empty array']],
  [
    "client mistakes",
    { ...ok, client: { name: "", retries: 3, idempotencyKey: true, suspendedErrors: "x" } },
    [
      'c.json#/client/retries: unknown key "retries" (allowed: name, baseUrl, userAgent, idempotencyKey, suspendedErrors)',
      'c.json#/client/name: "name" must be a non-empty string, got ""',
      'c.json#/client/idempotencyKey: "idempotencyKey" (a property name, or false) must be a non-empty string, got a boolean',
      'c.json#/client/suspendedErrors: "suspendedErrors" must be an array of strings, got "x"',
    ],
  ],
  ["an empty name", { out: "g", schemas: [{ path: "a", name: " " }] }, ['c.json#/schemas/0/name: "name" must be a non-empty string, got " "']],
])("%s", (_name, config, expected) => {
  expect(problems(config)).toEqual(expected);
});
