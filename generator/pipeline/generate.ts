/**
 * generate(): the pipeline, in the order it runs. Pure: schemas in, `{ path, contents }[]` out;
 * only the CLI (and write/) touches the disk.
 *
 *   1. readSchemas     load each schema (read, index references) and normalize it to the IR
 *   2. planPackage     merge the models, decide endpoints and emit options (the release is planned on first use)
 *   3. emitModules     one emitter per artifact; each module is printed and sent to prettier at once
 *   4. buildPackage    runtime templates, JavaScript (stated by the emitters, esbuild for the rest) and declarations, package.json
 */
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { lineCommentText } from "../emit/code";
import type { EmitOptions, EmittedModule } from "../emit/emitter";
import { EMITTERS, namesDerivedFrom, selectEmitters, type RegisteredEmitter as Emitter } from "../emit/index";
import { apiNames, type EarlierNames } from "../emit/operations/names";
import { indexStatements, packageJson } from "../emit/package-files";
import { typeOf, TYPES_MODULE } from "../emit/types";
import { CodegenError } from "../errors";
import type { GeneratedFile } from "../generated-file";
import { fromJsonSchema } from "../ir/from-json-schema";
import { KEYWORDS } from "../emit/keywords/index";
import { mergeModels, selectSchemas, type MergedModels } from "../ir/merge-models";
import { findType, type IrModel } from "../ir/model";
import { toTypeName } from "../ir/naming";
import { allClientNames } from "../emit/client/artifact";
import { rootConstrains } from "../load/input-kind";
import { loadSchema, type LoadOptions } from "../load/load-schema";
import type { SchemaFinding } from "../load/openapi/official-schema";
import { displayOrigin } from "../load/source-names";
import { templatesDir } from "../paths";
import { buildDeclarations, buildScripts, buildStatedScripts, buildTypesOnlyScripts, distFiles, STATED_TAKEN_BACK_LIMIT } from "../print/build-dist";
import type { Scripts, StatedScript } from "../print/scripts";
import { StepCache } from "../print/cache";
import { shareWork } from "../print/claim";
import { printModule, type PrintableModule, type PrintedModule, type Statement } from "../print/print-module";
import { LARGE_PACKAGE_PRETTIER_SIZE_LIMIT, reindent, skipsPrettier } from "../print/reindent";
import { operationRecords, webhookRecords, type OperationRecord } from "../release/diff-operations";
import { planRelease, type Release } from "../release/release";
import { printStated, releaseInfo as releaseInfoOf, type OffloadAnswer, type OffloadModel, type OffloadRequest, type PrintedBuilders, type PrintedStated, type PrintedTypes, type ReleaseInfo, type ReleaseRequest } from "../print/offload";
import { BUILDERS_MODULE } from "../emit/builders/index";
import { copyText } from "../print/moved-texts";
import { parameterOnlyTypes, responseBodyTypes } from "../emit/guards/wrappers";
import { GENERATOR_VERSION } from "../version";
import type { GenerateOptions, GenerateResult, SchemaInput } from "./options";
import { mark, markWhenDone } from "./timings";
import { hashStandIns, withHashes } from "../release/hash-stand-ins";

/** Generates the package for a schema (or several), in memory. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const inputs = schemaInputs(options);
  const allArtifacts = options.emit ?? EMITTERS.map((e) => e.artifact);
  mark("generate");
  const readAhead = readPreviousAhead(options);
  const read = await readSchemas(inputs, options);
  // Each schema's own artifact list, with what those artifacts depend on. An OpenAPI document's
  // client is its operations: `--emit client` gives one function per operation.
  const artifactsOf = inputs.map((input, i) => {
    const requested = input.emit ?? allArtifacts;
    return new Set(selectEmitters(read.openapi[i] && requested.includes("client") ? [...requested, "operations"] : requested).map((e) => e.artifact));
  });
  const emitters = EMITTERS.filter((e) => artifactsOf.some((set) => set.has(e.artifact)));
  // With no step cache a source whose JavaScript its emitter does not state goes through esbuild:
  // its process starts while the schema loads. That is only the endpoint client's (client.ts, for a
  // schema given an endpoint): types, guards, builders and operations state their JavaScript or
  // have none (print/plain-scripts.ts), and the runtime's comes prebuilt; without one, an OpenAPI
  // document's package is built with no esbuild process at all (its start was ~0.05 s of CPU).
  // (A template without a prebuilt build, in a development run, still starts it on first use.)
  const esbuildNeeded = emitters.some((e) => e.artifact === "client") && inputs.some((input) => input.endpoint !== undefined);
  if (options.build !== false && options.cacheDir === undefined && esbuildNeeded) (await import("../print/scripts")).startEsbuild();
  const templateTexts = await readTemplates(emitters);

  const plan = planPackage(inputs, artifactsOf, emitters, read, options);
  mark("planned");
  const offloaded = offload(inputs, artifactsOf, emitters, plan, read, options, readAhead);
  const cache = new StepCache(options.cacheDir);
  const emitted = await emitModules(inputs, artifactsOf, emitters, plan, cache, options, offloaded).catch((error: unknown) => {
    // The last request about the model, which the other thread then lets go (`--watch` sends one a run).
    offloaded?.sendReleaseFiles();
    throw error;
  });
  mark("emitted and printed");
  const files = await buildPackage(emitted, templateTexts, plan, cache, options);
  mark("built");

  // emitModules asked for the release's files (offloaded.sendReleaseFiles) once it had emitted every module.
  files.push(...(await plan.releaseFiles()));
  const { warnings: releaseWarnings, ...releaseInfo } = releaseInfoOf(plan.release());
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const result: GenerateResult = { files, model: plan.model, warnings: [...plan.warnings, ...releaseWarnings], release: releaseInfo, inputs: [...read.inputFiles].sort() };
  if (options.reportHeuristics) result.heuristics = await reportHeuristics(plan);
  return result;
}

/** The heuristics the emitters applied, each with the schema file and JSON pointer of its property. */
async function reportHeuristics(plan: PackagePlan): Promise<NonNullable<GenerateResult["heuristics"]>> {
  const { findHeuristics } = await import("../emit/heuristics");
  const roots = plan.model.roots ?? [];
  // A type's file: the first schema whose types hold it (its origin names the file when another document defined it).
  const fileOf = (type: string): string => roots[plan.merged.typesOf.findIndex((names) => names.includes(type))]?.file ?? plan.model.source.file ?? "(schema)";
  // Another document's origin names it relative to the root document's folder (load/source-names.ts).
  const where = (origin: string, type: string): string => {
    const { file, pointer } = displayOrigin(origin, fileOf(type));
    return `${file}${pointer}`;
  };
  return findHeuristics({ model: plan.model, options: plan.emitOptions }).map((h) => ({ ...h, where: where(h.origin, h.type) }));
}

