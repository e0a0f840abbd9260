/**
 * What the builders and client guess from property names, made visible and settable:
 * `generate --verbose` prints each stamp, idempotency key and short builder (one line, with the
 * schema file and JSON pointer), and the config's `stamps`, `client.idempotencyKey` and
 * `shortBuilders` set or turn off each. Real CLI child processes on a temporary project.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/paths";
import { runCli, type RunResult } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const root = tempDir("koala-heuristics-");
const profileSchema = readFileSync(path.join(REPO_ROOT, "schemas", "koala-profile-batch-request.schema.json"), "utf8");

/** A project with Koala's profile schema and a config with `extra` merged in; generate --verbose in it. */
function generate(extra: Record<string, unknown>, schemaText = profileSchema): { result: RunResult; source: (file: string) => string } {
  const project = mkdtempSync(path.join(root, "project-"));
  writeFileSync(path.join(project, "profile.json"), schemaText);
  const config = { out: "out", schemas: [{ path: "profile.json", name: "Batch", endpoint: "/batch" }], ...extra };
  writeFileSync(path.join(project, "koala-codegen.config.json"), JSON.stringify(config, null, 2));
  const result = runCli(["generate", "--verbose"], { cwd: project });
  return { result, source: (file) => readFileSync(path.join(project, "out", "src", file), "utf8") };
}

const heuristicLines = (stderr: string): string[] => stderr.split("\n").filter((line) => line.startsWith("heuristic: "));

test("--verbose prints every stamp, idempotency key and short builder found, with file and JSON pointer", () => {
  const { result } = generate({});
  expect(result.status).toBe(0);
  expect(heuristicLines(result.stderr)).toEqual([
    "heuristic: stamps.idempotencyKey: TrackEvent.message_id (options.idempotencyKey of createTrackEvent()), found in the schema at profile.json#/$defs/TrackEvent/properties/message_id",
    "heuristic: stamps.timestamp: TrackEvent.sent_at (options.timestamp of createTrackEvent()), found in the schema at profile.json#/$defs/TrackEvent/properties/sent_at",
    "heuristic: stamps.timestamp: IdentifyCall.sent_at (options.timestamp of createIdentifyCall()), found in the schema at profile.json#/$defs/IdentifyCall/properties/sent_at",
    "heuristic: stamps.idempotencyKey: PageView.message_id (options.idempotencyKey of createPageView()), found in the schema at profile.json#/$defs/PageView/properties/message_id",
    "heuristic: stamps.timestamp: PageView.sent_at (options.timestamp of createPageView()), found in the schema at profile.json#/$defs/PageView/properties/sent_at",
    'heuristic: shortBuilders: TrackEvent.type (track() for type: "track"), found in the schema at profile.json#/$defs/TrackEvent/properties/type',
    'heuristic: shortBuilders: IdentifyCall.type (identify() for type: "identify"), found in the schema at profile.json#/$defs/IdentifyCall/properties/type',
    'heuristic: shortBuilders: PageView.type (page() for type: "page"), found in the schema at profile.json#/$defs/PageView/properties/type',
    "heuristic: idempotencyKey: Batch.message_id (filled in events, page_views by the client), found in the schema at profile.json#/$defs/TrackEvent/properties/message_id",
  ]);
  // Without --verbose: nothing of it.
  const quiet = runCli(["generate", "--schema", path.join(REPO_ROOT, "schemas", "koala-profile-batch-request.schema.json"), "--out", path.join(root, "quiet"), "--endpoint", "/batch"]);
  expect([quiet.status, heuristicLines(quiet.stderr)]).toEqual([0, []]);
});

test("the config states them: the same code, and --verbose says they were set by the config", () => {
  const found = generate({});
  const stated = generate({
    stamps: { idempotencyKey: "message_id", timestamp: "sent_at" },
    shortBuilders: { TrackEvent: "track", IdentifyCall: "identify", PageView: "page" },
    client: { idempotencyKey: "message_id" },
  });
  expect(stated.result.status).toBe(0);
  for (const file of ["builders.ts", "client.ts"]) expect(stated.source(file)).toBe(found.source(file));
  const lines = heuristicLines(stated.result.stderr);
  expect(lines).toHaveLength(9);
  for (const line of lines) expect(line).toContain(", set by the config at profile.json#/$defs/");
});

test("a property renamed in the schema is no longer guessed; the config names it", () => {
  // `message_id` renamed, and its description no longer says "idempotency": nothing says it is a key.
  const renamed = profileSchema.replace(/"message_id"/g, '"mid"').replace("Idempotency key. Omit to allow potential duplicates on retry.", "The sender's id.");
  expect(renamed).not.toMatch(/message_id|idempoten/i);
  const guessed = generate({}, renamed);
  expect(guessed.result.status).toBe(0);
  expect(heuristicLines(guessed.result.stderr).filter((l) => l.includes("idempotencyKey"))).toEqual([]);
  expect(guessed.source("client.ts")).not.toContain("idempotency:");

  const named = generate({ stamps: { idempotencyKey: "mid" }, client: { idempotencyKey: "mid" } }, renamed);
  expect(named.result.status).toBe(0);
  expect(heuristicLines(named.result.stderr)).toContain(
    "heuristic: stamps.idempotencyKey: TrackEvent.mid (options.idempotencyKey of createTrackEvent()), set by the config at profile.json#/$defs/TrackEvent/properties/mid",
  );
  expect(named.source("builders.ts")).toMatch(/runtime\.stamped\(\{ type: "track", \.\.\.runtime\.defined\(input\) \}, options, \{\s+idempotencyKey: "mid",\s+timestamp: "sent_at",\s+\}\)/);
  expect(named.source("client.ts")).toMatch(/idempotency: \{ key: "mid", arrays: \["events", "page_views"\] \}/);
});

