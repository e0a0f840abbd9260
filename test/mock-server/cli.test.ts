/**
 * `koala-codegen mock-server` as a real child process: serves an OpenAPI document (prints its URL
 * and operations, answers, stops on SIGTERM with exit 0), a JSON Schema at an endpoint, the config's
 * schemas; a bad document or a missing endpoint is one line on stderr and an exit code of its own.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { CLI, REPO_ROOT } from "../helpers/paths";
import { run } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const SHOP = path.join(REPO_ROOT, "test", "fixtures", "mock-server", "shop.openapi.yaml");
const DIR = tempDir("mock-cli-");

/** Starts the CLI and resolves with its URL and what it printed up to then. */
function serve(args: string[], cwd = REPO_ROOT): Promise<{ child: ChildProcessWithoutNullStreams; url: string; out: string }> {
  const child = spawn(process.execPath, [CLI, "mock-server", ...args], { cwd, stdio: ["pipe", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\n[\s\S]*__mock\/answer-all\n/.exec(out);
      if (match) resolve({ child, url: match[1]!, out });
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}${err}`)));
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on("exit", resolve)));
}

test("serves an OpenAPI document: prints the URL and every operation, answers, stops on SIGTERM", async () => {
  const { child, url, out } = await serve(["--schema", SHOP, "--seed", "5", "--no-examples"]);
  try {
    expect(out).toContain("GET    /items/{id}");
    expect(out).toContain("DELETE /items/{id}");
    const categories = await fetch(url + "/categories");
    expect(categories.status).toBe(200);
    expect(categories.headers.get("x-mock-value")).toBe("synthesized");
    expect(await categories.json()).toEqual(expect.objectContaining({ name: expect.any(String) }));
    const refused = await fetch(url + "/items?limit=0");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: [{ in: "query", path: "/limit" }] });
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exitOf(child)).toBe(0);
});

test("the same seed gives the same synthesized answers across runs", async () => {
  const bodies: string[] = [];
  for (let i = 0; i < 2; i++) {
    const { child, url } = await serve(["--schema", SHOP, "--seed", "11", "--no-examples"]);
    try {
      bodies.push(await (await fetch(url + "/reports?api_key=k")).text());
    } finally {
      child.kill("SIGTERM");
    }
    await exitOf(child);
  }
  expect(bodies[1]).toBe(bodies[0]);
});

test("a JSON Schema at --endpoint; --answer-all", async () => {
  const schema = path.join(DIR, "note.schema.json");
  writeFileSync(schema, JSON.stringify({ title: "Note", type: "object", required: ["text"], properties: { text: { type: "string" } } }));
  const { child, url, out } = await serve(["--schema", schema, "--endpoint", "PUT /notes/{id}", "--answer-all", "503"]);
  try {
    expect(out).toContain("PUT    /notes/{id}");
    expect((await fetch(url + "/notes/1", { method: "PUT", body: "{}" })).status).toBe(503);
    await fetch(url + "/__mock/answer-all", { method: "POST", body: "{}" });
    expect((await fetch(url + "/notes/1", { method: "PUT", body: "{}" })).status).toBe(400);
    expect((await fetch(url + "/notes/1", { method: "PUT", body: '{"text":"hi"}' })).status).toBe(200);
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exitOf(child)).toBe(0);
});

test("without --schema: the config's schemas that have an endpoint", async () => {
  const { child, out } = await serve([]);
  child.kill("SIGTERM");
  await exitOf(child);
  expect(out).toContain("POST   /web/projects/{publicKey}/batch");
  expect(out).toContain("POST   /web/projects/{publicKey}/accounts/batch");
});

test.each([
  ["a document the generator refuses", 12, /no_containers\.yaml/, ["--schema", path.join(REPO_ROOT, "..", "shared", "openapi", "3.1", "fail", "no_containers.yaml")]],
  ["a missing file", 3, /nowhere\.yaml/, ["--schema", "nowhere.yaml"]],
  ["a JSON Schema without --endpoint", 2, /needs an endpoint/, ["--schema", path.join(REPO_ROOT, "schemas", "koala-profile-batch-request.schema.json")]],
  ["an unknown fault kind", 2, /unknown kind "boom"/, ["--schema", SHOP, "--faults", "boom"]],
  ["a bad --answer-all", 2, /--answer-all "teapot"/, ["--schema", SHOP, "--answer-all", "teapot"]],
] as const)("%s: one line on stderr, exit %d", (_name, code, message, args) => {
  const result = run(process.execPath, [CLI, "mock-server", ...args], { cwd: DIR });
  expect(result.status).toBe(code);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stdout).toBe("");
});
