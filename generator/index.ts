/**
 * koala-codegen's public API. `generate()` is pure: a schema in, `{ path, contents }[]` out. Only the
 * CLI (and `write/`) touches the disk.
 *
 *   load (read, index references) → normalize (IR) → emit (one emitter per artifact)
 *     → print (ts-morph) → format (prettier) → compile (ESM, CJS, .d.ts) → files
 */
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { type Artifact, type ClientEmitOptions, type EmitOptions, type EmittedModule, type Emitter } from "./emit/emitter";
import { lineCommentText } from "./emit/code";
import { EMITTERS, selectEmitters } from "./emit/index";
import { indexStatements, packageJson } from "./emit/package-files";
import { CodegenError } from "./errors";
import type { GeneratedFile } from "./generated-file";
import { fromJsonSchema } from "./ir/from-json-schema";
import { mergeModels, selectSchemas } from "./ir/merge-models";
import { clientNames, toTypeName } from "./ir/naming";
import { planRelease, type PreviousOutput, type Release } from "./release/release";
import { findType, type IrModel } from "./ir/model";
import { loadSchema, type LoadOptions } from "./load/load-schema";
import { rootConstrains } from "./load/input-kind";
import { typeOf } from "./emit/types";
import { templatesDir } from "./paths";
import { StepCache } from "./print/cache";
import { buildDeclarations, buildScripts, distFiles } from "./print/build-dist";
import type { Formatter } from "./print/format-thread";
import { printModule, type PrintableModule, type PrintedModule } from "./print/print-module";
import { PRETTIER_SIZE_LIMIT, reindent } from "./print/reindent";
import { GENERATOR_VERSION } from "./version";

export { CodegenError, ExitCode, isCodegenError } from "./errors";
export type { IrModel } from "./ir/model";
export type { Artifact, ClientEmitOptions } from "./emit/emitter";
export { ARTIFACTS } from "./emit/emitter";
export { diffModels, bumpFor, bumpVersion, type ApiChange, type Bump } from "./release/diff-models";
export type { PreviousOutput } from "./release/release";
export { GENERATOR_VERSION } from "./version";
export { startFormatThread, type FormatThread, type Formatter } from "./print/format-thread";
export { startMockServer, KOALA_BATCH_PATH, KOALA_ACCOUNT_BATCH_PATH } from "./mock-server/server";
export type { MockServer, MockServerOptions, MockEndpoint, Received, ReceivedItem, ReceivedRequest } from "./mock-server/server";
export type { FaultKind, FaultOptions, InjectedFault } from "./mock-server/faults";

/** One schema of a package of several (`generate({ schemas: [...] })`). */
export interface SchemaInput {
  /** A schema file path (JSON or YAML) or a schema object. */
  schema: string | object;
  /** The root type's name; default: the schema's `title`, else the file name. */
  name?: string;
  /** The path the client method for this root posts to. */
  endpoint?: string;
  /** Artifacts to emit for this schema's types (default: the package's `emit`). */
  emit?: readonly Artifact[];
}

export interface GenerateOptions extends LoadOptions {
  /** A schema file path (JSON or YAML) or a schema object: a package of one schema. */
  schema?: string | object;
  /** Several schemas into one package, their names in one namespace (see ir/merge-models.ts). Instead of `schema`. */
  schemas?: readonly SchemaInput[];
  /** The root type's name (with `schema`); default: the schema's `title`, else the file name. */
  name?: string;
  /** Artifacts to emit (default: all). Each brings what it depends on. */
  emit?: readonly Artifact[];
  /**
   * The previous output's package.json, API snapshot and CHANGELOG.md (the CLI reads them from the
   * output folder): the version is the released one stepped by what the schema changes since did to the API.
   */
  previous?: PreviousOutput;
  /** Mark this output's API as released at its version (`koala-codegen release`); see release/release.ts. */
  release?: boolean;
  /**
   * Two schema names that become one identifier (`user_id` and `UserId`, a definition named like the
   * root): the later one gets a numeric suffix plus a warning (`"suffix"`, default), or generation
   * stops with exit code 8 (`"error"`, for teams that want names never to move).
   */
  nameCollisions?: "error" | "suffix";
  /** `assert` (default) or `annotate`: whether guards check `format`. */
  formats?: EmitOptions["formats"];
  /** The generated package's name (default: the root name in kebab-case). */
  packageName?: string;
  /** The generated package's version (default: one step from the released version, by the API changes since; 0.1.0 for a new package). */
  packageVersion?: string;
  /** With `schema`: the path the client posts the root type to ("/web/projects/{publicKey}/batch"); no client without one. */
  endpoint?: string;
  /** The client's name, defaults and idempotency key (see ClientEmitOptions). */
  client?: ClientEmitOptions;
  /** Also produce `dist/` (ESM, CJS, declarations). Default true. */
  build?: boolean;
  /**
   * A folder where prettier and TypeScript results are kept by content hash, so an unchanged schema
   * regenerates (or `--check`s) without running them. Off by default: generate() touches no disk.
   */
  cacheDir?: string;
  /**
   * How prettier is run on a source (default: on this thread). The CLI passes a worker thread's
   * (print/format-thread.ts), so formatting overlaps the rest of the build.
   */
  formatter?: Formatter;
  /** Run prettier over the generated sources. Default true; tests that only execute the code skip it. */
  format?: boolean;
}

