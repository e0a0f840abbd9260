/**
 * The main thread's work on a large document done on prettier's worker thread (print/offload.ts),
 * as the CLI runs it: a real worker, compiled. generate() with that thread must give exactly the
 * files, release and warnings it gives without one (a pending release diffed against a
 * previous output), and it must really have sent the release, the types and a re-indent there;
 * past STATED_TAKEN_BACK_LIMIT, the guards' printing too (printStated), and with thousands of
 * types the builders (emitted there from the model's copy). Texts of megabytes come back as bytes.
 */
import { generate } from "../../generator/index";
import type { GenerateOptions, GenerateResult } from "../../generator/pipeline/options";
import { useFormatThread } from "../helpers/format-thread";
import type { OffloadRequest } from "../../generator/print/offload";
import { STATED_TAKEN_BACK_LIMIT } from "../../generator/print/build-dist";
import { textBytes } from "../../generator/print/moved-texts";
import { hashStandIn } from "../../generator/release/hash-stand-ins";
import { syntheticOpenApi } from "../helpers/synthetic-openapi";

const thread = useFormatThread();

/** generate() with the thread, and the kinds of request it sent there. */
async function withThread(options: GenerateOptions, requests: OffloadRequest[] = []): Promise<{ result: GenerateResult; sent: string[] }> {
  const sent: string[] = [];
  const offload = (request: OffloadRequest) => {
    requests.push(request);
    sent.push(Object.keys(request).filter((k) => k !== "package")[0]!);
    return thread().offload(request);
  };
  return { result: await generate({ ...options, thread: { offload } }), sent };
}

function withoutModel(result: GenerateResult): Omit<GenerateResult, "model"> {
  const { model: _model, ...rest } = result;
  return rest;
}

// 56 resources: 700-odd named types (past OFFLOAD_FROM_TYPES) and a guards module past a megabyte (re-indented there).
test("a large document gives the same package, release and warnings with the other thread as without it", async () => {
  const before = await generate({ schema: syntheticOpenApi(55), build: false, release: true });
  const file = (p: string) => before.files.find((f) => f.path === p)?.contents;
  const options: GenerateOptions = { schema: syntheticOpenApi(56), build: false, previous: { packageJson: file("package.json"), snapshot: file("koala-codegen.api.json"), changelog: file("CHANGELOG.md") } };
  const alone = await generate(options);
  const requests: OffloadRequest[] = [];
  const { result, sent } = await withThread(options, requests);
  // The previous snapshot first, parsed there while this thread reads the schema (readPreviousAhead).
  expect(sent).toEqual(["previous", "model", "release", "types", "releaseFiles", "reindent"]);
  // The schemas are hashed after the emitters ran, not for the model's clone: the files are built
  // there with stand-ins for the hashes (release/hash-stand-ins.ts), written over here.
  const model = requests.find((r): r is Extract<OffloadRequest, { model: unknown }> => "model" in r)!.model;
  expect("hash" in model.source || model.roots!.some((r) => "hash" in r)).toBe(false);
  const filesRequest = requests.find((r): r is Extract<OffloadRequest, { releaseFiles: true }> => "releaseFiles" in r)!;
  expect(filesRequest.hashes).toEqual({ source: hashStandIn(0), roots: [hashStandIn(1)] });
  const snapshot = result.files.find((f) => f.path === "koala-codegen.api.json")!.contents;
  expect(snapshot).toContain(`"sha256": "${alone.model.roots![0]!.hash}"`);
  expect(result.files.find((f) => f.path === "CHANGELOG.md")!.contents).toContain(`(sha256 ${alone.model.roots![0]!.hash!.slice(0, 12)})`);
  expect(snapshot).not.toContain("koala-codegen-schema-hash");
  // The release was diffed against the previous output: Resource55 is new.
  expect(alone.release.bump).not.toBe("none");
  expect(alone.release.changes.length).toBeGreaterThan(0);
  expect(withoutModel(result)).toEqual(withoutModel(alone));
  expect(result.files.map((f) => f.path)).toEqual(alone.files.map((f) => f.path));
  result.files.forEach((f, i) => expect(f.contents === alone.files[i]!.contents ? f.path : `${f.path} differs`).toBe(f.path));
  // The release is planned from the history read ahead: with the snapshot taken out of the release
  // request, the same release (were it read again there, it would be a first release, no diff).
  const readAhead = await generate({
    ...options,
    thread: { offload: (request: OffloadRequest) => thread().offload("release" in request ? { ...request, release: { ...request.release, previous: { ...request.release.previous, snapshot: undefined } } } : request) },
  });
  expect(readAhead.release).toEqual(alone.release);
}, 240_000);

