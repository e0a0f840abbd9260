/**
 * `generate --watch` as a child process: it regenerates when a schema or the config changes, prints
 * an error and keeps watching when the schema is broken. The test waits for output lines, never
 * for a fixed time.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { CLI, KOALA_SCHEMA } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const root = tempDir();
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Collects a child's output and resolves when a line matching `pattern` appears after `from`. */
class Lines {
  private text = "";
  private waiters: { pattern: RegExp; from: number; resolve: (line: string) => void }[] = [];
  constructor(stream: NodeJS.ReadableStream) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      this.text += chunk;
      this.waiters = this.waiters.filter((w) => {
        const line = this.find(w.pattern, w.from);
        if (line !== undefined) w.resolve(line);
        return line === undefined;
      });
    });
  }
  get mark(): number {
    return this.text.length;
  }
  private find(pattern: RegExp, from: number): string | undefined {
    return this.text.slice(from).split("\n").find((line) => pattern.test(line));
  }
  waitFor(pattern: RegExp, from = 0): Promise<string> {
    const line = this.find(pattern, from);
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve) => this.waiters.push({ pattern, from, resolve }));
  }
}

let child: ChildProcessWithoutNullStreams | undefined;
afterEach(() => {
  child?.kill("SIGTERM");
  child = undefined;
});

test("regenerates on schema and config changes; an error is printed and the watch goes on", async () => {
  const project = mkdtempSync(path.join(root, "watch-"));
  const schemaFile = path.join(project, "schema.json");
  const schema = JSON.parse(readFileSync(KOALA_SCHEMA, "utf8"));
  writeFileSync(schemaFile, json(schema));
  const config = { out: "out", schemas: [{ path: "schema.json", emit: ["types"] }] };
  writeFileSync(path.join(project, "koala-codegen.config.json"), json(config));
  const types = (): string => readFileSync(path.join(project, "out", "src", "types.ts"), "utf8");

  child = spawn(process.execPath, [CLI, "generate", "--watch"], { cwd: project, env: { ...process.env, NO_COLOR: "1" } });
  const stdout = new Lines(child.stdout);
  const stderr = new Lines(child.stderr);

  await stdout.waitFor(/^out: \d+ written, 0 unchanged/);
  await stdout.waitFor(/^watching 2 files for changes/);

  // A schema change: regenerated.
  let mark = stdout.mark;
  schema.$defs.PageView.properties.referrer = { type: "string", description: "Where the visitor came from." };
  writeFileSync(schemaFile, json(schema));
  await stdout.waitFor(/^out: [1-9]\d* written/, mark);
  expect(types()).toContain("Where the visitor came from.");

  // A broken schema: one error line, output untouched, still watching.
  const errMark = stderr.mark;
  writeFileSync(schemaFile, '{ "type": "object", ');
  expect(await stderr.waitFor(/^koala-codegen: /, errMark)).toMatch(/^koala-codegen: schema\.json:1:21: invalid JSON/);
  expect(types()).toContain("Where the visitor came from.");

  // Fixed again: regenerated.
  mark = stdout.mark;
  delete schema.$defs.PageView.properties.referrer;
  writeFileSync(schemaFile, json(schema));
  await stdout.waitFor(/^out: [1-9]\d* written/, mark);
  expect(types()).not.toContain("Where the visitor came from.");

  // A config change (a new root name): regenerated.
  mark = stdout.mark;
  writeFileSync(path.join(project, "koala-codegen.config.json"), json({ ...config, schemas: [{ ...config.schemas[0], name: "Batch" }] }));
  await stdout.waitFor(/^out: [1-9]\d* written/, mark);
  expect(types()).toMatch(/export (type|interface) Batch\b/);

  // A file the schema reaches through $ref (not named in the config) is watched too.
  mark = stdout.mark;
  writeFileSync(path.join(project, "money.json"), json({ type: "integer", description: "Cents." }));
  schema.properties.amount = { $ref: "money.json" };
  writeFileSync(schemaFile, json(schema));
  await stdout.waitFor(/^out: [1-9]\d* written/, mark);
  mark = stdout.mark;
  writeFileSync(path.join(project, "money.json"), json({ type: "integer", description: "Amount in cents." }));
  await stdout.waitFor(/^out: [1-9]\d* written/, mark);
  expect(types()).toContain("Amount in cents.");

  const exited = new Promise<number | null>((resolve) => child!.on("exit", resolve));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  child = undefined;
});

test("three saves under --watch after a release: one version step and one CHANGELOG entry", async () => {
  const project = mkdtempSync(path.join(root, "watch-release-"));
  const schemaFile = path.join(project, "schema.json");
  const schema = JSON.parse(readFileSync(KOALA_SCHEMA, "utf8"));
  writeFileSync(schemaFile, json(schema));
  writeFileSync(path.join(project, "koala-codegen.config.json"), json({ out: "out", schemas: [{ path: "schema.json", emit: ["types"] }] }));
  const released = runCli(["generate", "--release"], { cwd: project });
  expect(released.stdout).toMatch(/; released 0\.1\.0 in/);

  child = spawn(process.execPath, [CLI, "generate", "--watch"], { cwd: project, env: { ...process.env, NO_COLOR: "1" } });
  const stdout = new Lines(child.stdout);
  await stdout.waitFor(/^watching 2 files for changes/);

  // Each save waits for its regeneration, so the three are three runs.
  const edits = [(s: any) => (s.$defs.PageView.description = "One."), (s: any) => (s.$defs.PageView.description = "Two."), (s: any) => (s.$defs.TrackEvent.description = "Three.")];
  const lines: string[] = [];
  for (const edit of edits) {
    const mark = stdout.mark;
    edit(schema);
    writeFileSync(schemaFile, json(schema));
    lines.push(await stdout.waitFor(/^out: [1-9]\d* written/, mark));
  }
  for (const line of lines) expect(line).toMatch(/; version 0\.1\.1 \(unreleased: patch change since 0\.1\.0\) in/);

  const exited = new Promise<number | null>((resolve) => child!.on("exit", resolve));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  child = undefined;

  const out = path.join(project, "out");
  expect(JSON.parse(readFileSync(path.join(out, "package.json"), "utf8")).version).toBe("0.1.1");
  const changelog = readFileSync(path.join(out, "CHANGELOG.md"), "utf8");
  expect(changelog.split("\n").filter((l) => l.startsWith("## "))).toEqual(["## 0.1.1 (unreleased)", "## 0.1.0"]);
  expect(changelog).toContain("### Documentation\n\n- `PageView`: documentation changed (description)\n- `TrackEvent`: documentation changed (description)\n\n## 0.1.0\n");
  expect(runCli(["generate", "--check", "--quiet"], { cwd: project }).status).toBe(0);
}, 180_000);