export type { GeneratedFile } from "./generated-file";

export interface GenerateResult {
  files: GeneratedFile[];
  model: IrModel;
  /** Non-fatal findings (name collisions resolved with a suffix, ...). */
  warnings: string[];
  /** Every schema file read (absolute paths: the roots and what their `$ref`s reached), for `--watch`. */
  inputs: string[];
  /** The package version, whether it is released, its step and the API changes since the last release. */
  release: Omit<Release, "files" | "warnings">;
}

/** Generates the package for a schema, in memory. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const inputs = schemaInputs(options);
  const allArtifacts = options.emit ?? EMITTERS.map((e) => e.artifact);
  // Each schema's own artifact list, with what those artifacts depend on.
  const artifactsOf = inputs.map((input) => new Set(selectEmitters(input.emit ?? allArtifacts).map((e) => e.artifact)));
  const emitters = EMITTERS.filter((e) => artifactsOf.some((set) => set.has(e.artifact)));
  const templateTexts = new Map<string, string>();
  for (const name of new Set(emitters.flatMap((e) => e.templates))) templateTexts.set(name, await readFile(path.join(templatesDir(), name), "utf8"));
  // The runtime is imported as namespaces and gives way to the schema's names (emit/runtime-names.ts):
  // only a client named apart from the root type (--client-name Koala) reserves names, createKoalaClient, KoalaClient, ...
  const reservedNames = options.client?.name !== undefined ? clientNames(toTypeName(options.client.name)) : [];
  const models: IrModel[] = [];
  /** Per schema: whether its root says anything about a value (not `{}`, not definitions-only). */
  const constrains: boolean[] = [];
  const inputFiles = new Set<string>();
  for (const input of inputs) {
    const loaded = await loadSchema(input.schema, options);
    constrains.push(rootConstrains(loaded.root));
    // Local files, including those read for a remote-looking `$id` URI (displayName is then the path).
    for (const document of loaded.registry.documents) {
      if (document.uri.startsWith("file:")) inputFiles.add(fileURLToPath(document.uri));
      else if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(document.displayName)) inputFiles.add(path.resolve(options.cwd ?? process.cwd(), document.displayName));
    }
    models.push(fromJsonSchema(loaded, { rootName: input.name, reservedNames, nameCollisions: options.nameCollisions }));
  }
  const merged = mergeModels(models, { nameCollisions: options.nameCollisions });
  const model = merged.model;
  const packageName = options.packageName ?? toKebabCase(model.rootName);
  const release = planRelease({ model, packageName, generatorVersion: GENERATOR_VERSION, previous: options.previous, version: options.packageVersion, release: options.release });
  const packageVersion = release.version;
  const warnings = [...model.warnings];
  const endpoints: Record<string, string> = {};
  inputs.forEach((input, i) => {
    const root = model.roots![i]!;
    // A root typed `unknown` (a definitions-only schema, or one whose root says nothing about a
    // value's type) gets no client method: it would post anything, untyped.
    const untyped = typeOf(findType(model, root.name).schema).text === "unknown";
    if (untyped && constrains[i]) warnings.push(`${root.file ?? "(schema)"}#: the root type ${root.name} is \`unknown\`: its schema does not say which JSON type a value has (no "type", "$ref", "const", "enum", "properties" or "items")`);
    if (input.endpoint === undefined || !artifactsOf[i]!.has("client")) return;
    if (untyped) warnings.push(`${root.file ?? "(schema)"}#: no client method for ${input.endpoint}: the root type ${root.name} is \`unknown\``);
    else endpoints[root.name] = input.endpoint;
  });
  const emitOptions: EmitOptions = {
    artifacts: emitters.map((e) => e.artifact),
    formats: options.formats ?? "assert",
    endpoints,
    client: { ...options.client, userAgent: options.client?.userAgent ?? `${packageName}/${packageVersion}` },
    packageTypes: new Set(model.types.map((t) => t.name)),
  };
  const sourceNames = inputs.map((input, i) => path.basename(typeof input.schema === "string" ? input.schema : (models[i]!.source.file ?? "(schema)")));
  const source = sourceNames.join(", ");
  const rootNames = model.roots!.map((r) => r.name);
  const rootList = rootNames.length === 1 ? rootNames[0]! : `${rootNames.slice(0, -1).join(", ")} and ${rootNames[rootNames.length - 1]!}`;
  const header = (summary: string): string =>
    [
      `// ${summary} for ${rootList}. Generated by koala-codegen ${GENERATOR_VERSION}`,
      `// from ${lineCommentText(source)} (sha256 ${model.source.hash.slice(0, 16)}). Do not edit: regenerate instead.`,
      "/* eslint-disable */",
      "",
    ].join("\n");

  const cache = new StepCache(options.cacheDir);
  const formatter = options.formatter ?? (async (text: string, p: string) => (await import("./print/format")).formatTypeScript(text, p));
  const format = (text: string, p: string): Promise<string> => cache.get("format", "prettier", p, text, () => formatter(text, p), isString);
  // Each module is printed and handed to prettier as soon as it is emitted (with the CLI's
  // formatter, prettier works on another thread from then on).
  const printed = new Map<string, { module: PrintedModule; source: Promise<GeneratedFile> }>();
  const print = (printable: PrintableModule): void => {
    const module = printModule(printable);
    const { path: p, text } = module;
    const formatted = async (): Promise<GeneratedFile> => ({ path: `src/${p}`, contents: options.format === false ? text : text.length > PRETTIER_SIZE_LIMIT ? reindent(text) : await format(text, p) });
    printed.set(p, { module, source: formatted() });
  };
  // Emitters of text first: their modules are with prettier while the ones with ts-morph
  // structures (types) load ts-morph and TypeScript, a fifth of a second on a cold start.
  const modulesOf = new Map<Emitter, EmittedModule[]>();
  for (const emitter of [...emitters].sort((a, b) => Number(a.usesStructures ?? false) - Number(b.usesStructures ?? false))) {
    // An emitter sees the types of the schemas that asked for its artifact, so per-schema `emit` holds.
    const wanted = inputs.flatMap((_, i) => (artifactsOf[i]!.has(emitter.artifact) ? [i] : []));
    const view = wanted.length === inputs.length ? model : selectSchemas(merged, wanted);
    const modules = emitter.emit({ model: view, options: emitOptions });
    modulesOf.set(emitter, modules);
    for (const m of modules) print({ path: m.path, header: header(m.summary), statements: m.statements, declarations: m.declarations });
  }
  const emitted = emitters.map((emitter) => ({ emitter, modules: modulesOf.get(emitter)! }));
  const modules: EmittedModule[] = emitted.flatMap((e) => e.modules);
  // Re-exports only: its own declaration file.
  print({ path: "index.ts", header: header("Package entry point"), statements: indexStatements(modules.map((m) => m.path)), declarations: "source" });
  // In package order: the modules, then the entry point.
  const inOrder = [...modules.map((m) => m.path), "index.ts"].map((p) => printed.get(p)!);

  // Only emitters that produced a module need their runtime (no endpoint configured → no client, no transport).
  const templateNames = [...new Set(emitted.filter((e) => e.modules.length > 0).flatMap((e) => e.emitter.templates))].sort();
  const templates = templateNames.map((name) => ({ name, text: templateTexts.get(name)! }));
  // What overlaps from here: prettier (on the CLI's worker threads), and esbuild (its own process)
  // turning each source into JavaScript as soon as it is formatted. Declarations are stated by the
  // emitters or prebuilt for templates; TypeScript derives any other on this thread meanwhile.
  const sourcePromises: Promise<GeneratedFile>[] = [
    ...inOrder.map((p) => p.source),
    ...templates.map(async ({ name, text }) => ({ path: `src/${name}`, contents: `${header(`Runtime support copied from templates/${name}`)}${text}` })),
  ];
  const build = options.build !== false;
  const templateTextOf = new Map(templates.map(({ name, text }) => [`src/${name}`, text]));
  const scriptPromises = build ? sourcePromises.map((source) => source.then((s) => buildScripts(s, cache, templateTextOf.get(s.path)))) : [];
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
  const sources = await Promise.all(sourcePromises);
  let next = 0;
  const declarations = build ? sourceInputs.map((m, i) => (m.stated === "source" ? sources[i]!.contents : (m.stated ?? derived[next++]!))) : undefined;

  const files: GeneratedFile[] = [
    {
      path: "package.json",
      contents: packageJson({
        name: packageName,
        version: packageVersion,
        description: `${artifactList(emitted.filter((e) => e.modules.length > 0).map((e) => e.emitter.artifact))} for ${rootList}, generated by koala-codegen from ${source}.`,
        schemaHash: model.source.hash,
        generatorVersion: GENERATOR_VERSION,
      }),
    },
    ...sources,
  ];
  if (declarations !== undefined) files.push(...distFiles(sources, await Promise.all(scriptPromises), declarations));
  files.push(...release.files);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { files: _releaseFiles, warnings: releaseWarnings, ...releaseInfo } = release;
  return { files, model, warnings: [...warnings, ...releaseWarnings], release: releaseInfo, inputs: [...inputFiles].sort() };
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

function isString(value: unknown): value is string {
  return typeof value === "string";
}

/** ["types", "guards", "client"] → "Types, guards and client": what the package really holds. */
function artifactList(artifacts: readonly string[]): string {
  const text = artifacts.length > 1 ? `${artifacts.slice(0, -1).join(", ")} and ${artifacts[artifacts.length - 1]}` : (artifacts[0] ?? "types");
  return text[0]!.toUpperCase() + text.slice(1);
}