/** Every template the emitters may copy, read once (only those whose modules exist are copied). */
async function readTemplates(emitters: readonly Emitter[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const name of new Set(emitters.flatMap((e) => e.templates))) texts.set(name, await readFile(path.join(templatesDir(), name), "utf8"));
  return texts;
}

interface ReadSchemas {
  models: IrModel[];
  /** Per schema: whether its root says anything about a value (not `{}`, not definitions-only). */
  constrains: boolean[];
  /** Every local file read, for `--watch`. */
  inputFiles: Set<string>;
  /** Per schema: whether it is an OpenAPI document (its client is one function per operation). */
  openapi: boolean[];
  /** What reading an OpenAPI document found and let pass (operation names settled, templates that differ only in parameter names). */
  warnings: string[];
  /** The OpenAPI inputs' operations, for the release's diff (release/diff-operations.ts). */
  operations: OperationRecord[];
  /** Their webhooks and callbacks, for the same diff. */
  webhooks: OperationRecord[];
}

/** Step 1: each schema loaded (with every document its references reach) and normalized to the IR. */
async function readSchemas(inputs: readonly SchemaInput[], options: GenerateOptions): Promise<ReadSchemas> {
  // The runtime is imported under `$` aliases and gives way to the schema's names (emit/runtime-names.ts):
  // only a client named apart from the root type (--client-name Koala) reserves names, createKoalaClient, KoalaClient, ...
  const reservedNames = options.client?.name !== undefined ? allClientNames(toTypeName(options.client.name)) : [];
  const read: ReadSchemas = { models: [], constrains: [], inputFiles: new Set(), openapi: [], warnings: [], operations: [], webhooks: [] };
  // A large OpenAPI document's official schema is checked on the other thread, idle until the model comes.
  const { thread } = options;
  const officialSchemaCheck: LoadOptions["officialSchemaCheck"] =
    thread && (async (version, text, file) => ((await thread.offload({ officialSchema: { version, text, file } }).answer) as SchemaFinding | null) ?? undefined);
  for (const input of inputs) {
    const loaded = await loadSchema(input.schema, { ...options, officialSchemaCheck });
    mark("loaded");
    read.constrains.push(rootConstrains(loaded.root));
    // Local files, including those read for a remote-looking `$id` URI (displayName is then the path).
    for (const document of loaded.registry.documents) {
      if (document === loaded.openapi?.parametersDocument) continue;
      if (document.uri.startsWith("file:")) read.inputFiles.add(fileURLToPath(document.uri));
      else if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(document.displayName)) read.inputFiles.add(path.resolve(options.cwd ?? process.cwd(), document.displayName));
    }
    const model = fromJsonSchema(loaded, KEYWORDS, { rootName: input.name, reservedNames, nameCollisions: options.nameCollisions, derivedNames: namesDerivedFrom, apiNames: allClientNames });
    mark("IR built");
    read.models.push(model);
    read.openapi.push(loaded.openapi !== undefined);
    read.warnings.push(...(loaded.openapi?.input.warnings ?? []));
    if (loaded.openapi) {
      read.operations.push(...operationRecords(loaded.openapi.input.operations, model));
      read.webhooks.push(...webhookRecords(loaded.openapi.input.webhooks, model));
    }
  }
  return read;
}

