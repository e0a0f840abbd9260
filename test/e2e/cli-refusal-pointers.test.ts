/**
 * Every place the CLI names in a refused OpenAPI document (and in a warning about one) is a JSON
 * pointer a user can paste: tokens escaped with `~0`/`~1` (RFC 6901), and, shown as a URI fragment
 * after the file name, percent-encoded where a fragment cannot hold the character (RFC 6901 §6,
 * RFC 3986). Keys with "/", "~", "{", a space and non-ASCII letters, through each refusal path:
 * the semantic checks (undeclared path parameter, duplicate operationId, unresolved `$ref`, undeclared
 * security scheme), the official schema, a `$ref` to a missing file, and the warnings. Each pointer
 * printed is decoded and followed into the document it names, where it must find the place.
 * The CLI as a child process; nothing is written.
 */
import { existsSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const dir = tempDir("koala-codegen-refusal-pointers-");
const WEIRD = "/a b/é~x/{id}";
const info = { title: "Weird keys", version: "1.0.0" };

/** The printed lines `file#fragment: message`, each fragment checked and followed into `document`. */
function places(output: string, file: string, document: unknown): { pointer: string; message: string; found: unknown }[] {
  return output
    .trim()
    .split("\n")
    .map((line) => line.replace(/^(koala-codegen|warning): /, ""))
    .filter((line) => line.startsWith(`${file}#`))
    .map((line) => {
      const rest = line.slice(file.length + 1);
      const end = rest.indexOf(": ");
      const fragment = rest.slice(0, end);
      // Only characters a URI fragment may hold, and %XX escapes.
      expect(fragment).toMatch(/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*$/);
      const pointer = decodeURIComponent(fragment);
      expect(pointer).toMatch(/^(?:\/(?:[^~/]|~[01])*)*$/); // a valid JSON pointer
      let found: unknown = document;
      for (const token of pointer.split("/").slice(1).map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))) {
        found = Array.isArray(found) ? found[Number(token)] : (found as Record<string, unknown> | undefined)?.[token];
      }
      return { pointer, message: rest.slice(end + 2), found };
    });
}

function refuse(name: string, document: object, exitCode: number): { pointer: string; message: string; found: unknown }[] {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(document));
  const out = path.join(dir, `${name}-out`);
  const result = runCli(["generate", "--schema", file, "--out", out]);
  expect(result.status).toBe(exitCode);
  expect(existsSync(out)).toBe(false);
  const found = places(result.stderr, file, document);
  expect(found.length).toBeGreaterThan(0);
  return found;
}

test("semantic findings: each line's pointer, decoded, reaches the place", () => {
  const document = {
    openapi: "3.1.0",
    info,
    paths: {
      [WEIRD]: { get: { operationId: "same", responses: { "200": { description: "ok" } } } },
      "/ü {q}~1": {
        parameters: [{ name: "q", in: "path", required: true, schema: { type: "string" } }],
        post: { operationId: "same", security: [{ "key/ ~é": [] }], responses: { "200": { $ref: "#/components/responses/nö pe" } } },
      },
    },
  };
  const lines = refuse("semantic.json", document, 12);
  // The dangling $ref is no URI reference either (a space, an "ö"), which the official 3.1 schema's
  // `format: uri-reference` only annotates (JSON Schema 2020-12): one finding there, the semantic one.
  expect(lines.map((l) => l.pointer).sort()).toEqual(
    ["/paths/~1a b~1é~0x~1{id}/get", "/paths/~1ü {q}~01/post/operationId", "/paths/~1ü {q}~01/post/security/0/key~1 ~0é", "/paths/~1ü {q}~01/post/responses/200/$ref"].sort(),
  );
  for (const line of lines) expect(line.found).toBeDefined();
  // As printed: percent-encoded where a fragment needs it, "~" escapes as they are.
  const raw = runCli(["generate", "--schema", path.join(dir, "semantic.json"), "--out", path.join(dir, "x")]).stderr;
  expect(raw).toContain("semantic.json#/paths/~1a%20b~1%C3%A9~0x~1%7Bid%7D/get: path parameter \"id\"");
});

test("the official schema's finding", () => {
  const document = { openapi: "3.1.0", info, paths: { "/ä {q}": { get: { "bogus key": 1, parameters: [{ name: "q", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "ok" } } } } } };
  const [line] = refuse("official.json", document, 12);
  expect(line!.pointer).toBe("/paths/~1ä {q}/get");
  expect(line!.message).toMatch(/property "bogus key"/);
  expect(line!.found).toBeDefined();
});