test("false turns each off: no stamps, no client idempotency key, no short builders", () => {
  const { result, source } = generate({ stamps: false, shortBuilders: false, client: { idempotencyKey: false } });
  expect(result.status).toBe(0);
  expect(heuristicLines(result.stderr)).toEqual([
    "heuristic: stamps: off (set to false)",
    "heuristic: client.idempotencyKey: off (set to false)",
    "heuristic: shortBuilders: off (set to false)",
  ]);
  const builders = source("builders.ts");
  expect(builders).not.toContain("runtime.stamped");
  expect(builders).not.toMatch(/export function (track|identify|page)\(/);
  expect(source("client.ts")).not.toContain("idempotency:");
});

test("shortBuilders set explicitly: exactly those, under those names", () => {
  const { result, source } = generate({ shortBuilders: { TrackEvent: "trackEvent", Nope: "nope" } });
  expect(result.status).toBe(0);
  const builders = source("builders.ts");
  expect(builders).toMatch(/export function trackEvent\(/);
  expect(builders).not.toMatch(/export function (track|identify|page)\(/);
  // A type the package does not have is said where users look, as a clash is.
  expect(builders).toContain("//   Nope: named by the config's shortBuilders, but it is not an object type of this package");
  expect(heuristicLines(result.stderr).filter((l) => l.startsWith("heuristic: shortBuilders"))).toEqual([
    'heuristic: shortBuilders: TrackEvent.type (trackEvent() for type: "track"), set by the config at profile.json#/$defs/TrackEvent/properties/type',
  ]);
});

test("client.idempotencyKey naming a property of the body itself: filled there, and --verbose says so", () => {
  const order = JSON.stringify({ type: "object", required: ["amount"], properties: { amount: { type: "integer" }, order_id: { type: "string" } } });
  const { result, source } = generate({ client: { idempotencyKey: "order_id" } }, order);
  expect(result.status).toBe(0);
  expect(heuristicLines(result.stderr)).toContain("heuristic: idempotencyKey: Batch.order_id (filled in the body by the client), set by the config at profile.json#/properties/order_id");
  expect(source("client.ts")).toContain('idempotency: { key: "order_id", arrays: [], root: true }');
});

test("a bad setting is a config error naming the file and the JSON pointer (exit 10)", () => {
  const { result } = generate({ stamps: { idempotencyKey: 3, when: "x" }, shortBuilders: { TrackEvent: "not a name" } });
  expect(result.status).toBe(10);
  expect(result.stderr).toContain('koala-codegen.config.json#/stamps/idempotencyKey: "idempotencyKey" (a property name, or false) must be a non-empty string, got a number');
  expect(result.stderr).toContain('koala-codegen.config.json#/stamps/when: unknown key "when" (allowed: idempotencyKey, timestamp)');
  expect(result.stderr).toContain('koala-codegen.config.json#/shortBuilders/TrackEvent: the short builder of "TrackEvent" must be a function name, got "not a name"');
});

describe("diff reports a change in any of them", () => {
  const original = path.join(REPO_ROOT, "schemas", "koala-profile-batch-request.schema.json");
  const variant = (name: string, text: string): string => {
    const file = path.join(root, name);
    writeFileSync(file, text);
    return file;
  };

  test("the idempotency key changed: breaking for the client and the builders (exit 1)", () => {
    const changed = variant("insert-id.json", profileSchema.replace(/"message_id"/g, '"insert_id"'));
    const result = runCli(["diff", original, changed]);
    expect(result.status).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines).toContain("breaking  KoalaProfileBatchRequest: idempotencyKey changed from message_id to insert_id: the client fills another property, so the service no longer deduplicates as before");
    expect(lines).toContain("breaking  TrackEvent: stamps.idempotencyKey changed from message_id to insert_id");
    expect(lines).toContain("breaking  PageView: stamps.idempotencyKey changed from message_id to insert_id");
  });

  test("a short builder renamed by its discriminator's value, and one gained", () => {
    const renamed = variant("pageview.json", profileSchema.replace('"const": "page"', '"const": "pageview"'));
    const result = runCli(["diff", original, renamed, "--json"]);
    expect(result.status).toBe(1);
    const { changes } = JSON.parse(result.stdout) as { changes: { level: string; at: string; message: string }[] };
    expect(changes).toContainEqual({ level: "breaking", at: "PageView", message: "shortBuilders changed from page() to pageview()" });
    // Backwards: the same change read the other way.
    const back = JSON.parse(runCli(["diff", renamed, original, "--json"]).stdout) as { changes: { level: string; at: string; message: string }[] };
    expect(back.changes).toContainEqual({ level: "breaking", at: "PageView", message: "shortBuilders changed from pageview() to page()" });
  });

  test("with --config, what the config pins does not move with the schema", () => {
    const renamed = variant("pageview-pinned.json", profileSchema.replace('"const": "page"', '"const": "pageview"'));
    const result = runCli(["diff", "--config", path.join(REPO_ROOT, "koala-codegen.config.json"), original, renamed]);
    expect(result.stdout).not.toContain("shortBuilders");
    expect(result.stdout).toContain('breaking  PageView.type: value "page" removed');
  });

  test("nothing changed: no heuristic change either", () => {
    const result = runCli(["diff", original, original]);
    expect([result.status, result.stdout]).toEqual([0, "semver bump: none (0 breaking, 0 additive, 0 documentation)\n"]);
  });
});