interface PackagePlan {
  merged: MergedModels;
  model: IrModel;
  /**
   * The release, planned on first use (memoized): the client's user agent names its version, but
   * the guards, emitted first, need nothing of it, so on a large document they go to esbuild before
   * it is planned (stripe's, with a previous output: its 5 MB API snapshot read, diffed and printed
   * again, 0.15 s of CPU).
   */
  release: () => Release;
  /** The release's files (Release.files), from the other thread when the release was planned there (print/offload.ts). */
  releaseFiles: () => Promise<Release["files"]>;
  /** Takes the release the other thread planned, unless this thread has planned it already (the same, either way). */
  adoptRelease: (info: ReleaseInfo, files: Promise<Release["files"]>) => void;
  packageName: string;
  emitOptions: EmitOptions;
  warnings: string[];
  /** "KoalaProfileBatchRequest and KoalaAccountBatchRequest": what the package is for. */
  rootList: string;
  /** The schema files' names, for headers and the package description. */
  source: string;
  /** The comment every module starts with. */
  header: (summary: string) => string;
}

/** Step 2: one namespace for every schema, the version, the endpoints, what each emitter is told. */
function planPackage(inputs: readonly SchemaInput[], artifactsOf: readonly Set<string>[], emitters: readonly Emitter[], read: ReadSchemas, options: GenerateOptions): PackagePlan {
  const merged = mergeModels(read.models, { nameCollisions: options.nameCollisions, derivedNames: namesDerivedFrom });
  const model = merged.model;
  const packageName = options.packageName ?? toKebabCase(model.rootName);
  let planned: Release | undefined;
  let plannedFiles: Promise<Release["files"]> | undefined;
  const planHere = (): Release => planRelease({ model, ...releaseRequest(packageName, read, options) });
  const release = (): Release => (planned ??= planHere());
  // Should the other thread fail to build them (it has ended, say), they are built here: the same files.
  const releaseFiles = async (): Promise<Release["files"]> => (plannedFiles ? plannedFiles.catch(() => planHere().files) : release().files);
  const adoptRelease = (info: ReleaseInfo, files: Promise<Release["files"]>): void => {
    if (planned) return;
    planned = { ...info, files: [] };
    plannedFiles = files;
  };
  const warnings = [...read.warnings, ...model.warnings];
  const endpoints: Record<string, string> = {};
  inputs.forEach((input, i) => {
    const root = model.roots![i]!;
    // An OpenAPI document has no root type; its client is its operations (emit/operations/), not an endpoint's.
    if (root.type === undefined) return;
    // A root typed `unknown` (a definitions-only schema, or one whose root says nothing about a
    // value's type) gets no client method: it would post anything, untyped.
    const untyped = typeOf(findType(model, root.type).schema).text === "unknown";
    if (untyped && read.constrains[i]) warnings.push(`${root.file ?? "(schema)"}#: the root type ${root.type} is \`unknown\`: its schema does not say which JSON type a value has (no "type", "$ref", "const", "enum", "properties" or "items")`);
    if (input.endpoint === undefined || !artifactsOf[i]!.has("client")) return;
    if (untyped) warnings.push(`${root.file ?? "(schema)"}#: no client method for ${input.endpoint}: the root type ${root.type} is \`unknown\``);
    else endpoints[root.type] = input.endpoint;
  });
  const packageTypes = new Set(model.types.map((t) => t.name));
  // As emit/operations/ settles them: document after document, those with operations.
  const earlierNames: EarlierNames = { values: new Set(), types: new Set() };
  const apis = inputs.flatMap((_, i) => {
    const api = read.models[i]!.api;
    if (api === undefined || !artifactsOf[i]!.has("operations")) return [];
    // The names a merge gave this schema's types (a collision with another schema's is suffixed).
    const renamed = new Map(read.models[i]!.types.map((t, j) => [t.name, merged.typesOf[i]![j]!]));
    const siteTypes = Object.fromEntries(Object.entries(api.siteTypes).map(([key, name]) => [key, renamed.get(name) ?? name]));
    const root = model.roots![i]!;
    if (api.operations.length > 0) warnings.push(...apiNames(root.name, api.operations, packageTypes, earlierNames).warnings.map((w) => `${root.file ?? "(schema)"}: ${w}`));
    return [{ ...api, siteTypes, apiName: root.name }];
  });
  let client: EmitOptions["client"] | undefined;
  const emitOptions: EmitOptions = {
    artifacts: emitters.map((e) => e.artifact),
    apis,
    formats: options.formats ?? "assert",
    endpoints,
    // A getter, so that the release is planned when an emitter reads the client's settings (client, operations), not before the guards.
    get client() {
      return (client ??= { ...options.client, userAgent: options.client?.userAgent ?? `${packageName}/${release().version}` });
    },
    packageTypes,
    heuristics: { stamps: options.stamps, shortBuilders: options.shortBuilders },
  };
  const source = inputs.map((input, i) => path.basename(typeof input.schema === "string" ? input.schema : (read.models[i]!.source.file ?? "(schema)"))).join(", ");
  const rootNames = model.roots!.map((r) => r.name);
  const rootList = rootNames.length === 1 ? rootNames[0]! : `${rootNames.slice(0, -1).join(", ")} and ${rootNames[rootNames.length - 1]!}`;
  const header = (summary: string): string =>
    [
      `// ${summary} for ${rootList}. Generated by koala-codegen ${GENERATOR_VERSION}`,
      // No schema hash here (package.json and koala-codegen.api.json carry it): an edit then
      // rewrites only the modules whose code it changes, which `--watch` relies on.
      `// from ${lineCommentText(source)}. Do not edit: regenerate instead.`,
      "/* eslint-disable */",
      "",
    ].join("\n");
  return { merged, model, release, releaseFiles, adoptRelease, packageName, emitOptions, warnings, rootList, source, header };
}