test("a thread that fails every request (it has ended, say) costs nothing but time: the same package, built here", async () => {
  const options: GenerateOptions = { schema: syntheticOpenApi(56), build: false };
  const alone = await generate(options);
  const sent: string[] = [];
  const offload = (request: OffloadRequest) => {
    sent.push(Object.keys(request).filter((k) => k !== "package")[0]!);
    return { id: sent.length, answer: Promise.reject(new Error("internal: the prettier worker thread has ended")) };
  };
  const result = await generate({ ...options, thread: { offload } });
  expect(sent).toEqual(["model", "release", "types", "releaseFiles", "reindent"]);
  expect(withoutModel(result)).toEqual(withoutModel(alone));
}, 240_000);

test("a small schema stays on its own thread", async () => {
  const { sent } = await withThread({ schema: { title: "Tiny", type: "object", properties: { a: { type: "integer" } } }, build: false });
  expect(sent).toEqual([]);
});

// 200 resources: a guards module of ~5 MB, past STATED_TAKEN_BACK_LIMIT: printed there from its
// stated JavaScript (printStated), with the JavaScript built (the path needs `build`).
test("thousands of types: the builders emitted there, and a guards module of megabytes printed and written as JavaScript there: the same files; and here should that thread fail", async () => {
  // With a response's headers: an object type with validateX alone and no builder (guards/wrappers.ts),
  // which the other thread knows only from what is sent with the builders' request.
  const document = syntheticOpenApi(200) as { paths: Record<string, unknown> };
  document.paths["/v1/limits"] = {
    get: {
      operationId: "getLimits",
      responses: { "200": { description: "Limits", headers: { "X-Rate-Limit": { required: true, schema: { type: "integer" } }, "X-Rate-Reset": { schema: { type: "string" } } } } },
    },
  };
  const options: GenerateOptions = { schema: document };
  const alone = await generate(options);
  expect(alone.files.find((f) => f.path === "src/guards.ts")!.contents.length).toBeGreaterThan(STATED_TAKEN_BACK_LIMIT);
  const { result, sent } = await withThread(options);
  // Past BUILDERS_ON_THREAD_FROM_TYPES the builders are emitted there; operations.ts, past a megabyte, is re-indented there too.
  expect(alone.model.types.length).toBeGreaterThanOrEqual(1000);
  const guards = alone.files.find((f) => f.path === "src/guards.ts")!.contents;
  expect(guards).toContain("export function validateGetLimitsResponse200Headers(");
  expect(guards).not.toContain("export function assertGetLimitsResponse200Headers(");
  // The release's files right after the builders, built there while this thread emits the guards.
  expect(sent).toEqual(["model", "release", "types", "builders", "releaseFiles", "printStated", "reindent"]);
  // The guards' TypeScript and JavaScript came back as bytes (print/moved-texts.ts), and are files as
  // those bytes: written without being decoded here. Read as text, the same.
  const moved = result.files.filter((f) => textBytes(f, "contents") !== undefined).map((f) => f.path);
  expect(moved).toEqual(expect.arrayContaining(["src/guards.ts", "dist/esm/guards.js", "dist/cjs/guards.js"]));
  for (const p of moved) expect(Buffer.from(textBytes(result.files.find((f) => f.path === p)!, "contents")!).equals(Buffer.from(alone.files.find((f) => f.path === p)!.contents))).toBe(true);
  expect(result.files.map((f) => f.path)).toEqual(alone.files.map((f) => f.path));
  result.files.forEach((f, i) => expect(f.contents === alone.files[i]!.contents ? f.path : `${f.path} differs`).toBe(f.path));
  // A thread that has ended: every job, printStated's included, is done here.
  const failed: string[] = [];
  const offload = (request: OffloadRequest) => {
    failed.push(Object.keys(request).filter((k) => k !== "package")[0]!);
    return { id: failed.length, answer: Promise.reject(new Error("internal: the prettier worker thread has ended")) };
  };
  const here = await generate({ ...options, thread: { offload } });
  expect(failed).toEqual(["model", "release", "types", "builders", "releaseFiles", "printStated", "reindent"]);
  here.files.forEach((f, i) => expect(f.contents === alone.files[i]!.contents ? f.path : `${f.path} differs`).toBe(f.path));
}, 240_000);