test("a $ref to a missing file", () => {
  const document = { openapi: "3.1.0", info, paths: { "/f ~/{x}": { get: { parameters: [{ $ref: "./missing.json" }], responses: { "200": { description: "ok" } } } } } };
  const [line] = refuse("missing-ref.json", document, 6);
  expect(line!.pointer).toBe("/paths/~1f ~0~1{x}/get/parameters/0/$ref");
  expect(line!.found).toBe("./missing.json");
});

test("warnings name their place the same way", () => {
  const document = {
    openapi: "3.1.0",
    info,
    paths: {
      "/q é?x={y}": { get: { responses: { "204": { description: "ok" } } } },
      "/w/{a}/ø": { get: { parameters: [{ name: "a", in: "path", required: true, schema: { type: "string" } }], responses: { "204": { description: "ok" } } } },
      "/w/{b}/ø": { get: { parameters: [{ name: "b", in: "path", required: true, schema: { type: "string" } }], responses: { "204": { description: "ok" } } } },
    },
  };
  const file = path.join(dir, "warnings.json");
  writeFileSync(file, JSON.stringify(document));
  const result = runCli(["generate", "--schema", file, "--out", path.join(dir, "warnings-out"), "--emit", "types"]);
  expect(result.status).toBe(0);
  const lines = places(result.stderr, file, document);
  expect(lines.map((l) => l.pointer).sort()).toEqual(["/paths/~1q é?x={y}/get", "/paths/~1w~1{b}~1ø"]);
  for (const line of lines) expect(line.found).toBeDefined();
});

/** The `#…` places a message names in its text ("taken by #/…", "comes back to #/…"), each decoded and followed like a line's own. */
function placesInText(message: string, document: unknown): unknown[] {
  const fragments = [...message.matchAll(/(?:taken by|comes back to) #(\S*?)(?=;|$| \(as )/g)].map((m) => m[1]!);
  expect(fragments.length).toBeGreaterThan(0);
  return fragments.map((fragment) => {
    expect(fragment).toMatch(/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*$/);
    let found: unknown = document;
    for (const token of decodeURIComponent(fragment).split("/").slice(1).map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))) {
      found = (found as Record<string, unknown> | undefined)?.[token];
    }
    return found;
  });
}

test("a place inside a warning's text is shown as the line's own place (name collision: taken by #/…)", () => {
  // OpenAPI's component keys are plain (^[a-zA-Z0-9._-]+$): a JSON Schema's $defs may hold anything.
  const document = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    properties: { a: { $ref: "#/$defs/p%C3%A9t%20%7Ba%7D" }, b: { $ref: "#/$defs/p%C3%A9t-a" } },
    $defs: { "pét {a}": { type: "object", properties: { a: { type: "string" } } }, "pét-a": { type: "object", properties: { b: { type: "number" } } } },
  };
  const file = path.join(dir, "collision.json");
  writeFileSync(file, JSON.stringify(document));
  const result = runCli(["generate", "--schema", file, "--out", path.join(dir, "collision-out"), "--emit", "types"]);
  expect(result.status).toBe(0);
  const [line] = places(result.stderr, file, document).filter((l) => l.message.startsWith("name collision"));
  expect(line!.pointer).toBe("/$defs/pét-a");
  expect(line!.message).toBe('name collision: "pét-a" becomes "PétA", taken by #/$defs/p%C3%A9t%20%7Ba%7D; using "PétA2"');
  for (const found of placesInText(line!.message, document)) expect(found).toBe(document.$defs["pét {a}"]);
});

test("a place inside a refusal's text is shown as the line's own place (circular $ref: comes back to #/…)", () => {
  const document = { openapi: "3.1.0", info, paths: { "/a ö": { $ref: "#/paths/~1b%20%7Bx%7D" }, "/b {x}": { $ref: "#/paths/~1a%20%C3%B6" } } };
  const [line] = refuse("circular.json", document, 5);
  expect(line!.pointer).toBe("/paths/~1b {x}/$ref");
  expect(line!.message).toBe('$ref "#/paths/~1a%20%C3%B6" is circular: it comes back to #/paths/~1a%20%C3%B6');
  for (const found of placesInText(line!.message, document)) expect(found).toBe(document.paths["/a ö"]);
});