interface EmittedPackage {
  emitted: { emitter: Emitter; modules: EmittedModule[] }[];
  /** The printed modules in package order (the emitters' modules, then index.ts), each with its formatted source and its JavaScript on the way. */
  inOrder: { module: PrintedModule; source: Promise<GeneratedFile>; scripts: Promise<Scripts> | undefined }[];
}

/** planRelease's options but the model. */
function releaseRequest(packageName: string, read: ReadSchemas, options: GenerateOptions): ReleaseRequest {
  const openapi = read.openapi.some(Boolean);
  const operations = openapi ? read.operations : undefined;
  const webhooks = openapi ? read.webhooks : undefined;
  return { packageName, generatorVersion: GENERATOR_VERSION, previous: options.previous, version: options.packageVersion, release: options.release, operations, webhooks };
}

/** An emitter's view of the model: the types of the schemas that asked for its artifact, so per-schema `emit` holds. */
function viewOf(emitter: Emitter, inputs: readonly SchemaInput[], artifactsOf: readonly Set<string>[], plan: PackagePlan): IrModel {
  const wanted = inputs.flatMap((_, i) => (artifactsOf[i]!.has(emitter.artifact) ? [i] : []));
  return wanted.length === inputs.length ? plan.model : selectSchemas(plan.merged, wanted);
}

/** What the other thread does for this package (print/offload.ts), on its way. */
interface Offloaded {
  /** The types module, printed there (undefined: it is emitted here). */
  types?: Promise<PrintedTypes>;
  /** The builders module, emitted and printed there (undefined: it is emitted here). */
  builders?: Promise<PrintedBuilders>;
  /** Settled once the release planned there is adopted (plan.adoptRelease) or has failed (this thread then plans it). */
  release: Promise<void>;
  /** Hashes the schemas and gives the release's files with them (once; generate() awaits them, so it must be called before). */
  sendReleaseFiles: () => void;
}

/**
 * On a large document, with another thread (options.thread): the model sent there, then the
 * release and the types module asked for, in the order that thread works (print/offload.ts). The
 * types emitter reads only the named types (emit/types.ts's typeStatements), the release the types,
 * roots and source. Undefined: everything is done on this thread.
 */
function offload(inputs: readonly SchemaInput[], artifactsOf: readonly Set<string>[], emitters: readonly Emitter[], plan: PackagePlan, read: ReadSchemas, options: GenerateOptions, readAhead: number | undefined): Offloaded | undefined {
  const { thread } = options;
  if (!thread || plan.model.types.length < OFFLOAD_FROM_TYPES) return undefined;
  const { model } = plan;
  // Without the schemas' hashes (getters: a clone would read them): hashing stripe's 2.5 MB
  // document is ~0.05 s before the types could start there. They go with the release's files,
  // asked for once this thread is done emitting (sendReleaseFiles), the only part that reads them.
  const { source, roots } = model;
  const unhashed = {
    rootName: model.rootName,
    ...(model.rootType !== undefined && { rootType: model.rootType }),
    types: model.types,
    source: { file: source.file, dialect: source.dialect },
    roots: roots?.map((r) => ({ name: r.name, ...(r.type !== undefined && { type: r.type }), file: r.file })),
  };
  const sent = thread.offload({ model: unhashed as OffloadModel });
  // Its failure fails the requests below, each of which falls back to this thread.
  sent.answer.catch(() => undefined);
  const ask = (request: DistributiveOmit<Extract<OffloadRequest, { package: number }>, "package">): Promise<OffloadAnswer> => {
    const { answer } = thread.offload({ package: sent.id, ...request } as OffloadRequest);
    // Awaited where used; not left to reject unobserved should an emitter throw first.
    answer.catch(() => undefined);
    return answer;
  };
  const releaseInfo = ask({ release: releaseRequest(plan.packageName, read, options), ...(readAhead !== undefined && { readAhead }) }) as Promise<ReleaseInfo>;
  const typesEmitter = emitters.find((e) => e.artifact === "types");
  const typesView = typesEmitter && viewOf(typesEmitter, inputs, artifactsOf, plan);
  const types = typesView && (ask({ types: { types: typesView === model ? undefined : typesView.types, header: plan.header(TYPES_MODULE.summary), path: TYPES_MODULE.path } }) as Promise<PrintedTypes>);
  // The builders of every schema of a package of thousands of types, after the types there: this
  // thread emits the guards meanwhile, then the client and operations. What they read of the API
  // (the types a single parameter's schema is, which get no builder) is sent along.
  const buildersEmitter = emitters.find((e) => e.artifact === "builders");
  const { packageTypes, heuristics, artifacts, formats, endpoints } = plan.emitOptions;
  const builders =
    buildersEmitter && model.types.length >= BUILDERS_ON_THREAD_FROM_TYPES && viewOf(buildersEmitter, inputs, artifactsOf, plan) === model
      ? (ask({ builders: { header: plan.header(BUILDERS_MODULE.summary), options: { artifacts, formats, endpoints, packageTypes, heuristics }, parameterOnly: [...parameterOnlyTypes(model)], responseBodies: [...responseBodyTypes(model)] } }) as Promise<PrintedBuilders>)
      : undefined;
  // The last request about the model: the worker forgets it once it has answered. Made with
  // stand-ins for the schemas' hashes (release/hash-stand-ins.ts), right after the builders: that
  // thread builds them while this one still emits the guards, which it has not sent there yet (on
  // stripe's document it was idle ~0.2 s before they came; asked for after them, the files were
  // the end of the run: stripe 1.41 -> 1.32 s on Node 24, 1.56 -> 1.52 s on Node 22, netbox.dev,
  // appcenter and mist.com 1-3% less, the others the same; medians of 5). The hashes are taken when
  // this thread is done (sendReleaseFiles) and written in here.
  const built = ask({ releaseFiles: true, hashes: hashStandIns(roots?.length) }) as Promise<Release["files"]>;
  let sendFiles!: () => void;
  const files = new Promise<Release["files"]>((resolve) => {
    sendFiles = () => {
      const hashes = { source: source.hash, ...(roots !== undefined && { roots: roots.map((r) => r.hash) }) };
      resolve(built.then((texts) => withHashes(texts, hashes)));
    };
  });
  files.catch(() => undefined);
  let filesSent = false;
  const sendReleaseFiles = (): void => {
    if (filesSent) return;
    filesSent = true;
    sendFiles();
  };
  mark("model sent to the other thread");
  return { types, builders, release: releaseInfo.then((info) => plan.adoptRelease(info, files), () => undefined), sendReleaseFiles };
}

