/**
 * The tests of a committed package under generated/: a snapshot of every generated source file,
 * and the drift check that the committed folder is exactly what the generator produces now (with
 * the call of `npm run generate` that writes it).
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { readTree } from "../../generator/write/write-output";
import { generateArgsInto } from "./generate-script";
import { REPO_ROOT } from "./paths";
import { runCli } from "./run";
import { tempDir } from "./temp";

export interface CommittedPackage {
  /** The committed folder (absolute). */
  out: string;
  /** The config file its generate call names (none: the default config). */
  config?: string;
  /** What `generate --check` prints for it: "2 schemas, 16 types". */
  checkSummary: RegExp;
  /** Warnings `generate` may print for it (each a whole line of stderr); none by default. */
  warnings?: RegExp[];
}

/** Declares the drift, `--check`, determinism and snapshot tests of one committed package. */
export function testCommittedOutput({ out: committedOut, config, checkSummary, warnings = [] }: CommittedPackage): void {
  const dir = tempDir();
  const shown = path.relative(REPO_ROOT, committedOut);
  let fresh: Map<string, string>;

  /** The version and CHANGELOG follow from the previous output (release/release.ts): start from the committed one's. */
  function seedRelease(out: string): void {
    mkdirSync(out, { recursive: true });
    for (const file of ["package.json", "koala-codegen.api.json", "CHANGELOG.md"]) {
      if (existsSync(path.join(committedOut, file))) copyFileSync(path.join(committedOut, file), path.join(out, file));
    }
  }

  beforeAll(async () => {
    const out = path.join(dir, "fresh");
    seedRelease(out);
    const result = runCli(generateArgsInto(out, config));
    if (result.status !== 0) throw new Error(`generate failed (${result.status}): ${result.stderr}`);
    fresh = await readTree(out);
  });

  test("drift: generated/ is what `npm run generate` produces now", async () => {
    const committed = await readTree(committedOut);
    const stale = [...new Set([...committed.keys(), ...fresh.keys()])].filter((p) => committed.get(p) !== fresh.get(p)).sort();
    if (stale.length > 0) {
      throw new Error(`${shown} is out of date in ${stale.length} file(s): ${stale.join(", ")}. Run: npm run generate`);
    }
    expect(fresh.size).toBeGreaterThan(0);
  });

  test("`generate --check` agrees: the committed output is current", () => {
    const result = runCli(["generate", "--check", ...(config === undefined ? [] : ["--config", config])]);
    const unexpected = result.stderr.split("\n").filter((line) => line !== "" && !warnings.some((w) => w.test(line)));
    expect(unexpected).toEqual([]);
    const line = new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: up to date \\(\\d+ files; ${checkSummary.source}\\) in \\d+ ms\\n$`);
    expect(result.stdout).toMatch(line);
    expect(result.status).toBe(0);
  });

  test("a second generation is byte-identical (deterministic, no timestamps)", async () => {
    const again = path.join(dir, "again");
    seedRelease(again);
    expect(runCli(generateArgsInto(again, config)).status).toBe(0);
    expect(await readTree(again)).toEqual(fresh);
  });

  test("snapshot of every generated source file", () => {
    // dist/ is compiled from src/ and checked by the drift test and the consumer test.
    const sources = [...fresh.keys()].filter((p) => !p.startsWith("dist/")).sort();
    expect(sources).toContain("src/types.ts");
    for (const file of sources) expect(fresh.get(file)).toMatchSnapshot(file);
  });
}
