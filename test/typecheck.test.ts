/**
 * `tsc --noEmit` with the strictest consumer settings over the generated sources and the
 * type-level fixtures in test/typecheck/ (which prove rejections with `@ts-expect-error`).
 */
import * as path from "node:path";
import { REPO_ROOT, TSC } from "./helpers/paths";
import { run } from "./helpers/run";

test("generated sources and type-level fixtures type-check (every @ts-expect-error is an error)", () => {
  const result = run(process.execPath, [TSC, "-p", path.join(REPO_ROOT, "test", "typecheck", "tsconfig.json"), "--pretty", "false"]);
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
});

test("the generator, templates, tests and scripts type-check", () => {
  const result = run(process.execPath, [TSC, "-p", path.join(REPO_ROOT, "tsconfig.json"), "--noEmit", "--pretty", "false"]);
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
});