/**
 * The previous output's API snapshot sent to the other thread to be parsed there at once, when it
 * is large (a large document's: stripe's is 5 MB): that thread is idle while this one reads the
 * schema, and planning the release is the first of its work once the model comes (print/offload.ts).
 * The id of the request, which the release request names; undefined when nothing was sent.
 */
function readPreviousAhead({ thread, previous }: GenerateOptions): number | undefined {
  if (thread === undefined || previous?.snapshot === undefined || previous.snapshot.length < READ_AHEAD_FROM_BYTES) return undefined;
  const { id, answer } = thread.offload({ previous });
  // Should it fail, the release request reads the snapshot itself.
  answer.catch(() => undefined);
  return id;
}

/** From how large a previous snapshot it is parsed ahead (readPreviousAhead): a package of about OFFLOAD_FROM_TYPES types has ~0.5 MB. */
const READ_AHEAD_FROM_BYTES = 256 * 1024;

/**
 * Step 3: every emitter's modules, each printed and handed to prettier as soon as it is emitted.
 * On a large document with another thread (`offloaded`), the types module is built and printed
 * there meanwhile (print/offload.ts), and modules too large for prettier are re-indented there.
 */
async function emitModules(
  inputs: readonly SchemaInput[],
  artifactsOf: readonly Set<string>[],
  emitters: readonly Emitter[],
  plan: PackagePlan,
  cache: StepCache,
  options: GenerateOptions,
  offloaded: Offloaded | undefined,
): Promise<EmittedPackage> {
  const formatter = options.formatter ?? (async (text: string, p: string) => (await import("../print/format")).formatTypeScript(text, p));
  const format = (text: string, p: string): Promise<string> => cache.get("format", "prettier", p, text, () => formatter(text, p), isString);
  // With the CLI's formatter, prettier works on another thread from the moment a module is printed.
  const printed = new Map<string, EmittedPackage["inOrder"][number]>();
  // The size of every module printed: whether a mid-sized module gets prettier depends on it
  // (print/reindent.ts), so only those wait for the last module; small ones go to prettier at once.
  let packageSize = 0;
  let allPrinted!: (size: number) => void;
  const packageSizeKnown = new Promise<number>((resolve) => (allPrinted = resolve));
  const { thread } = options;
  // Jobs sent to the other thread that this one takes back once it has emitted every module, for
  // those that thread has not begun yet (print/claim.ts): it answers in order, and may be busy.
  const takeBack: (() => void)[] = [];
  // Re-indenting, after: this thread's work blocks its event loop, which writes the sources to esbuild's process.
  const takeBackLast: (() => void)[] = [];
  // `typesOnly`: a module of types only (EmittedModule.typesOnly); index.ts, re-exports, is no such module.
  // `javascript`: the module's JavaScript as its emitter states it (EmittedModule.javascript).
  const print = (printable: PrintableModule, typesOnly = false, javascript?: StatedScript): void => {
    const declarations = printable.declarations;
    if (thread !== undefined && javascript?.typeScript !== undefined && Array.isArray(declarations) && options.format !== false && options.build !== false) {
      const size = textSize(javascript.statements);
      if (size > STATED_TAKEN_BACK_LIMIT) return printOnThread(thread, printable.path, printable.header, declarations, javascript, size);
    }
    add(printable.header, printModule(printable), typesOnly, undefined, javascript);
  };
  /**
   * A module of megabytes whose emitter states its JavaScript, its declarations and how its
   * TypeScript is made of the same statements (guards.ts of a large document): its JavaScript goes
   * to the other thread at once, to be printed and re-indented there with one re-indenting for
   * both languages (print/offload.ts's printStated) while this thread emits the next module; its
   * declarations are printed here. Should that thread fail (it has ended), the same is done here.
   * Only a module larger than this thread would ever write the JavaScript of in the other's stead
   * (STATED_TAKEN_BACK_LIMIT, print/build-dist.ts): builders.ts and operations.ts are printed here.
   * `size` (its code's characters) stands for its text's in the package's size, which only tells
   * whether the package is over LARGE_PACKAGE: a module this large is, alone.
   */
  const printOnThread = (thread: NonNullable<GenerateOptions["thread"]>, p: string, header: string, declarations: Statement[], javascript: StatedScript, size: number): void => {
    packageSize += size;
    const request = { path: p, header, javascript };
    const job = (thread.offload({ printStated: request }).answer as Promise<PrintedStated>).catch(() => printStated(request));
    // The module's text is never read again: its declarations are stated (buildPackage reads a
    // module's text only to derive the declarations it lacks).
    const module: PrintedModule = { path: p, text: "", declarations: printModule({ path: p, header, statements: declarations }).text };
    const source = job.then((printed): GeneratedFile => {
      mark(`re-indented ${p}`);
      // As the bytes it came in from the other thread, undecoded (print/moved-texts.ts).
      return copyText({ path: `src/${p}` } as GeneratedFile, "contents", printed, "reindented");
    });
    const scripts = job.then(({ scripts }) => scripts);
    mark(`sent ${p} to be printed on the other thread`);
    markWhenDone(scripts, `built the JavaScript of ${p}`);
    // Awaited in buildPackage; not left to reject unobserved should a later emitter throw first.
    source.catch(() => undefined);
    scripts.catch(() => undefined);
    printed.set(p, { module, source, scripts });
  };
  /**
   * A printed module into the package; `reindentedText`: reindent(module.text), when the thread that
   * printed it did that already; `builtScripts`: its JavaScript, when that thread wrote it too.
   */
  const add = (header: string, module: PrintedModule, typesOnly: boolean, reindentedText?: string, javascript?: StatedScript, builtScripts?: Promise<Scripts>): void => {
    const { path: p, text } = module;
    packageSize += text.length;
    // The header (comment lines prettier leaves as they are) names the generator's version and the
    // schema files: prettier, and its cache entry, get only what follows it, so a module whose
    // header alone changed is not formatted again.
    const body = text.startsWith(`${header}\n`) ? text.slice(header.length + 1) : "";
    const pretty = async (): Promise<string> => (body.trim() !== "" ? `${header}\n${await format(body, p)}` : format(text, p));
    const formatted = async (): Promise<GeneratedFile> => {
      if (options.format === false || module.formatted) return { path: `src/${p}`, contents: text };
      // A module of megabytes (skipsPrettier whatever the package's size) is sent to the other
      // thread at once, to be re-indented there while this one emits the next. Any other waits
      // for the package's size; re-indenting on this thread, it waits for the last module to be
      // printed (and the JavaScript of this one to be on its way to esbuild, below).
      const onThread = thread !== undefined && reindentedText === undefined && text.length >= REINDENT_ON_THREAD;
      const skip = onThread || (text.length > LARGE_PACKAGE_PRETTIER_SIZE_LIMIT && skipsPrettier(text.length, await packageSizeKnown));
      const contents = skip ? (reindentedText ?? (onThread ? await reindentOnThread(thread, text, takeBackLast) : reindent(text))) : await pretty();
      mark(`${skip ? "re-indented" : "formatted"} ${p}`);
      return { path: `src/${p}`, contents };
    };
    const source = formatted();
    // A module too large for prettier in any package (guards.ts of a large document) has its
    // JavaScript built from the printed text at once, not from the re-indented source: esbuild
    // prints from the syntax tree and keeps only the line breaks, which re-indenting leaves as they
    // are, so the result is the same. It is handed to esbuild before the next emitter runs (this
    // loop never yields), and re-indented meanwhile, once every module is printed.
    // A module of types only has the JavaScript of an empty module: built at once, from its header.
    const scripts =
      options.build === false
        ? undefined
        : builtScripts !== undefined
          ? builtScripts
        : typesOnly
          ? buildTypesOnlyScripts({ path: `src/${p}`, contents: text }, cache)
          : javascript !== undefined
            ? buildStatedScripts({ path: `src/${p}`, contents: text }, javascript, takeBack)
          : options.format !== false && skipsPrettier(text.length, 0)
            ? buildScripts({ path: `src/${p}`, contents: text }, cache, undefined, takeBack)
            : source.then((s) => buildScripts(s, cache));
    mark(`printed ${p} (${text.length} characters)`);
    if (scripts) markWhenDone(scripts, `built the JavaScript of ${p}`);
    // Awaited in buildPackage; not left to reject unobserved should a later emitter throw first.
    scripts?.catch(() => undefined);
    printed.set(p, { module, source, scripts });
  };
  const typesOnThread = offloaded?.types;
  const modulesOf = new Map<Emitter, EmittedModule[]>();
  const emit = (emitter: Emitter): void => {
    const modules = emitter.emit({ model: viewOf(emitter, inputs, artifactsOf, plan), options: plan.emitOptions });
    mark(`emitted ${emitter.artifact}`);
    // `statements` read only if printed here (the guards' are made when first read: emit/guards/index.ts).
    for (const m of modules) print({ path: m.path, header: plan.header(m.summary), get statements() { return m.statements; }, declarations: m.declarations, ...(m.formatted && { formatted: true as const }) }, m.typesOnly === true, m.javascript);
    // Kept for their paths and subpaths only: the statements, declarations and JavaScript are
    // printed (or on their way to the other thread), so they are let go now rather than held to
    // the end of the run, when its memory peaks (stripe's guards: ~18 MB of statement texts).
    modulesOf.set(emitter, modules.map(({ declarations: _declarations, javascript: _javascript, ...kept }) => ({ ...kept, statements: [] })));
  };
  // The types last: on a large document they are the other thread's, and the first emitter here
  // (the guards, whose module goes there to be printed) must not wait for that thread's release.
  const emitOrder = [...emitters.filter((e) => e.artifact !== "types"), ...emitters.filter((e) => e.artifact === "types")];
  const buildersOnThread = offloaded?.builders;
  for (const [i, emitter] of emitOrder.entries()) {
    if (typesOnThread && emitter.artifact === "types") {
      modulesOf.set(emitter, [{ ...TYPES_MODULE, statements: [] }]);
      continue;
    }
    if (buildersOnThread && emitter.artifact === "builders") {
      modulesOf.set(emitter, [{ ...BUILDERS_MODULE, statements: [] }]);
      continue;
    }
    // The release planned on the other thread, taken before an emitter may read its version (the
    // client's user agent); the first (the guards) reads none, and has given that thread the time.
    if (offloaded && i > 0) await offloaded.release;
    emit(emitter);
  }
  if (buildersOnThread) {
    // Should that thread fail (it has ended), the builders are emitted here, as without it.
    const printedBuilders = await buildersOnThread.catch(() => undefined);
    if (printedBuilders) {
      const { text, declarations, reindented, scripts } = printedBuilders;
      mark(`received ${BUILDERS_MODULE.path} (${text.length} characters)`);
      add(plan.header(BUILDERS_MODULE.summary), { path: BUILDERS_MODULE.path, text, declarations }, false, reindented, undefined, Promise.resolve(scripts));
    } else emit(emitOrder.find((e) => e.artifact === "builders")!);
  }
  // Synchronous: the jobs are done here now, or that thread has begun them. Before waiting for the
  // types module, which may be ahead of them in that thread's queue.
  if (takeBack.length + takeBackLast.length > 0) {
    for (const job of [...takeBack, ...takeBackLast]) job();
    mark("took back the other thread's jobs not begun");
  }
  // Idle here otherwise (waiting for the types, or for esbuild): the schemas are hashed now.
  if (offloaded) {
    offloaded.sendReleaseFiles();
    mark("asked for the release's files");
  }
  if (typesOnThread) {
    // Should that thread fail (it has ended, or the model did not clone), the types are emitted
    // here, as without it and last as without it; an error of the emitter's is then thrown here.
    const printedTypes = await typesOnThread.catch(() => undefined);
    const typesEmitter = emitOrder.find((e) => e.artifact === "types")!;
    if (printedTypes) {
      mark(`received ${TYPES_MODULE.path} (${printedTypes.text.length} characters)`);
      add(plan.header(TYPES_MODULE.summary), { path: TYPES_MODULE.path, text: printedTypes.text, declarations: "source" }, true, printedTypes.reindented);
    } else emit(typesEmitter);
  }
  const emitted = emitters.map((emitter) => ({ emitter, modules: modulesOf.get(emitter)! }));
  const modules = emitted.flatMap((e) => e.modules);
  // Re-exports only: its own declaration file.
  // Re-exports, one a line, as prettier writes them (EmittedModule.formatted).
  print({ path: "index.ts", header: plan.header("Package entry point"), statements: indexStatements(modules.filter((m) => m.subpath === undefined).map((m) => m.path)), declarations: "source", formatted: true });
  allPrinted(packageSize);
  return { emitted, inOrder: [...modules.map((m) => m.path), "index.ts"].map((p) => printed.get(p)!) };
}

