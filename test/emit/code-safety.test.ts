/**
 * Safe by type: only emit/code.ts turns text into `Code` (its constructors escape or validate what
 * comes from a schema); every emitter builds code from those values, never with `new Code(...)`.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/paths";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : entry.name.endsWith(".ts") ? [file] : [];
  });
}

test("no `new Code(` outside emit/code.ts", () => {
  const generator = path.join(REPO_ROOT, "generator");
  const offenders = sources(generator)
    .filter((file) => file !== path.join(generator, "emit", "code.ts"))
    .filter((file) => readFileSync(file, "utf8").includes("new Code("))
    .map((file) => path.relative(REPO_ROOT, file));
  expect(offenders).toEqual([]);
});
