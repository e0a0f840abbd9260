/**
 * Installable in a consuming repo: `npm pack` gives a tarball that a fresh project installs as a dev
 * dependency (offline, from the npm cache our own install filled), runs with `npx koala-codegen
 * generate` (compiled JS, no ts-node/tsx) and `generate --check`, then imports the package it generated.
 * One test: it is the slow one (about 20 s).
 *
 * Offline works on a machine whose npm cache holds only what `npm ci` fetched (CI runs with an empty
 * cache): `npm ci` caches tarballs by integrity but not the registry's metadata, so resolving the
 * tarball's version ranges would need the network (ENOTCACHED). The fresh project therefore starts
 * with a lock file that pins our own runtime dependencies at the versions package-lock.json tested,
 * which npm installs from the cache without asking the registry anything.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/paths";
import { run } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const root = tempDir("koala-codegen-pack-");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
// Offline: the only registry is the npm cache; nothing may reach the network.
const offline = ["--offline", "--no-audit", "--no-fund", "--loglevel=error"];

/** A lock file for a project named `name` holding our runtime dependencies (not the dev ones) as package-lock.json pins them. */
function runtimeDependenciesLock(name: string): string {
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, "package-lock.json"), "utf8")) as { lockfileVersion: number; packages: Record<string, { dev?: boolean }> };
  const runtime = Object.entries(lock.packages).filter(([where, entry]) => where !== "" && !entry.dev);
  return JSON.stringify({ name, lockfileVersion: lock.lockfileVersion, requires: true, packages: { "": { name }, ...Object.fromEntries(runtime) } }, null, 2);
}

test("npm pack → install in a fresh project → npx koala-codegen generate → import the generated package", () => {
  // `npm test` has built dist/ already; --ignore-scripts keeps the pack from rebuilding under running tests.
  const pack = run(npm, ["pack", "--ignore-scripts", "--json", "--pack-destination", root], { cwd: REPO_ROOT });
  expect(pack.status).toBe(0);
  const [info] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
  const shipped = info.files.map((f) => f.path);
  expect(shipped).toContain("dist/generator/cli.js");
  // The mock server reads numbers with the client runtime's own test (generator/mock-server/parameters.ts imports it).
  expect(shipped).toContain("dist/templates/runtime/response-headers.js");
  // The official OpenAPI schemas' guards that generate checks a 3.0 or 3.1 document with.
  for (const version of ["3.0", "3.1"]) expect(shipped).toContain(`schemas/openapi-${version}/guards/index.js`);
  expect(shipped.filter((p) => p.startsWith("test/") || p.endsWith(".test.ts") || p.startsWith("generator/"))).toEqual([]);

  const project = path.join(root, "app");
  mkdirSync(path.join(project, "schemas"), { recursive: true });
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "app", private: true, type: "module", scripts: { codegen: "koala-codegen generate" } }));
  writeFileSync(path.join(project, "package-lock.json"), runtimeDependenciesLock("app"));
  for (const file of ["koala-profile-batch-request.schema.json", "koala-account-batch-request.schema.json"]) {
    copyFileSync(path.join(REPO_ROOT, "schemas", file), path.join(project, "schemas", file));
  }
  writeFileSync(
    path.join(project, "koala-codegen.config.json"),
    JSON.stringify({
      out: "generated/events",
      packageName: "acme-events",
      client: { name: "Koala", baseUrl: "https://api2.getkoala.com" },
      schemas: [
        { path: "schemas/koala-profile-batch-request.schema.json", endpoint: "/web/projects/{publicKey}/batch" },
        { path: "schemas/koala-account-batch-request.schema.json", endpoint: "/web/projects/{publicKey}/accounts/batch", emit: ["types", "guards"] },
      ],
    }),
  );

  const install = run(npm, ["install", "--save-dev", ...offline, path.join(root, info.filename)], { cwd: project });
  expect(install.stderr).toBe("");
  expect(install.status).toBe(0);
  const installed = readdirSync(path.join(project, "node_modules"));
  expect(installed).toContain("koala-codegen");
  expect(installed.filter((name) => /^(ts-node|tsx|jest|ts-jest|ajv)$/.test(name))).toEqual([]);

  const generate = run(npm, ["run", "-s", "codegen"], { cwd: project });
  expect(generate.stderr).toBe("");
  expect(generate.stdout).toMatch(/^generated\/events: \d+ written, 0 unchanged, 0 removed; 2 schemas, 6 types; version 0\.1\.0 in \d+ ms\n$/);
  const check = run(npx, ["--offline", "koala-codegen", "generate", "--check"], { cwd: project });
  expect(check.status).toBe(0);
  expect(check.stdout).toMatch(/^generated\/events: up to date/);

  expect(run(npm, ["install", ...offline, "./generated/events"], { cwd: project }).status).toBe(0);
  writeFileSync(
    path.join(project, "use.js"),
    [
      `import { createKoalaClient, isKoalaProfileBatchRequest, isKoalaAccountBatchRequest } from "acme-events";`,
      `const client = createKoalaClient({ publicKey: "pk" });`,
      `console.log(JSON.stringify([typeof client.batch, typeof client.accountsBatch, isKoalaProfileBatchRequest({ email: "a@b.co" }), isKoalaProfileBatchRequest({}), isKoalaAccountBatchRequest({ domain: "b.co" })]));`,
    ].join("\n"),
  );
  const use = run(process.execPath, ["use.js"], { cwd: project });
  expect(use.stderr).toBe("");
  // The account schema asked for types and guards only: no client method for it.
  expect(JSON.parse(use.stdout)).toEqual(["function", "undefined", true, false, true]);
}, 90_000);
