/**
 * `koala-codegen diff`: a schema change classified, and the exit code for CI. The version and
 * CHANGELOG.md that `generate` and `release` derive from such changes: cli-release.test.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { KOALA_SCHEMA } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const root = tempDir();
const koala = JSON.parse(readFileSync(KOALA_SCHEMA, "utf8"));
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function edited(name: string, edit: (schema: any) => void): string {
  const schema = structuredClone(koala);
  edit(schema);
  const file = path.join(root, name);
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