/** Step 4: sources, the runtime they need, their JavaScript and declarations, and package.json. */
async function buildPackage({ emitted, inOrder }: EmittedPackage, templateTexts: ReadonlyMap<string, string>, plan: PackagePlan, cache: StepCache, options: GenerateOptions): Promise<GeneratedFile[]> {
  // Only emitters that produced a module need their runtime (no endpoint configured → no client, no transport).
  const templateNames = [...new Set(emitted.filter((e) => e.modules.length > 0).flatMap((e) => e.emitter.templates))].sort();
  const templates = templateNames.map((name) => ({ name, text: templateTexts.get(name)! }));
  // What overlaps from here: prettier (on the CLI's worker threads), and esbuild (its own process)
  // turning each source into JavaScript as soon as it is formatted. Declarations are stated by the
  // emitters or prebuilt for templates; TypeScript derives any other on this thread meanwhile.
  const sourcePromises: Promise<GeneratedFile>[] = [
    ...inOrder.map((p) => p.source),
    ...templates.map(async ({ name, text }) => ({ path: `src/${name}`, contents: `${plan.header(`Runtime support copied from templates/${name}`)}${text}` })),
  ];
  const build = options.build !== false;
  const templateTextOf = new Map(templates.map(({ name, text }) => [`src/${name}`, text]));
  const scriptPromises = build
    ? [...inOrder.map((p) => p.scripts!), ...sourcePromises.slice(inOrder.length).map((source) => source.then((s) => buildScripts(s, cache, templateTextOf.get(s.path))))]
    : [];
  // Nothing may reject unobserved while the declarations are built; each is awaited below.
  for (const p of [...sourcePromises, ...scriptPromises]) p.catch(() => undefined);
  // A declaration is the emitter's own (printed, or the formatted source of a types-only module),
  // or derived by TypeScript from the unformatted source.
  const sourceInputs = [
    ...inOrder.map(({ module: p }) => ({ path: p.path, source: p.text, stated: p.declarations })),
    // A template's declarations are built from its text alone, so the build makes them once (print/template-builds.ts).
    ...templates.map(({ name, text }) => ({ path: name, source: text, stated: undefined })),
  ];
  const derived = build ? await buildDeclarations(sourceInputs.filter((m) => m.stated === undefined), cache) : [];
  mark("declarations");
  const sources = await Promise.all(sourcePromises);
  mark("sources");
  // The release's files (koala-codegen.api.json, CHANGELOG.md; with them the schemas' hash), built
  // now: on a large document this thread would otherwise only wait here for esbuild's JavaScript
  // of the guards, and build them after it.
  // (Or on the other thread, where they may be ready by now: generate() awaits them.)
  plan.releaseFiles().catch(() => undefined);
  mark("release files");
  let next = 0;
  const declarations = build ? sourceInputs.map((m, i) => (m.stated === "source" ? sources[i]!.contents : (m.stated ?? derived[next++]!))) : undefined;

  const files: GeneratedFile[] = [
    {
      path: "package.json",
      contents: packageJson({
        name: plan.packageName,
        version: plan.release().version,
        description: `${artifactList(emitted.filter((e) => e.modules.length > 0).map((e) => e.emitter.artifact))} for ${plan.rootList}, generated by koala-codegen from ${plan.source}.`,
        schemaHash: plan.model.source.hash,
        generatorVersion: GENERATOR_VERSION,
        subpaths: emitted.flatMap((e) => e.modules.flatMap((m) => (m.subpath === undefined ? [] : [m.subpath]))),
      }),
    },
    ...sources,
  ];
  if (declarations !== undefined) files.push(...distFiles(sources, await Promise.all(scriptPromises), declarations));
  return files;
}

