/**
 * A large OpenAPI document's checks (semantic rules and the official schema) run on the CLI's
 * worker thread while the main thread reads the document (load/load-schema.ts, from
 * CHECK_ON_THREAD_FROM_CHARS). What the user sees must not depend on where they ran: the same
 * refusal lines and exit code, nothing written, the previous output intact, and the same warnings
 * in the same order, as for the same document small enough to be checked on the main thread.
 * The CLI as a child process; `KOALA_CODEGEN_TIMINGS=1` shows which thread checked.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { CHECK_ON_THREAD_FROM_CHARS } from "../../generator/load/load-schema";
import { runCli, type RunResult } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const dir = tempDir("koala-codegen-checks-on-thread-");
const ON_THREAD = "worker: checked the OpenAPI document";

/** `document` written as api.json in a folder of its own, with a description that makes it `size` characters or more, and generated there by the CLI into `out/` (which holds an earlier file, `previous`: its text after the run). */
function generateAt(name: string, document: Record<string, unknown>, size: number): RunResult & { previous?: string } {
  const folder = path.join(dir, name);
  mkdirSync(path.join(folder, "out"), { recursive: true });
  const previous = path.join(folder, "out", "previous.txt");
  writeFileSync(previous, "earlier output\n");
  const info = { ...(document.info as object), description: "x".repeat(size) };
  writeFileSync(path.join(folder, "api.json"), JSON.stringify({ ...document, info }));
  const result = runCli(["generate", "--schema", "api.json", "--out", "out"], { cwd: folder, env: { KOALA_CODEGEN_TIMINGS: "1" } });
  // A run that writes replaces the folder; one refused leaves it as it was.
  return { ...result, ...(existsSync(previous) && { previous: readFileSync(previous, "utf8") }) };
}

/** stderr without the timing lines. */
const said = (stderr: string): string =>
  stderr
    .split("\n")
    .filter((line) => !line.startsWith("timings:"))
    .join("\n");

/** The document large (checked on the worker) and small (checked here): what each run says, and that each was checked where expected. */
function bothWays(name: string, document: Record<string, unknown>): { large: RunResult & { previous?: string }; small: RunResult & { previous?: string } } {
  const large = generateAt(`${name}-large`, document, CHECK_ON_THREAD_FROM_CHARS);
  const small = generateAt(`${name}-small`, document, 10);
  expect(large.stderr).toContain(ON_THREAD);
  expect(small.stderr).not.toContain(ON_THREAD);
  return { large, small };
}

const ok = { "200": { description: "ok" } };

test("a refused document: the same lines and exit code whichever thread checked it, nothing written", () => {
  const document = {
    openapi: "3.0.3",
    // No `version`: the official schema's finding, after the semantic ones.
    info: { title: "Refused" },
    paths: {
      "/pets": { get: { operationId: "same", responses: ok } },
      // An undeclared path parameter, the same operationId again, and a `$ref` that resolves nowhere,
      // which reading the operations would fail on too: the checks' refusal comes first.
      "/pets/{petId}": { get: { operationId: "same", responses: { "200": { $ref: "#/components/responses/Missing" } } } },
    },
  };
  const { large, small } = bothWays("refused", document);
  expect(large.status).toBe(12);
  expect(small.status).toBe(12);
  const lines = said(large.stderr).trim().split("\n");
  expect(lines.length).toBeGreaterThanOrEqual(4);
  expect(said(large.stderr)).toContain("api.json#/info: must have required property 'version'");
  expect(said(large.stderr)).toBe(said(small.stderr));
  expect(large.previous).toBe("earlier output\n");
});

test("a document with warnings: generated, its warnings said in the same order whichever thread checked it", () => {
  const document = {
    openapi: "3.1.0",
    info: { title: "Twins", version: "1.0.0" },
    paths: {
      // Templates that differ only in the parameter's name: a warning of the semantic checks.
      "/pets/{petId}": { get: { operationId: "getPet", parameters: [{ name: "petId", in: "path", required: true, schema: { type: "string" } }], responses: ok } },
      "/pets/{id}": { get: { operationId: "getPetById", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: ok } },
    },
  };
  const { large, small } = bothWays("warned", document);
  expect(large.status).toBe(0);
  expect(small.status).toBe(0);
  const warnings = said(large.stderr)
    .split("\n")
    .filter((line) => line.startsWith("warning:"));
  expect(warnings.some((line) => line.includes("api.json#/paths/~1pets~1{id}") || line.includes("api.json#/paths/~1pets~1%7Bid%7D"))).toBe(true);
  expect(said(large.stderr)).toBe(said(small.stderr));
  // The two packages differ only where the description is.
  expect(readFileSync(path.join(dir, "warned-large", "out", "src", "operations.ts"), "utf8")).toBe(readFileSync(path.join(dir, "warned-small", "out", "src", "operations.ts"), "utf8"));
});
