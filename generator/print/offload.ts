/**
 * The main thread's work that prettier's worker thread (format-worker.ts) takes on for a large
 * document, which leaves that thread idle otherwise (large modules skip prettier). generate() sends
 * the model (a structured clone of the parts these jobs read) before it emits the guards, then:
 * - `previous` (sent first, before the schema is read): the previous output's API snapshot parsed
 *   for the release, while this thread would otherwise wait for the model;
 * - `release`: the release planned (release/release.ts: the previous API snapshot read and diffed),
 *   whose version the client's user agent names;
 * - `types`: the types module built and printed (and re-indented);
 * - `releaseFiles`: koala-codegen.api.json and CHANGELOG.md (a 5 MB JSON text on stripe's document),
 *   the last request about a package: the model is let go then (`--watch` sends one a run);
 * - `builders`: on a document of thousands of types, builders.ts emitted, printed, re-indented
 *   (when that may be wanted) and written as JavaScript there (emitBuilders, below);
 * - `reindent`: a module of megabytes re-indented (print/reindent.ts);
 * - `printStated`: a module of megabytes whose emitter states its JavaScript and how its TypeScript
 *   is made of the same statements (guards.ts: StatedScript.typeScript), printed, re-indented and
 *   written as JavaScript from one re-indenting of those statements (printStated, below).
 * The main thread meanwhile emits guards, builders and operations. On stripe's 2.5 MB document its
 * CPU went from ~1.7 to ~1.4 s (the clone costs it ~0.04 s); the process's grew by 0.1–0.25 s (the
 * clone read here, the emitter's modules compiled here too). The same code runs as on the main
 * thread, so every text is the same byte for byte.
 * Light to import: the emitters and the release are required on first use, so a worker
 * that only formats (a small schema) never loads them.
 */
import type { IrModel, IrNamedType } from "../ir/model";
import { claim } from "./claim";
import type { History, planRelease, PreviousOutput, Release } from "../release/release";
import type { Scripts, StatedScript } from "./scripts";
import type { EmitOptions } from "../emit/emitter";
import type { OpenApiVersion } from "../load/openapi/detect";
import type { SchemaFinding } from "../load/openapi/official-schema";

/** What the jobs read of the model: planRelease's and emitTypes' fields, not the API (operations, sites). */
export type OffloadModel = Pick<IrModel, "rootName" | "rootType" | "types" | "source" | "roots">;

/** planRelease's options, without the model (sent once, with `model`) and the history (read ahead there, or by planRelease). */
export type ReleaseRequest = Omit<Parameters<typeof planRelease>[0], "model" | "history">;

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

/** The builders' emitter's options and what it reads of the model's API (BuildersRequest: emitBuilders below). */
export interface BuildersRequest {
  /** The module's header (generate()'s plan.header). */
  header: string;
  /** The emit options the builders read: no getter (the client's settings, which plan the release, stay behind). */
  options: Pick<EmitOptions, "artifacts" | "formats" | "endpoints" | "packageTypes" | "heuristics">;
  /** wrappers.ts's parameterOnlyTypes and responseBodyTypes of the model: the only parts of its API (not sent) the builders read. */
  parameterOnly: string[];
  responseBodies: string[];
}

/** builders.ts as the main thread would print it: its text, declarations, JavaScript, and its text re-indented when it is over LARGE_PACKAGE_PRETTIER_SIZE_LIMIT. */
export interface PrintedBuilders {
  text: string;
  declarations: string;
  reindented?: string;
  scripts: Scripts;
}

/** A module to print from its stated JavaScript (printStated): its path in `src/`, its header, and its JavaScript with StatedScript.typeScript. */
export interface StatedPrintRequest {
  path: string;
  header: string;
  javascript: StatedScript;
}

/** What printStated gives: the module's TypeScript re-indented (the source file), and its JavaScript. */
export interface PrintedStated {
  reindented: string;
  scripts: Scripts;
}

/**
 * The hashes of the model's schemas (`source.hash`, each root's `hash`), sent apart from the model:
 * only the release's files read them, and hashing a large document is work the main thread leaves
 * for when it is done emitting. The main thread sends stand-ins (release/hash-stand-ins.ts), and
 * writes the hashes over them in the files this thread builds meanwhile.
 */
export interface SchemaHashes {
  source: string;
  roots?: string[];
}

/** A request of the main thread's; `package` names the model (the id of the `model` request that sent it). */
export type OffloadRequest =
  | { previous: PreviousOutput }
  | { model: OffloadModel }
  | { package: number; release: ReleaseRequest; /** The id of the `previous` request that read its history ahead, if one did. */ readAhead?: number }
  | { package: number; types: TypesRequest }
  | { package: number; builders: BuildersRequest }
  | { package: number; releaseFiles: true; hashes: SchemaHashes }
  | { reindent: string; /** The job's flag (print/claim.ts): answered null when the main thread did it first. */ claim?: Int32Array }
  | { printStated: StatedPrintRequest }
  | { officialSchema: OfficialSchemaRequest };

export type OffloadAnswer = string | ReleaseInfo | PrintedTypes | PrintedBuilders | PrintedStated | Release["files"] | SchemaFinding | null;

/**
 * An OpenAPI document's JSON text, to be checked against its version's official schema while the
 * main thread reads it (load/load-schema.ts's officialSchemaCheck): its finding, or null.
 */
export interface OfficialSchemaRequest {
  version: OpenApiVersion;
  text: string;
  /** For parseJson's messages (the main thread parsed the same text already: none comes). */
  file: string;
}

/** The models sent, by the id of their request, with their release once planned. */
const packages = new Map<number, { model: OffloadModel; release?: Release }>();

