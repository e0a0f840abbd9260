/**
 * The main thread's work that prettier's worker thread (format-worker.ts) takes on for a large
 * document, which leaves that thread idle otherwise (large modules skip prettier). generate() sends
 * the model (a structured clone of the parts these jobs read) before it emits the guards, then:
 * - `release`: the release planned (release/release.ts: the previous API snapshot read and diffed),
 *   whose version the client's user agent names;
 * - `types`: the types module built and printed by ts-morph (and re-indented);
 * - `releaseFiles`: koala-codegen.api.json and CHANGELOG.md (a 5 MB JSON text on stripe's document),
 *   the last request about a package: the model is let go then (`--watch` sends one a run);
 * - `reindent`: a module of megabytes re-indented (print/reindent.ts).
 * The main thread meanwhile emits guards, builders and operations. On stripe's 2.5 MB document its
 * CPU went from ~1.7 to ~1.4 s (the clone costs it ~0.04 s); the process's grew by 0.1–0.25 s (the
 * clone read here, the emitter's modules compiled here too). The same code runs as on the main
 * thread, so every text is the same byte for byte.
 * Light to import: the emitter, ts-morph and the release are required on first use, so a worker
 * that only formats (a small schema) never loads them.
 */
import type { IrModel, IrNamedType } from "../ir/model";
import { claim } from "./claim";
import type { planRelease, Release } from "../release/release";

/** What the jobs read of the model: planRelease's and emitTypes' fields, not the API (operations, sites). */
export type OffloadModel = Pick<IrModel, "rootName" | "rootType" | "types" | "source" | "roots">;

/** planRelease's options, without the model (sent once, with `model`). */
export type ReleaseRequest = Omit<Parameters<typeof planRelease>[0], "model">;

/** The release without its files (sent apart, when built). */
export type ReleaseInfo = Omit<Release, "files">;

export interface TypesRequest {
  /** The named types the types emitter sees, when not the model's (a per-schema `emit`). */
  types?: IrNamedType[];
  /** The module's header (generate()'s plan.header), printed above the statements. */
  header: string;
  path: string;
}

export interface PrintedTypes {
  /** The printed module, as printModule gives it. */
  text: string;
  /** `reindent(text)`, when the module is too large for prettier in any package (skipsPrettier(size, 0)). */
  reindented?: string;
}

/**
 * The hashes of the model's schemas (`source.hash`, each root's `hash`), sent apart from the model:
 * only the release's files read them, and hashing a large document is work the main thread leaves
 * for when it is done emitting.
 */
export interface SchemaHashes {
  source: string;
  roots?: string[];
}

/** A request of the main thread's; `package` names the model (the id of the `model` request that sent it). */
export type OffloadRequest =
  | { model: OffloadModel }
  | { package: number; release: ReleaseRequest }
  | { package: number; types: TypesRequest }
  | { package: number; releaseFiles: true; hashes: SchemaHashes }
  | { reindent: string; /** The job's flag (print/claim.ts): answered null when the main thread did it first. */ claim?: Int32Array };

export type OffloadAnswer = string | ReleaseInfo | PrintedTypes | Release["files"] | null;

/** The models sent, by the id of their request, with their release once planned. */
const packages = new Map<number, { model: OffloadModel; release?: Release }>();

export function isOffloadRequest(request: object): request is OffloadRequest {
  return "model" in request || "package" in request || "reindent" in request;
}

/** Runs one job (synchronously: this thread formats nothing meanwhile). `id`: the request's. */
export function runOffload(id: number, request: OffloadRequest): OffloadAnswer {
  if ("reindent" in request) {
    if (request.claim !== undefined && !claim(request.claim)) return null;
    const { mark } = require("../pipeline/timings") as typeof import("../pipeline/timings");
    mark(`received a module to re-indent (${request.reindent.length} characters)`);
    const text = (require("./reindent") as typeof import("./reindent")).reindent(request.reindent);
    mark("re-indented it");
    return text;
  }
  if ("model" in request) {
    packages.set(id, { model: request.model });
    return null;
  }
  const entry = packages.get(request.package);
  if (!entry) throw new Error(`internal: no model ${request.package} on the worker thread`);
  if ("types" in request) return printTypes(request.types.types ?? entry.model.types, request.types);
  if ("release" in request) {
    const { planRelease } = require("../release/release") as typeof import("../release/release");
    entry.release = planRelease({ ...request.release, model: entry.model as IrModel });
    return releaseInfo(entry.release);
  }
  // The last request about a package (generate() sends them all at once): its model is let go.
  packages.delete(request.package);
  if (!entry.release) throw new Error("internal: the release's files asked for before the release");
  // The release reads the hashes only now, building its files (release/release.ts).
  const { model } = entry;
  model.source.hash = request.hashes.source;
  model.roots?.forEach((root, i) => (root.hash = request.hashes.roots![i]!));
  return entry.release.files;
}

/** The release without its files, field by field (a spread would read the `files` getter, which builds them). */
export function releaseInfo(release: Release): ReleaseInfo {
  const { version, since, pending, releasedNow, bump, changes, warnings } = release;
  return { version, since, pending, releasedNow, bump, changes, warnings };
}

let lazyTypeScript = false;

/** emitTypes' statements for `types`, printed (and re-indented when that is sure to be wanted). */
function printTypes(types: readonly IrNamedType[], { header, path }: TypesRequest): PrintedTypes {
  // As the CLI does on its own thread (cli.ts): ts-morph loads without TypeScript, which printing never runs.
  if (!lazyTypeScript) (require("../lazy-typescript") as typeof import("../lazy-typescript")).installLazyTypeScript();
  lazyTypeScript = true;
  const { typeStatements } = require("../emit/types") as typeof import("../emit/types");
  const { printModule } = require("./print-module") as typeof import("./print-module");
  const { reindent, skipsPrettier } = require("./reindent") as typeof import("./reindent");
  const { mark } = require("../pipeline/timings") as typeof import("../pipeline/timings");
  mark("loaded the types emitter");
  const statements = typeStatements(types);
  mark("emitted types");
  const { text } = printModule({ path, header, statements });
  mark(`printed ${path} (${text.length} characters)`);
  if (!skipsPrettier(text.length, 0)) return { text };
  const reindented = reindent(text);
  mark(`re-indented ${path}`);
  return { text, reindented };
}
