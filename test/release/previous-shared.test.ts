/**
 * The CLI reads the previous output's API snapshot as UTF-8 bytes in a SharedArrayBuffer
 * (release/previous.ts), so that the release planned on the other thread (print/offload.ts) gets
 * it without a structured clone of megabytes of text on the main thread. The bytes must plan
 * exactly the release the text plans, on either thread, and still be readable on this one after
 * they were posted (the fallback when the other thread fails plans here).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import * as path from "node:path";
import { generate } from "../../generator/index";
import type { GenerateOptions } from "../../generator/pipeline/options";
import type * as FormatThreadModule from "../../generator/print/format-thread";
import type { OffloadRequest } from "../../generator/print/offload";
import { readPrevious } from "../../generator/release/previous";
import { REPO_ROOT } from "../helpers/paths";
import { syntheticOpenApi } from "../helpers/synthetic-openapi";

const { startFormatThread } = require(path.join(REPO_ROOT, "dist", "generator", "print", "format-thread.js")) as typeof FormatThreadModule;

let thread: FormatThreadModule.FormatThread;
let dir: string;

beforeAll(() => {
  const started = startFormatThread();
  if (!started) throw new Error("dist/generator/print/format-worker.js is missing: run npm run build");
  thread = started;
  dir = mkdtempSync(path.join(os.tmpdir(), "koala-previous-shared-"));
});

afterAll(async () => {
  await thread.close();
  rmSync(dir, { recursive: true, force: true });
});

test("readPrevious gives the snapshot as shared UTF-8 bytes of the file, the other files as text", async () => {
  // Non-ASCII (a description in the snapshot) and a BOM, which readFile's "utf8" kept too.
  const snapshot = '\ufeff{"released":{"version":"0.1.0","schemas":[],"types":[{"name":"Café","schema":{"description":"naïve — ✓ 😀"}}]}}';
  writeFileSync(path.join(dir, "koala-codegen.api.json"), snapshot);
  writeFileSync(path.join(dir, "package.json"), '{"version":"0.1.0"}');
  const previous = await readPrevious(dir);
  expect(previous.packageJson).toBe('{"version":"0.1.0"}');
  expect(previous.changelog).toBeUndefined();
  const bytes = previous.snapshot as Uint8Array;
  expect(bytes).toBeInstanceOf(Uint8Array);
  expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
  expect(Buffer.from(bytes).toString("utf8")).toBe(snapshot);
  expect((await readPrevious(path.join(dir, "missing"))).snapshot).toBeUndefined();
});

// 48 resources: past OFFLOAD_FROM_TYPES, so the release is planned on the other thread.
test("a large document's release planned there from the shared bytes is the one planned here from the text", async () => {
  const before = await generate({ schema: syntheticOpenApi(47), build: false, release: true });
  const out = path.join(dir, "out");
  mkdirSync(out);
  for (const name of ["package.json", "koala-codegen.api.json", "CHANGELOG.md"]) writeFileSync(path.join(out, name), before.files.find((f) => f.path === name)!.contents);
  const shared = await readPrevious(out);
  const text = { ...shared, snapshot: Buffer.from(shared.snapshot as Uint8Array).toString("utf8") };
  const options = (previous: GenerateOptions["previous"]): GenerateOptions => ({ schema: syntheticOpenApi(48), build: false, previous });

  const here = await generate(options(text));
  const requests: OffloadRequest[] = [];
  const there = await generate({ ...options(shared), thread: { offload: (request) => (requests.push(request), thread.offload(request)) } });
  // What is posted is the bytes over shared memory (postMessage shares a SharedArrayBuffer), not text.
  const release = requests.find((r): r is Extract<OffloadRequest, { release: unknown }> => "release" in r)!.release;
  expect((release.previous!.snapshot as Uint8Array).buffer).toBe((shared.snapshot as Uint8Array).buffer);
  expect(here.release.bump).not.toBe("none");
  expect(there.release).toEqual(here.release);
  expect(there.files).toEqual(here.files);
  // Still whole on this thread once posted: planned here (no thread) from it, the same again.
  expect((await generate(options(shared))).files).toEqual(here.files);
});