/**
 * The previous output's history as the last `previous` request read it, by that request's id: read
 * while this thread waits for the model (stripe's 5 MB snapshot parsed, ~0.035 s), not after it,
 * when the release comes first of the work this thread does for the rest of the run. One at a time:
 * a run that does not use it (a package too small to be offloaded) leaves it to the next.
 */
let readAhead: { id: number; history: History } | undefined;

export function isOffloadRequest(request: object): request is OffloadRequest {
  return "model" in request || "package" in request || "reindent" in request || "printStated" in request || "previous" in request || "officialSchema" in request;
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
  if ("printStated" in request) return printStated(request.printStated);
  if ("officialSchema" in request) {
    const { version, text, file } = request.officialSchema;
    const { parseJson } = require("../load/parse-json") as typeof import("../load/parse-json");
    const { checkOfficialSchema } = require("../load/openapi/official-schema") as typeof import("../load/openapi/official-schema");
    return checkOfficialSchema(version, parseJson(text, file)) ?? null;
  }
  if ("previous" in request) {
    const { readHistory } = require("../release/release") as typeof import("../release/release");
    readAhead = { id, history: readHistory(request.previous) };
    return null;
  }
  if ("model" in request) {
    packages.set(id, { model: request.model });
    return null;
  }
  const entry = packages.get(request.package);
  if (!entry) throw new Error(`internal: no model ${request.package} on the worker thread`);
  if ("types" in request) return printTypes(request.types.types ?? entry.model.types, request.types);
  if ("builders" in request) return emitBuilders(entry.model as IrModel, request.builders);
  if ("release" in request) {
    const { planRelease } = require("../release/release") as typeof import("../release/release");
    const history = request.readAhead !== undefined && readAhead?.id === request.readAhead ? readAhead.history : undefined;
    readAhead = undefined;
    entry.release = planRelease({ ...request.release, model: entry.model as IrModel, ...(history && { history }) });
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

/** emitTypes' statements for `types`, printed (and re-indented when that is sure to be wanted). */
function printTypes(types: readonly IrNamedType[], { header, path }: TypesRequest): PrintedTypes {
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

/**
 * A module whose emitter states its JavaScript and how its TypeScript is made of the same
 * statements (StatedScript.typeScript): each statement re-indented once, its TypeScript then that
 * text with the marks of its TypeScript-only parts dropped, its JavaScript that text without those
 * parts. What printModule, reindent and printScripts give from the TypeScript statements and the
 * JavaScript (the main thread's way: two re-indentings of ~9 MB on stripe), byte for byte: the
 * statements are top-level, so each starts and ends at depth 0, and the parts TypeScript alone has
 * are balanced (test/print/print-stated.test.ts holds the two ways equal).
 */
export function printStated({ path, header, javascript }: StatedPrintRequest): PrintedStated {
  const { printModule } = require("./print-module") as typeof import("./print-module");
  const { reindent } = require("./reindent") as typeof import("./reindent");
  const { headerOf, printScripts } = require("./scripts") as typeof import("./scripts");
  const { typeScriptText } = require("../emit/code") as typeof import("../emit/code");
  const { mark } = require("../pipeline/timings") as typeof import("../pipeline/timings");
  const shape = javascript.typeScript;
  if (shape === undefined) throw new Error(`internal: ${path} states no TypeScript of its statements`);
  const indented = javascript.statements.map(reindent);
  const typeScript = indented.map(typeScriptText);
  const statements = [...shape.before.map(reindent), ...typeScript.slice(0, shape.insertAt), ...shape.inserted.map(reindent), ...typeScript.slice(shape.insertAt)];
  const { text } = printModule({ path, header, statements });
  mark(`printed and re-indented ${path} (${text.length} characters)`);
  return { reindented: text, scripts: printScripts(headerOf(text), { ...javascript, statements: indented }, true) };
}

/**
 * builders.ts emitted from the model's copy here, and printed as the main thread prints it
 * (pipeline/generate.ts): the same emitter, printer, re-indenting and JavaScript, so the same bytes.
 * Re-indented here when over LARGE_PACKAGE_PRETTIER_SIZE_LIMIT, as it is in a package this large
 * (the main thread asks for it only on a document of thousands of types); that thread decides.
 */
function emitBuilders(model: IrModel, { header, options, parameterOnly, responseBodies }: BuildersRequest): PrintedBuilders {
  const { rememberParameterOnlyTypes, rememberResponseBodyTypes } = require("../emit/guards/wrappers") as typeof import("../emit/guards/wrappers");
  const { buildersEmitter } = require("../emit/builders/index") as typeof import("../emit/builders/index");
  const { printModule } = require("./print-module") as typeof import("./print-module");
  const { LARGE_PACKAGE_PRETTIER_SIZE_LIMIT, reindent } = require("./reindent") as typeof import("./reindent");
  const { headerOf, printScripts } = require("./scripts") as typeof import("./scripts");
  const { mark } = require("../pipeline/timings") as typeof import("../pipeline/timings");
  rememberParameterOnlyTypes(model, parameterOnly);
  rememberResponseBodyTypes(model, responseBodies);
  const [module, ...more] = buildersEmitter.emit({ model, options });
  if (module === undefined || more.length > 0 || module.javascript === undefined || !Array.isArray(module.declarations)) throw new Error("internal: the builders emitter gave other than one module with its JavaScript and declarations");
  mark("emitted builders");
  const { text, declarations } = printModule({ path: module.path, header, statements: module.statements, declarations: module.declarations });
  const reindented = text.length > LARGE_PACKAGE_PRETTIER_SIZE_LIMIT ? reindent(text) : undefined;
  mark(`printed ${module.path} (${text.length} characters)`);
  return { text, declarations: declarations!, ...(reindented !== undefined && { reindented }), scripts: printScripts(headerOf(text), module.javascript) };
}
