/**
 * `koala-codegen diff` and the release bookkeeping of `generate`: a schema change classified, the
 * exit code for CI, and the generated package's version and CHANGELOG.md bumped by it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { KOALA_SCHEMA } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const root = tempDir();
const koala = JSON.parse(readFileSync(KOALA_SCHEMA, "utf8"));
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function edited(name: string, edit: (schema: any) => void, folder = root): string {
  const schema = structuredClone(koala);
  edit(schema);
  const file = path.join(folder, name);
  writeFileSync(file, json(schema));
  return file;
}

describe("diff <old> <new>", () => {
  test("a breaking change: each change on a line, the bump, exit 1", () => {
    const after = edited("breaking.json", (s) => {
      s.properties.events.maxItems = 10;
      s.$defs.TrackEvent.required.push("sent_at");
      s.properties.source = { type: "string" };
    });
    const result = runCli(["diff", KOALA_SCHEMA, after], { cwd: root });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        "breaking  KoalaProfileBatchRequest.events: maxItems lowered from 30 to 10",
        "breaking  TrackEvent.sent_at: now required",
        "additive  KoalaProfileBatchRequest.source: optional property added",
        "semver bump: major (2 breaking, 1 additive, 0 documentation)",
        "",
      ].join("\n"),
    );
    expect(result.status).toBe(1);
  });

  test("an additive change: exit 0; --json for machines", () => {
    const after = edited("additive.json", (s) => (s.$defs.PageView.properties.referrer = { type: "string" }));
    const result = runCli(["diff", KOALA_SCHEMA, after, "--json"], { cwd: root });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ bump: "minor", breaking: 0, changes: [{ level: "additive", at: "PageView.referrer", message: "optional property added" }] });
  });

  test("the same schema: no changes, exit 0", () => {
    const result = runCli(["diff", KOALA_SCHEMA, KOALA_SCHEMA, "--quiet"], { cwd: root });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("semver bump: none (0 breaking, 0 additive, 0 documentation)\n");
  });

  test("a schema that does not load: its own error and exit code", () => {
    const result = runCli(["diff", KOALA_SCHEMA, path.join(root, "missing.json")], { cwd: root });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^koala-codegen: .*missing\.json: file not found/);
  });
});

describe("generate: version and CHANGELOG.md follow the schema changes", () => {
  test("first 0.1.0; additive → 0.1.1; nothing → unchanged; breaking → 0.2.0; --check sees the pending bump", () => {
    const project = mkdtempSync(path.join(root, "project-"));
    const schema = path.join(project, "schema.json");
    writeFileSync(schema, json(koala));
    writeFileSync(path.join(project, "koala-codegen.config.json"), json({ out: "out", packageName: "events", schemas: [{ path: "schema.json", emit: ["types"] }] }));
    const out = path.join(project, "out");
    const version = (): string => JSON.parse(readFileSync(path.join(out, "package.json"), "utf8")).version;
    const changelog = (): string => readFileSync(path.join(out, "CHANGELOG.md"), "utf8");

    const first = runCli(["generate"], { cwd: project });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/; version 0\.1\.0 in \d+ ms/);
    expect(version()).toBe("0.1.0");
    expect(changelog()).toMatch(/## 0\.1\.0\n\nFirst generated from schema\.json \(sha256 [0-9a-f]{12}\)\.\n$/);

    edited("schema.json", (s) => (s.$defs.PageView.properties.referrer = { type: "string" }), project);
    const drift = runCli(["generate", "--check"], { cwd: project });
    expect(drift.status).toBe(1);
    expect(drift.stdout).toContain('-  "version": "0.1.0",\n+  "version": "0.1.1",');

    const additive = runCli(["generate"], { cwd: project });
    expect(additive.stdout).toMatch(/; version 0\.1\.1 \(minor change\) in/);
    expect(version()).toBe("0.1.1");
    expect(changelog()).toContain("## 0.1.1\n\nFrom schema.json (sha256 ");
    expect(changelog()).toContain("### Added\n\n- `PageView.referrer`: optional property added\n\n## 0.1.0\n");

    const again = runCli(["generate"], { cwd: project });
    expect(again.stdout).toMatch(/: 0 written, \d+ unchanged, 0 removed; .*; version 0\.1\.1 in/);

    edited("schema.json", (s) => ((s.$defs.PageView.properties.referrer = { type: "string" }), s.$defs.PageView.required.push("name")), project);
    const breaking = runCli(["generate"], { cwd: project });
    expect(breaking.stdout).toMatch(/; version 0\.2\.0 \(major change\) in/);
    expect(changelog()).toMatch(/## 0\.2\.0\n\nFrom schema\.json \(sha256 [0-9a-f]{12}\)\.\n\n### Breaking\n\n- `PageView\.name`: now required\n\n## 0\.1\.1\n/);
    expect(runCli(["generate", "--check", "--quiet"], { cwd: project }).status).toBe(0);
  });
});
