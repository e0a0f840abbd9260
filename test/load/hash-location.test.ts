/**
 * The schema hash (in every generated file's header and in koala-codegen.api.json) depends on what
 * the documents say, not on where the repository is: a clean clone elsewhere must find the committed
 * output current. The schemas, configs and committed packages are copied to a temporary folder and
 * `generate --check` runs there (a real child process). Koala's OpenAPI document once failed this:
 * its parameters' in-memory document names the other files by absolute URI, and it was hashed too.
 */
import { cpSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const copy = tempDir("koala-codegen-elsewhere-");
for (const entry of ["schemas", "generated", "koala-codegen.config.json", "koala-codegen.openapi.config.json"]) {
  cpSync(path.join(REPO_ROOT, entry), path.join(copy, entry), { recursive: true });
}

test.each(["koala-codegen.config.json", "koala-codegen.openapi.config.json"])("the committed output of %s is current when the repository is elsewhere", (config) => {
  const result = runCli(["generate", "--check", "--config", config], { cwd: copy });
  expect(result.stderr).toBe("");
  expect(result.stdout).toMatch(/: up to date \(/);
  expect(result.status).toBe(0);
});
