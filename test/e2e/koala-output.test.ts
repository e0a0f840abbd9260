/**
 * The committed Koala package: a snapshot of every generated file, and the drift check that the
 * committed `generated/koala` is exactly what the generator produces now.
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { readTree } from "../../generator/write/write-output";
import { generateArgsInto } from "../helpers/generate-script";
import { KOALA_OUT } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const dir = tempDir();
let fresh: Map<string, string>;

/** The version and CHANGELOG follow from the previous output (release/release.ts): start from the committed one's. */
function seedRelease(out: string): void {
  mkdirSync(out, { recursive: true });
  for (const file of ["package.json", "koala-codegen.api.json", "CHANGELOG.md"]) {
    if (existsSync(path.join(KOALA_OUT, file))) copyFileSync(path.join(KOALA_OUT, file), path.join(out, file));
  }
}

beforeAll(async () => {
  const out = path.join(dir, "koala");
  seedRelease(out);
  const result = runCli(generateArgsInto(out));
  if (result.status !== 0) throw new Error(`generate failed (${result.status}): ${result.stderr}`);
  fresh = await readTree(out);
});

test("drift: generated/ is what `npm run generate` produces now", async () => {
  const committed = await readTree(KOALA_OUT);
  const stale = [...new Set([...committed.keys(), ...fresh.keys()])].filter((p) => committed.get(p) !== fresh.get(p)).sort();
  if (stale.length > 0) {
    throw new Error(`generated/koala is out of date in ${stale.length} file(s): ${stale.join(", ")}. Run: npm run generate`);
  }
  expect(fresh.size).toBeGreaterThan(0);
});

test("`generate --check` agrees: the committed output is current", () => {
  const result = runCli(["generate", "--check"]);
  expect(result.stderr).toBe("");
  expect(result.stdout).toMatch(/^generated\/koala: up to date \(\d+ files; 2 schemas, \d+ types\) in \d+ ms\n$/);
  expect(result.status).toBe(0);
});

test("a second generation is byte-identical (deterministic, no timestamps)", async () => {
  const again = path.join(dir, "again");
  seedRelease(again);
  expect(runCli(generateArgsInto(again)).status).toBe(0);
  expect(await readTree(again)).toEqual(fresh);
});

test("snapshot of every generated source file", () => {
  // dist/ is compiled from src/ and checked by the drift test and the consumer test.
  const sources = [...fresh.keys()].filter((p) => !p.startsWith("dist/")).sort();
  expect(sources).toContain("src/types.ts");
  for (const file of sources) expect(fresh.get(file)).toMatchSnapshot(file);
});
