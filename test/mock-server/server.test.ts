/**
 * The mock server over real HTTP on 127.0.0.1, serving Koala's OpenAPI document: routes, Koala's
 * behaviours (User-Agent drop, 400 with errors, suspension, dedupe), seeded faults, and the
 * `mock-server` CLI command.
 */
import { spawn } from "node:child_process";
import * as http from "node:http";
import * as path from "node:path";
import { FaultPlan, type InjectedFault } from "../../generator/mock-server/faults";
import { pathPattern, type MockServer } from "../../generator/mock-server/server";
import { KOALA_SUSPENDED, useMockServer } from "../helpers/koala";
import { KOALA_OPENAPI, REPO_ROOT } from "../helpers/paths";

const PROFILE = "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba";
const BATCH = "/web/projects/pk_test/batch";

/** A raw node:http POST, so headers (or their absence) are exactly what the test says. */
function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("mock server", () => {
  const mock = useMockServer();
  let server: MockServer;
  beforeEach(() => {
    server = mock();
  });
  const ua = { "content-type": "application/json", "user-agent": "tests/1.0" };
  const body = (id: string) => JSON.stringify({ profile_id: PROFILE, events: [{ type: "track", event: "x", message_id: id }], identifies: [{ type: "identify" }] });

  test("a request without User-Agent gets 200 and is dropped", async () => {
    const response = await post(server.url + BATCH, body("a"), { "content-type": "application/json" });
    expect(response).toEqual({ status: 200, body: { status: "success" } });
    expect(server.received()).toMatchObject({ requests: [], items: [], dropped: 1 });
  });

  test("valid bodies are stored, events deduped by message_id, identifies kept", async () => {
    expect((await post(server.url + BATCH, body("a"), ua)).status).toBe(200);
    expect((await post(server.url + BATCH, body("a"), ua)).status).toBe(200);
    expect((await post(server.url + BATCH, body("b"), ua)).status).toBe(200);
    const received = server.received();
    expect(received.requests).toHaveLength(3);
    expect(received.items.filter((i) => i.array === "events").map((i) => i.item.message_id)).toEqual(["a", "b"]);
    expect(received.items.filter((i) => i.array === "identifies")).toHaveLength(3);
    expect(received.duplicates).toBe(1);

    const viaHttp = await fetch(server.url + "/__mock/received").then((r) => r.json());
    expect(viaHttp).toEqual(received);
    await fetch(server.url + "/__mock/reset", { method: "POST" });
    expect(server.received().requests).toHaveLength(0);
  });

  test("invalid bodies get 400 with the guard's errors; unknown paths 404; suspension answers every path", async () => {
    const invalid = await post(server.url + BATCH, JSON.stringify({ events: [] }), ua);
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: "Invalid request", errors: expect.arrayContaining([expect.objectContaining({ path: "" })]) });
    expect((await post(server.url + BATCH, "{not json", ua)).status).toBe(400);
    expect((await post(server.url + "/elsewhere", body("c"), ua)).status).toBe(404);
    server.answerAll(KOALA_SUSPENDED);
    expect(await post(server.url + "/elsewhere", body("c"), ua)).toEqual({ status: 400, body: { error: "Koala ingest suspended" } });
    expect(server.received()).toMatchObject({ requests: [], invalid: 2 });
  });

  test("faults set over HTTP: 429 carries Retry-After", async () => {
    await fetch(server.url + "/__mock/faults", { method: "POST", body: JSON.stringify({ rate: 1, kinds: ["429"], retryAfterSeconds: 7 }) });
    const response = await fetch(server.url + BATCH, { method: "POST", body: body("d"), headers: ua });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    await response.text();
    expect(server.received().faults).toEqual({ "429": 1 });
  });
});

describe("fault plan", () => {
  test("the same seed and bodies give the same faults, whatever the arrival order", () => {
    const bodies = Array.from({ length: 400 }, (_, i) => `{"n":${i % 200}}`);
    const run = (order: string[], seed: number): Map<string, (InjectedFault | "none")[]> => {
      const plan = new FaultPlan({ rate: 0.3, seed });
      const faults = new Map<string, (InjectedFault | "none")[]>();
      for (const b of order) faults.set(b, [...(faults.get(b) ?? []), plan.next(b) ?? "none"]);
      return faults;
    };
    const forward = run(bodies, 42);
    expect(run([...bodies].reverse(), 42)).toEqual(forward);
    expect(run(bodies, 43)).not.toEqual(forward);
    const all = [...forward.values()].flat();
    const share = all.filter((f) => f !== "none").length / all.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
  });

  test.each([
    ["/web/projects/{publicKey}/batch", "/web/projects/pk_1/batch", true],
    ["/web/projects/{publicKey}/batch", "/web/projects//batch", false],
    ["/web/projects/{publicKey}/batch", "/web/projects/a/b/batch", false],
    ["/v1.0/{x}", "/v1x0/a", false],
    // Literal parts as the URL carries them (apisetu.gov.in writes paths with spaces).
    ["/Your Pull DOC/{id}", "/Your%20Pull%20DOC/7", true],
    ["/Your Pull DOC/{id}", "/Your Pull DOC/7", false],
    ["/caf\u00e9/{id}", "/caf%C3%A9/7", true],
  ])("path %s matches %s: %s", (template, pathname, expected) => {
    expect(pathPattern(template).test(pathname)).toBe(expected);
  });
});

describe("koala-codegen mock-server", () => {
  test("starts on a free port, serves, and stops on SIGINT", async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, "dist", "generator", "cli.js"), "mock-server", "--schema", KOALA_OPENAPI, "--port", "0", "--fault-rate", "1", "--faults", "503"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const response = await fetch(url + BATCH, { method: "POST", body: "{}", headers: ua() });
      expect(response.status).toBe(503);
      await response.text();
    } finally {
      child.kill("SIGINT");
    }
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on("exit", resolve)));
    expect(code).toBe(0);
  });
  const ua = () => ({ "content-type": "application/json", "user-agent": "tests/1.0" });
});
