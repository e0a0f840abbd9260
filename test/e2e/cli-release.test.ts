/**
 * The generated package's version and CHANGELOG.md across `generate` runs and `release`, as real CLI
 * child processes on a temporary project: the version steps once from the last release however many
 * runs come between, and only `release` (or a version set by hand) moves the release.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { readTree } from "../../generator/write/write-output";
import { KOALA_SCHEMA } from "../helpers/paths";
import { runCli, type RunResult } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const root = tempDir();
const koala = JSON.parse(readFileSync(KOALA_SCHEMA, "utf8"));
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** A project with a config (types only, to keep each run short) and the Koala schema. */
function project(): { dir: string; out: string; write: (edit?: (schema: any) => void) => void; cli: (...args: string[]) => RunResult } {
  const dir = mkdtempSync(path.join(root, "project-"));
  writeFileSync(path.join(dir, "koala-codegen.config.json"), json({ out: "out", packageName: "events", schemas: [{ path: "schema.json", emit: ["types"] }] }));
  const write = (edit?: (schema: any) => void): void => {
    const schema = structuredClone(koala);
    edit?.(schema);
    writeFileSync(path.join(dir, "schema.json"), json(schema));
  };
  write();
  const cli = (...args: string[]): RunResult => {
    const result = runCli(args, { cwd: dir });
    if (result.status !== 0 && !args.includes("--check")) throw new Error(`koala-codegen ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    return result;
  };
  return { dir, out: path.join(dir, "out"), write, cli };
}

const version = (out: string): string => JSON.parse(readFileSync(path.join(out, "package.json"), "utf8")).version;
const changelog = (out: string): string => readFileSync(path.join(out, "CHANGELOG.md"), "utf8");
const sections = (out: string): string[] => changelog(out).split("\n").filter((line) => line.startsWith("## "));

// Three edits: the same description twice, then another one.
const docOne = (s: any): void => void (s.$defs.PageView.description = "A page view (one).");
const docTwo = (s: any): void => void (s.$defs.PageView.description = "A page view (two).");
const docThree = (s: any): void => (docTwo(s), void (s.$defs.TrackEvent.description = "A track event (three)."));

test("repeated generate: three edits give one version step and one entry, the same bytes as one run; release starts the next", async () => {
  const { dir, out, write, cli } = project();
  expect(cli("generate").stdout).toMatch(/; version 0\.1\.0 in \d+ ms\n$/);
  expect(sections(out)).toEqual(["## 0.1.0 (unreleased)"]);
  expect(cli("release").stdout).toMatch(/^out: 2 written, \d+ unchanged, 0 removed; 1 schema, \d+ types; released 0\.1\.0 in \d+ ms\n$/);
  expect(changelog(out)).toMatch(/\n## 0\.1\.0\n\nFirst generated from schema\.json \(sha256 [0-9a-f]{12}\)\.\n$/);
  const released = path.join(dir, "released-0.1.0");
  cpSync(out, released, { recursive: true });

  write(docOne);
  expect(cli("generate").stdout).toMatch(/; version 0\.1\.1 \(unreleased: patch change since 0\.1\.0\) in/);
  write(docTwo);
  expect(cli("generate").stdout).toMatch(/; version 0\.1\.1 \(unreleased: patch change since 0\.1\.0\) in/);
  write(docThree);
  // Stale: the schema changed and nothing was regenerated.
  const stale = cli("generate", "--check");
  expect(stale.status).toBe(1);
  expect(stale.stderr).toMatch(/^out: \d+ files out of date \(CHANGELOG\.md, .*\); run koala-codegen generate\n$/);
  expect(stale.stdout).toContain("\n+- `TrackEvent`: documentation changed (description)\n");
  expect(cli("generate").stdout).toMatch(/; version 0\.1\.1 \(unreleased: patch change since 0\.1\.0\) in/);

  expect(version(out)).toBe("0.1.1");
  expect(sections(out)).toEqual(["## 0.1.1 (unreleased)", "## 0.1.0"]);
  expect(changelog(out)).toMatch(
    /\n## 0\.1\.1 \(unreleased\)\n\nFrom schema\.json \(sha256 [0-9a-f]{12}\); changes since 0\.1\.0\.\n\n### Documentation\n\n- `PageView`: documentation changed \(description\)\n- `TrackEvent`: documentation changed \(description\)\n\n## 0\.1\.0\n/,
  );
  expect(cli("generate", "--check").status).toBe(0);

  // One run from the release to the same schema: the same files, byte for byte.
  const once = path.join(dir, "once");
  cpSync(released, once, { recursive: true });
  cli("generate", "--out", "once");
  expect(await readTree(once)).toEqual(await readTree(out));

  // Released: the section is final; releasing again has nothing to do.
  expect(cli("release").stdout).toMatch(/; released 0\.1\.1 \(patch change since 0\.1\.0\) in/);
  expect(sections(out)).toEqual(["## 0.1.1", "## 0.1.0"]);
  const releasedChangelog = changelog(out);
  const again = cli("release");
  expect(again.stdout).toMatch(/: 0 written, \d+ unchanged, 0 removed; .*; version 0\.1\.1 \(already released, nothing to release\) in/);
  const releasedTree = await readTree(out);

  // The next edit starts the next step; the released sections stay as they were.
  write((s) => (docThree(s), (s.$defs.PageView.properties.referrer = { type: "string" })));
  expect(cli("generate").stdout).toMatch(/; version 0\.1\.2 \(unreleased: minor change since 0\.1\.1\) in/);
  expect(sections(out)).toEqual(["## 0.1.2 (unreleased)", "## 0.1.1", "## 0.1.0"]);
  expect(changelog(out)).toContain("### Added\n\n- `PageView.referrer`: optional property added\n\n## 0.1.1\n");
  expect(changelog(out).endsWith(releasedChangelog.slice(releasedChangelog.indexOf("## 0.1.1\n")))).toBe(true);

  // Reverted to the released schema: no pending version, the released output byte for byte.
  write(docThree);
  expect(cli("generate").stdout).toMatch(/; version 0\.1\.1 in/);
  expect(await readTree(out)).toEqual(releasedTree);
  // Some fifteen CLI runs, on a machine that may be busy.
}, 300_000);

test("a version set by hand is taken as released (with a warning); a breaking edit after two documentation edits is one major step", () => {
  const { out, write, cli } = project();
  expect(cli("generate", "--release").stdout).toMatch(/; released 0\.1\.0 in/);
  const packageJson = JSON.parse(readFileSync(path.join(out, "package.json"), "utf8"));
  writeFileSync(path.join(out, "package.json"), json({ ...packageJson, version: "1.0.0" }));

  const hand = cli("generate");
  expect(hand.stderr).toBe("warning: package.json: version 1.0.0 was set by hand (koala-codegen had set 0.1.0); it is taken as the released version\n");
  expect(hand.stdout).toMatch(/; version 1\.0\.0 in/);
  expect(sections(out)).toEqual(["## 1.0.0", "## 0.1.0"]);
  expect(changelog(out)).toContain("\n## 1.0.0\n\nFrom schema.json (sha256 ");
  expect(changelog(out)).toContain("; no change to the API since 0.1.0. Version set by hand in package.json.\n\n## 0.1.0\n");
  expect(cli("generate", "--check").stderr).toBe("");

  write(docOne);
  expect(cli("generate").stdout).toMatch(/; version 1\.0\.1 \(unreleased: patch change since 1\.0\.0\) in/);
  write(docThree);
  expect(cli("generate").stdout).toMatch(/; version 1\.0\.1 \(unreleased: patch change since 1\.0\.0\) in/);
  write((s) => (docThree(s), s.$defs.PageView.required.push("name")));
  expect(cli("generate").stdout).toMatch(/; version 2\.0\.0 \(unreleased: major change since 1\.0\.0\) in/);
  expect(version(out)).toBe("2.0.0");
  expect(sections(out)).toEqual(["## 2.0.0 (unreleased)", "## 1.0.0", "## 0.1.0"]);
  expect(changelog(out)).toContain(
    [
      "; changes since 1.0.0.",
      "",
      "### Breaking",
      "",
      "- `PageView.name`: now required",
      "",
      "### Documentation",
      "",
      "- `PageView`: documentation changed (description)",
      "- `TrackEvent`: documentation changed (description)",
      "",
      "## 1.0.0",
    ].join("\n"),
  );
}, 300_000);

test("release does not go with --check or --watch", () => {
  const { dir } = project();
  for (const args of [["generate", "--release", "--check"], ["release", "--check"], ["release", "--watch"]]) {
    const result = runCli(args, { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^koala-codegen: Arguments release and (check|watch) are mutually exclusive\n/);
  }
});
