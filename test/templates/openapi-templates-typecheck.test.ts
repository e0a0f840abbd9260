/**
 * The OpenAPI client's runtime templates type-check with the strictest consumer settings and no
 * DOM lib nor @types/node: a generated package must not need either.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT, TSC } from "../helpers/paths";
import { run } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const dir = tempDir();

test("params.ts, security.ts and responses.ts compile with lib ES2022 only", () => {
  const templates = ["params.ts", "security.ts", "responses.ts"].map((file) => path.join(REPO_ROOT, "templates", "runtime", file));
  const config = { extends: path.join(REPO_ROOT, "test", "typecheck", "tsconfig.json"), compilerOptions: { lib: ["ES2022"], types: [] }, include: templates };
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(config));
  const result = run(process.execPath, [TSC, "-p", path.join(dir, "tsconfig.json"), "--pretty", "false"]);
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
});
