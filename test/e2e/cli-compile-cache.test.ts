/**
 * On Node 22.1+ the CLI turns on V8's compile cache (generator/compile-cache.ts), in Node's default
 * folder: node-compile-cache under os.tmpdir(). Node 20 has none and the CLI runs the same without
 * it. The test matrix runs this file on Node 20, 22 and 24 (the CLI is spawned with the Node that
 * runs jest).
 */
import { existsSync, readdirSync } from "node:fs";
import nodeModule from "node:module";
import * as path from "node:path";
import { KOALA_SCHEMA } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const nodeHasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === "function";
const tmp = tempDir("koala-compile-cache-");

test(`the CLI ${nodeHasCompileCache ? "fills V8's compile cache" : "runs without a compile cache"} on Node ${process.version}`, () => {
  const result = runCli(["generate", "--schema", KOALA_SCHEMA, "--out", path.join(tmp, "out"), "--emit", "types", "--quiet"], {
    // Node's default folder, under a TMPDIR of our own; nothing inherited may move or disable it.
    env: { TMPDIR: tmp, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined },
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const cache = path.join(tmp, "node-compile-cache");
  expect(existsSync(cache)).toBe(nodeHasCompileCache);
  if (nodeHasCompileCache) {
    // One entry per compiled module; TypeScript (through ts-morph) among them makes it far more than a few.
    const entries = readdirSync(cache, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(entries.length).toBeGreaterThan(50);
  }
});
