/**
 * The CLI keeps V8's compiled code on disk (generator/compile-cache.ts): on Node 22.1+ Node's own
 * compile cache in its default folder (node-compile-cache under os.tmpdir()); on Node 20 the CLI's
 * own, made at exit (koala-codegen-compile-cache under os.tmpdir()). The test matrix runs this file
 * on Node 20, 22 and 24 (the CLI is spawned with the Node that runs jest).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import nodeModule from "node:module";
import * as path from "node:path";
import { OPTIMIZE_AFTER_MS } from "../../generator/tier-up";
import { KOALA_SCHEMA, REPO_ROOT } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const nodeHasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === "function";
const folderName = nodeHasCompileCache ? "node-compile-cache" : "koala-codegen-compile-cache";
const tmp = tempDir("koala-compile-cache-");

/** `generate --emit types` into `out` with TMPDIR `tmpdir`; nothing inherited may move or disable the cache. */
function generate(tmpdir: string, out: string, env: NodeJS.ProcessEnv = {}): void {
  mkdirSync(tmpdir, { recursive: true });
  const result = runCli(["generate", "--schema", KOALA_SCHEMA, "--out", out, "--emit", "types", "--quiet"], {
    env: { TMPDIR: tmpdir, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined, ...env },
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}

/** Every file under `dir`, with its size and modification time. */
function files(dir: string): Map<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(entries.map((e) => {
    const file = path.join(e.parentPath, e.name);
    const stat = statSync(file);
    return [file, `${stat.size} ${stat.mtimeMs}`];
  }));
}

test(`the CLI fills V8's compile cache on Node ${process.version}, then runs from it with the same output`, () => {
  const tmpdir = path.join(tmp, "filled");
  generate(tmpdir, path.join(tmp, "first"));
  const cache = path.join(tmpdir, folderName);
  const entries = files(cache);
  // One entry per module loaded (the CLI's own modules are one bundle, scripts/bundle-cli.ts): the
  // bundle and prettier's worker's script at least, and prettier's three when that thread has
  // written its entries before the process ends (no ts-morph: print/type-declarations.ts).
  expect(entries.size).toBeGreaterThanOrEqual(2);

  generate(tmpdir, path.join(tmp, "second"));
  const outputs = (out: string): string[] => [...files(path.join(tmp, out)).keys()].map((f) => path.relative(path.join(tmp, out), f)).sort();
  expect(outputs("second")).toEqual(outputs("first"));
  for (const file of outputs("first")) {
    expect(readFileSync(path.join(tmp, "second", file), "utf8")).toBe(readFileSync(path.join(tmp, "first", file), "utf8"));
  }
  if (!nodeHasCompileCache) {
    // Entries are used, not made again: the second run wrote nothing.
    expect(files(cache)).toEqual(entries);
    // The CLI's own bundle is one of them: the command turns the cache on before loading it.
    const bundle = path.join(REPO_ROOT, "dist", "generator", "cli-bundle.js");
    expect(entries.has(path.join(cache, process.versions.v8, `${createHash("sha256").update(bundle).digest("hex")}.bin`))).toBe(true);
  }
});

test("commands that load yargs and json-schema-ref-parser run from a filled cache", () => {
  // The bundle has no `import()`: Node 20 loses a script's import callback when its code comes from cached data.
  const tmpdir = path.join(tmp, "imports");
  const out = path.join(tmp, "yaml");
  mkdirSync(tmpdir);
  for (let run = 0; run < 2; run++) {
    const help = runCli(["--help"], { env: { TMPDIR: tmpdir, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined } });
    expect(help.stderr).toBe("");
    expect(help.stdout).toContain("koala-codegen <command>");
    // An OpenAPI document in YAML: read by json-schema-ref-parser.
    const generated = runCli(["generate", "--schema", path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml"), "--out", out, "--emit", "types", "--quiet"], {
      env: { TMPDIR: tmpdir, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined },
    });
    expect(generated.stderr).toBe("");
    expect(generated.status).toBe(0);
  }
});

test("NODE_DISABLE_COMPILE_CACHE=1 turns it off", () => {
  const tmpdir = path.join(tmp, "disabled");
  generate(tmpdir, path.join(tmp, "third"), { NODE_DISABLE_COMPILE_CACHE: "1" });
  expect(readdirSync(tmpdir)).not.toContain(folderName);
});

// On Node 20 the cache is the CLI's own: its entries are checked here too (one per module, replaced
// in place). Node 22.1+ keeps its own entries, so there only the answers are checked.
test("a changed module is never given its old code, and its new entry replaces the old one", () => {
  const folder = path.join(tmp, "changed");
  mkdirSync(folder);
  const cache = path.join(folder, "cache");
  const module = path.join(folder, "m.js");
  /** A fresh process with the CLI's code cache installed, requiring `module`: what it exports. */
  const load = (): string => {
    const result = spawnSync(process.execPath, ["-r", path.join(REPO_ROOT, "dist", "generator", "compile-cache.js"), "-e", "process.stdout.write(require(process.argv[1]))", module], {
      encoding: "utf8",
      env: { ...process.env, NODE_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: "" },
    });
    expect(result.stderr).toBe("");
    return result.stdout;
  };
  writeFileSync(module, 'module.exports = "first";');
  expect(load()).toBe("first");
  // m.js's entry, and the `-e` script's (Node 20's own cache folder).
  const entries = nodeHasCompileCache ? new Map<string, string>() : files(cache);
  if (!nodeHasCompileCache) expect(entries.size).toBe(2);
  expect(load()).toBe("first");
  if (!nodeHasCompileCache) expect(files(cache)).toEqual(entries);

  // Same length (all V8 checks), another text and modification time.
  writeFileSync(module, 'module.exports = "other";');
  utimesSync(module, new Date(Date.now() + 5_000), new Date(Date.now() + 5_000));
  expect(load()).toBe("other");
  if (!nodeHasCompileCache) {
    // The same entry files, m.js's rewritten.
    const after = files(cache);
    expect([...after.keys()]).toEqual([...entries.keys()]);
    expect([...after.keys()].filter((file) => after.get(file) !== entries.get(file))).toHaveLength(1);
  }
  expect(load()).toBe("other");
});

// Node 20 (the CLI's own cache): V8 takes cached data only when its flags are those the data was
// made under, and the CLI turns TurboFan back on a second into the run (generator/tier-up.ts). A
// module loaded after that (prettier and ts-morph on a large document's worker thread) was compiled
// from scratch and its entry written again on every run: 54 entries a run on stripe's document.
test("a module loaded once TurboFan is on again is run from its entry, not compiled and written anew", () => {
  const folder = path.join(tmp, "late");
  mkdirSync(folder);
  const cache = path.join(folder, "cache");
  const module = path.join(folder, "late.js");
  writeFileSync(module, 'module.exports = "late";');
  const tierUp = path.join(REPO_ROOT, "dist", "generator", "tier-up.js");
  const compileCache = path.join(REPO_ROOT, "dist", "generator", "compile-cache.js");
  /** A fresh process started as the CLI starts (tier-up, then the cache), requiring `module` after the hold. */
  const load = (): string => {
    const code = `require(${JSON.stringify(tierUp)}).deferOptimization(); require(${JSON.stringify(compileCache)});
      setTimeout(() => process.stdout.write(require(${JSON.stringify(module)})), ${OPTIMIZE_AFTER_MS + 200});`;
    const result = spawnSync(process.execPath, ["-e", code], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "", NODE_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: "" } });
    expect(result.stderr).toBe("");
    return result.stdout;
  };
  expect(load()).toBe("late");
  if (nodeHasCompileCache) return;
  const entry = path.join(cache, `${createHash("sha256").update(module).digest("hex")}.bin`);
  const written = statSync(entry);
  expect(load()).toBe("late");
  // The same file, not one renamed into its place.
  const after = statSync(entry);
  expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
}, 30_000);
