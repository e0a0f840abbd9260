/**
 * `generate` as a user runs it: a config with two schemas in a temporary project, flags that
 * override it, `--check` in CI, and writes that leave unchanged files alone.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { readTree } from "../../generator/write/write-output";
import { REPO_ROOT } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const root = tempDir();
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const profileSchema = readFileSync(path.join(REPO_ROOT, "schemas", "koala-profile-batch-request.schema.json"), "utf8");
const accountSchema = readFileSync(path.join(REPO_ROOT, "schemas", "koala-account-batch-request.schema.json"), "utf8");

/** A fresh project folder per test (tests do not depend on each other): two schemas and a config; `generated` runs generate once. */
function makeProject(generated = true): { project: string; out: string } {
  const project = mkdtempSync(path.join(root, "project-"));
  mkdirSync(path.join(project, "schemas"));
  writeFileSync(path.join(project, "schemas", "profile.json"), profileSchema);
  writeFileSync(path.join(project, "schemas", "account.json"), accountSchema);
  writeFileSync(
    path.join(project, "koala-codegen.config.json"),
    json({
      out: "generated/events",
      packageName: "@acme/events",
      schemas: [
        { path: "schemas/profile.json", name: "ProfileBatch", endpoint: "/web/projects/{publicKey}/batch", emit: ["types"] },
        { path: "schemas/account.json", name: "AccountBatch", endpoint: "/web/projects/{publicKey}/accounts/batch", emit: ["types"] },
      ],
    }),
  );
  if (generated) {
    const result = runCli(["generate", "--quiet"], { cwd: project });
    if (result.status !== 0) throw new Error(`generate failed: ${result.stderr}`);
  }
  return { project, out: path.join(project, "generated", "events") };
}

test("the config's schemas become one package; shared definitions are exported once", async () => {
  const { project, out } = makeProject(false);
  const result = runCli(["generate"], { cwd: project });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^generated\/events: \d+ written, 0 unchanged, 0 removed; 2 schemas, \d+ types(; version \S+)? in \d+ ms\n$/);
  const files = await readTree(out);
  const types = files.get("src/types.ts")!;
  expect(types).toMatch(/export interface ProfileBatch|export type ProfileBatch/);
  expect(types).toMatch(/export type AccountBatch =/);
  expect(types.match(/export interface TrackEvent\b/g)).toHaveLength(1);
  expect(JSON.parse(files.get("package.json")!).name).toBe("@acme/events");
});

test("a second run rewrites nothing: same inodes and mtimes", async () => {
  const { project, out } = makeProject();
  const before = statSync(path.join(out, "src", "types.ts"));
  const result = runCli(["generate"], { cwd: project });
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/: 0 written, \d+ unchanged, 0 removed;/);
  const after = statSync(path.join(out, "src", "types.ts"));
  expect(after.ino).toBe(before.ino);
  expect(after.mtimeMs).toBe(before.mtimeMs);
});

test("a change rewrites only the files it touches; unchanged files keep their inode; node_modules survives", async () => {
  const { project, out } = makeProject();
  mkdirSync(path.join(out, "node_modules", "x"), { recursive: true });
  writeFileSync(path.join(out, "node_modules", "x", "keep.txt"), "mine");
  // dist/cjs/package.json never changes with the schema.
  const cjsBefore = statSync(path.join(out, "dist", "cjs", "package.json"));
  const typesBefore = statSync(path.join(out, "src", "types.ts"));
  const schema = JSON.parse(accountSchema);
  schema.properties.domain.description = "The account's domain.";
  writeFileSync(path.join(project, "schemas", "account.json"), json(schema));
  const result = runCli(["generate", "--quiet"], { cwd: project });
  expect(result.status).toBe(0);
  expect(result.stdout).toBe("");
  expect(readFileSync(path.join(out, "src", "types.ts"), "utf8")).toContain("The account's domain.");
  expect(statSync(path.join(out, "src", "types.ts")).ino).not.toBe(typesBefore.ino);
  const cjsAfter = statSync(path.join(out, "dist", "cjs", "package.json"));
  expect(cjsAfter.ino).toBe(cjsBefore.ino);
  expect(cjsAfter.mtimeMs).toBe(cjsBefore.mtimeMs);
  expect(readFileSync(path.join(out, "node_modules", "x", "keep.txt"), "utf8")).toBe("mine");
});