/**
 * From how many named types the release and the types module are built on the other thread (options.thread). Below
 * it the module is small (Koala's: a few types) and that thread is prettier's, busy formatting;
 * above it the module skips prettier, and emitting and printing it is ~0.1 s or more
 * (vercel's 620 types: 0.33 MB; stripe's 3,018: 1.9 MB).
 */
const OFFLOAD_FROM_TYPES = 400;

/**
 * From how many named types the builders are emitted on the other thread too (offload): that
 * thread then has them done before the guards come back to it to be printed (stripe's 2,804 types,
 * appcenter's 2,918, GitHub Enterprise's 1,866: builders.ts 0.5–0.9 MB, ~0.12 s here). Since the
 * types are printed as text there (print/type-declarations.ts, ~0.15 s less of that thread's time
 * on netbox.dev), netbox.dev's 1,166 too: 1.12 → 1.03 s on Node 24 (medians of 5), the same on
 * Node 22; no change on twilio's 1,029 or vercel's 452 either way.
 */
const BUILDERS_ON_THREAD_FROM_TYPES = 1000;

/**
 * From how many characters a module is re-indented on the other thread (options.thread): the copies
 * there and back cost less than the re-indent. Above PRETTIER_SIZE_LIMIT: such a module skips prettier in any package.
 */
