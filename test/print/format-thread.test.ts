/**
 * The CLI's prettier worker thread (print/format-thread.ts), run as the CLI runs it: compiled, a
 * real worker. It must format exactly as prettier does in-thread (and build as esbuild does), report a syntax error as a
 * rejection naming the file, and fail pending and later calls once closed.
 */
import { availableParallelism } from "node:os";
import * as path from "node:path";
import { claim, newClaim } from "../../generator/print/claim";
import { formatTypeScript } from "../../generator/print/format";
import { transformScripts } from "../../generator/print/scripts";
import type * as FormatThreadModule from "../../generator/print/format-thread";
import { REPO_ROOT } from "../helpers/paths";

const { startFormatThread } = require(path.join(REPO_ROOT, "dist", "generator", "print", "format-thread.js")) as typeof FormatThreadModule;

const SOURCE = `export interface A { b: string; c?: number | null }
export function isA(value: unknown): value is A { if (!(typeof value === "object" && value !== null)) return false; return typeof (value as Record<string, unknown>).b === "string" }
`;

let thread: FormatThreadModule.FormatThread;

beforeAll(() => {
  const started = startFormatThread();
  if (!started) throw new Error("dist/generator/print/format-worker.js is missing: run npm run build");
  thread = started;
});

afterAll(async () => {
  await thread.close();
});

test("is part of the public API, for tools that call generate() themselves", () => {
  const api = require(path.join(REPO_ROOT, "dist", "generator", "index.js")) as { startFormatThread: unknown };
  expect(api.startFormatThread).toBe(startFormatThread);
});

test("builds a module's JavaScript exactly as esbuild does from this thread, and names the module when it does not compile", async () => {
  const [inWorker, [inThread]] = await Promise.all([thread.buildScripts("a.ts", SOURCE), transformScripts([{ path: "a.ts", source: SOURCE }])]);
  expect(inWorker).toEqual(inThread);
  expect(inWorker.esm).toContain("function isA(value) {");
  expect(inWorker.cjs).toContain("module.exports");
  await expect(thread.buildScripts("broken.ts", "export function (")).rejects.toThrow(/internal: generated broken\.ts does not compile/);
});

test("a module's JavaScript claimed by this thread first (print/claim.ts) is answered null; one not claimed is built", async () => {
  const taken = newClaim();
  expect(claim(taken)).toBe(true);
  const free = newClaim();
  const [skipped, built] = await Promise.all([thread.buildScripts("a.ts", SOURCE, taken), thread.buildScripts("a.ts", SOURCE, free)]);
  expect(skipped).toBeNull();
  expect(built).toEqual((await transformScripts([{ path: "a.ts", source: SOURCE }]))[0]);
  // The worker claimed it: this thread may not any more.
  expect(claim(free)).toBe(false);
});

test("formats exactly as prettier does on this thread", async () => {
  const [inWorker, inThread] = await Promise.all([thread.format(SOURCE, "a.ts"), formatTypeScript(SOURCE, "a.ts")]);
  expect(inWorker).toBe(inThread);
  expect(inWorker).not.toBe(SOURCE);
});

test("answers each call with its own text, however many are in flight", async () => {
  const sources = Array.from({ length: 8 }, (_, i) => `export const value${i} = { a: ${i}, b: "${"x".repeat(i * 20)}" };\n`);
  const formatted = await Promise.all(sources.map((s, i) => thread.format(s, `m${i}.ts`)));
  formatted.forEach((text, i) => expect(text).toContain(`value${i}`));
});

test("much to format brings a second thread, and every answer stays right", async () => {
  const big = Array.from({ length: 1500 }, (_, i) => `export const big${i} = { a: ${i}, b: "${"y".repeat(20)}" };`).join("\n");
  expect(big.length).toBeGreaterThan(64 * 1024);
  const small = "export const small = {a:1}\n";
  const [bigOut, smallOut] = await Promise.all([thread.format(big, "big.ts"), thread.format(small, "small.ts")]);
  expect(thread.threads).toBe(Math.min(2, availableParallelism()));
  expect(bigOut).toBe(await formatTypeScript(big, "big.ts"));
  expect(smallOut).toBe("export const small = { a: 1 };\n");
});

test("a syntax error rejects with the file named, and the thread goes on", async () => {
  await expect(thread.format("export const = ;", "broken.ts")).rejects.toThrow(/broken\.ts/);
  await expect(thread.format("export const ok = 1\n", "ok.ts")).resolves.toBe("export const ok = 1;\n");
});

test("once closed, a call fails and a new thread can start", async () => {
  const first = startFormatThread()!;
  expect(first).toBe(thread);
  await first.close();
  await expect(first.format("const a = 1", "late.ts")).rejects.toThrow();
  thread = startFormatThread()!;
  expect(thread).not.toBe(first);
  await expect(thread.format("const a=1", "again.ts")).resolves.toBe("const a = 1;\n");
});

describe("a worker started before the CLI loaded (print/early-format-worker.ts)", () => {
  const { startFormatWorker } = require(path.join(REPO_ROOT, "dist", "generator", "print", "early-format-worker.js")) as typeof import("../../generator/print/early-format-worker");

  test("only for a generate whose thread would be started anyway", async () => {
    for (const args of [["mock-server"], ["generate", "--emit", "types"], ["generate", "--emit=types"], ["generate", "--help"], ["diff", "a", "b"], []]) expect(startFormatWorker(args)).toBeUndefined();
    const worker = startFormatWorker(["generate", "--config", "koala-codegen.config.json"]);
    expect(worker).toBeDefined();
    await worker!.terminate();
  });

  test("none when the worker cannot be created (the CLI then starts its own, as for any other command)", () => {
    const failing = (file: string): never => {
      expect(path.basename(file)).toBe("format-worker.js");
      throw Object.assign(new Error("Worker initialization failure: 11"), { code: "ERR_WORKER_INIT_FAILED" });
    };
    expect(startFormatWorker(["generate"], failing)).toBeUndefined();
  });

  test("is the thread's first worker: it formats as prettier does", async () => {
    await thread.close();
    const worker = startFormatWorker(["generate"])!;
    thread = startFormatThread(worker)!;
    expect(thread.threads).toBe(1);
    await expect(thread.format(SOURCE, "a.ts")).resolves.toBe(await formatTypeScript(SOURCE, "a.ts"));
  });

  test("one that has ended already fails the calls at once", async () => {
    await thread.close();
    const worker = startFormatWorker(["generate"])!;
    await worker.terminate();
    const ended = startFormatThread(worker)!;
    await expect(ended.format("const a = 1", "late.ts")).rejects.toThrow(/has ended/);
    await ended.close();
    thread = startFormatThread()!;
  });
});
