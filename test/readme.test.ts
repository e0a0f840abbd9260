/**
 * The README's first example is what a new user copies: it is type-checked, as written, against the
 * committed generated package with the strictest consumer settings (test/typecheck/tsconfig.json).
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { KOALA_OUT, REPO_ROOT, TSC } from "./helpers/paths";
import { run } from "./helpers/run";
import { tempDir } from "./helpers/temp";

/** The first ```ts block of a markdown text. */
function firstTypeScriptBlock(markdown: string): string {
  const match = /```ts\n([\s\S]*?)```/.exec(markdown);
  if (!match) throw new Error("no ```ts block in the README");
  return match[1]!;
}

const dir = tempDir();

test("the README's quick-start example type-checks against the generated Koala package", () => {
  const example = firstTypeScriptBlock(readFileSync(path.join(REPO_ROOT, "README.md"), "utf8"));
  expect(example).toContain('from "koala-events"');
  const entry = path.join(KOALA_OUT, "src", "index.js");
  // `rawBody` stands for the request body a server received; everything else is as written.
  const source = "declare const rawBody: string;\n" + example.replace('from "koala-events"', `from ${JSON.stringify(entry)}`);
  writeFileSync(path.join(dir, "quickstart.mts"), source);
  const strict = JSON.parse(readFileSync(path.join(REPO_ROOT, "test", "typecheck", "tsconfig.json"), "utf8"));
  const compilerOptions = { ...strict.compilerOptions, noUnusedLocals: false, rootDir: "/" };
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["quickstart.mts"] }));
  const result = run(process.execPath, [TSC, "-p", path.join(dir, "tsconfig.json"), "--pretty", "false"]);
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
});