const REINDENT_ON_THREAD = 1024 * 1024;

/** The characters of `texts`. */
function textSize(texts: readonly string[]): number {
  let size = 0;
  for (const text of texts) size += text.length;
  return size;
}

/** `schema` or `schemas`, as a list; exactly one of them must be given. */
function schemaInputs(options: GenerateOptions): readonly SchemaInput[] {
  if (options.schemas !== undefined && options.schema !== undefined) throw new CodegenError("usage", "give either `schema` or `schemas`, not both");
  if (options.schemas !== undefined) {
    if (options.schemas.length === 0) throw new CodegenError("usage", "`schemas` is empty: give at least one schema");
    return options.schemas;
  }
  if (options.schema === undefined) throw new CodegenError("usage", "no schema: give `schema` (or `schemas`)");
  return [{ schema: options.schema, name: options.name, endpoint: options.endpoint }];
}

function toKebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase() || "generated";
}

/**
 * reindent(text) on the other thread, or on this one should that thread fail (it has ended, say),
 * or should this one be idle before that thread has begun it (`takeBack`, print/claim.ts): a module
 * printed last (operations.ts) queues behind the guards' JavaScript there.
 */
function reindentOnThread(thread: NonNullable<GenerateOptions["thread"]>, text: string, takeBack: (() => void)[]): Promise<string> {
  return shareWork((claim) => thread.offload({ reindent: text, claim }).answer as Promise<string | null>, () => reindent(text), takeBack);
}

/** Omit over each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function isString(value: unknown): value is string {
  return typeof value === "string";
}

/** ["types", "guards", "client"] → "Types, guards and client": what the package really holds. */
function artifactList(artifacts: readonly string[]): string {
  const text = artifacts.length > 1 ? `${artifacts.slice(0, -1).join(", ")} and ${artifacts[artifacts.length - 1]}` : (artifacts[0] ?? "types");
  return text[0]!.toUpperCase() + text.slice(1);
}