test("--check: one line and exit 0 when in sync; a unified diff and exit 1 after an edit; nothing written", async () => {
  const { project, out } = makeProject();
  const ok = runCli(["generate", "--check"], { cwd: project });
  expect(ok.stderr).toBe("");
  expect(ok.status).toBe(0);
  expect(ok.stdout).toMatch(/^generated\/events: up to date \(\d+ files; 2 schemas, \d+ types\) in \d+ ms\n$/);

  const typesFile = path.join(out, "src", "types.ts");
  const original = readFileSync(typesFile, "utf8");
  writeFileSync(typesFile, original.replace("export type AccountBatch", "export type AccountBatchEdited"));
  writeFileSync(path.join(out, "src", "stray.ts"), "export {};\n");
  const drift = runCli(["generate", "--check"], { cwd: project });
  expect(drift.status).toBe(1);
  expect(drift.stdout).toContain("--- a/generated/events/src/types.ts\n+++ b/generated/events/src/types.ts\n@@ ");
  expect(drift.stdout).toMatch(/^-export type AccountBatchEdited =/m);
  expect(drift.stdout).toMatch(/^\+export type AccountBatch =/m);
  expect(drift.stdout).toContain("--- a/generated/events/src/stray.ts\n+++ /dev/null");
  expect(drift.stderr).toBe("generated/events: 2 files out of date (src/types.ts, src/stray.ts (not generated)); run koala-codegen generate\n");
  // --check wrote nothing.
  expect(readFileSync(typesFile, "utf8")).toContain("AccountBatchEdited");
  expect(runCli(["generate", "--quiet"], { cwd: project }).status).toBe(0);
  expect(runCli(["generate", "--check", "--quiet"], { cwd: project }).stdout).toBe("");
});

test("flags override the config: --out, --emit, --package-name", async () => {
  const { project, out } = makeProject();
  const other = path.join(project, "other");
  const result = runCli(["generate", "--out", "other", "--package-name", "other-events", "--emit", "types", "--quiet"], { cwd: project });
  expect(result.status).toBe(0);
  const files = await readTree(other);
  expect(JSON.parse(files.get("package.json")!).name).toBe("other-events");
  expect(files.get("src/types.ts")).toMatch(/AccountBatch/);
});

test("--config points to a config elsewhere; its paths are relative to it", async () => {
  const { project } = makeProject();
  const elsewhere = mkdtempSync(path.join(root, "elsewhere-"));
  const result = runCli(["generate", "--config", path.join(project, "koala-codegen.config.json"), "--check", "--quiet"], { cwd: elsewhere });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
});

test("--schema replaces the config's schemas; --name names its root", async () => {
  const { project, out } = makeProject();
  const single = path.join(project, "single");
  const result = runCli(["generate", "--schema", "schemas/profile.json", "--name", "Batch", "--out", "single", "--quiet"], { cwd: project });
  expect(result.status).toBe(0);
  const types = (await readTree(single)).get("src/types.ts")!;
  expect(types).toMatch(/export type Batch =|export interface Batch\b/);
  expect(types).not.toMatch(/AccountBatch/);
});

test("a run interrupted between the two renames of the swap is repaired by the next run", async () => {
  const { project, out } = makeProject();
  mkdirSync(path.join(out, "node_modules", "x"), { recursive: true });
  writeFileSync(path.join(out, "node_modules", "x", "keep.txt"), "mine");
  const files = await readTree(out);
  // What a kill -9 between `out → out.old` and `stage → out` leaves: no output, a complete .old.
  renameSync(out, `${out}.koala-codegen-999999999-1.old`);
  const result = runCli(["generate", "--check", "--quiet"], { cwd: project });
  expect(result.status).toBe(1); // --check reads, it does not repair
  const fixed = runCli(["generate"], { cwd: project });
  expect(fixed.status).toBe(0);
  expect(fixed.stdout).toMatch(/: 0 written, \d+ unchanged, 0 removed;/);
  expect(await readTree(out)).toEqual(files);
  expect(readFileSync(path.join(out, "node_modules", "x", "keep.txt"), "utf8")).toBe("mine");
});

test("colours only on a terminal: plain text in a pipe, ANSI colours when forced", () => {
  const { project } = makeProject();
  const plain = runCli(["generate", "--check"], { cwd: project, env: { NO_COLOR: "", FORCE_COLOR: "" } });
  expect(plain.status).toBe(0);
  expect(plain.stdout).not.toContain("\u001b[");
  const forced = runCli(["generate", "--check"], { cwd: project, env: { NO_COLOR: "", FORCE_COLOR: "1" } });
  expect(forced.stdout).toMatch(/^\u001b\[32mgenerated\/events\u001b\[39m: up to date/);
});
