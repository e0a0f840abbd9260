/**
 * The emitter contract: IR in, statements as text out. No Project, no prettier, no disk:
 * printing and formatting happen once, later, for every file together. A new artifact is one new
 * folder plus one line in `emit/index.ts`.
 */
import type { Statement } from "../print/print-module";
import type { StatedScript } from "../print/scripts";
import type { IrApi, IrModel } from "../ir/model";

export interface EmitOptions {
  /** The artifacts emitted (emit/index.ts: each requested one with what it depends on). */
  artifacts: readonly string[];
  /** `assert` (default): guards check `format`; `annotate`: `format` is documentation only. */
  formats: "assert" | "annotate";
  /**
   * Root type name → the path its client method posts to, for the roots that have one
   * (`model.roots` lists every root; a package of several schemas has several).
   */
  endpoints?: Readonly<Record<string, string>>;
  /** The OpenAPI documents of the package, each with its API's name (IrRoot.name: the client's, createXClient) and type names after merging (for the operations emitter). */
  apis?: readonly (IrApi & { apiName: string })[];
  /** What the client needs beyond the endpoints (see ClientEmitOptions). */
  client?: ClientEmitOptions;
  /**
   * Every type name the package exports (all schemas', even those an emitter does not see): a
   * runtime name re-exported next to them gives way to them (emit/runtime-names.ts). Default: the model's.
   */
  packageTypes?: ReadonlySet<string>;
  /** What the builders would otherwise guess from property names (see HeuristicSettings). */
  heuristics?: HeuristicSettings;
}

/**
 * The config's say over what is otherwise guessed from property names, so that renaming a property
 * does not silently change the generated API (`generate --verbose` prints what was found). The
 * client's idempotency key is ClientEmitOptions.idempotencyKey.
 */
export interface HeuristicSettings {
  /** The properties the builders' `StampOptions` fill; see StampSettings. */
  stamps?: StampSettings;
  /** Short builders (`track(...)`); see ShortBuilderSettings. */
  shortBuilders?: ShortBuilderSettings;
}

/**
 * Each stamp's property set explicitly (stamped in every object type that has it as a free
 * string), or `false` for none; left out: found by name (`message_id`, `sent_at`, ...). `false`:
 * no stamps at all.
 */
export type StampSettings = false | { idempotencyKey?: string | false; timestamp?: string | false };

/**
 * Item type name → its short builder's name (`{ "TrackEvent": "track" }`): exactly these, instead of
 * the names the schema's discriminators suggest; `false`: no short builders.
 */
export type ShortBuilderSettings = false | Readonly<Record<string, string>>;

/** The type names a runtime re-export gives way to (see EmitOptions.packageTypes). */
export function packageTypesOf({ model, options }: EmitContext): ReadonlySet<string> {
  return options.packageTypes ?? new Set(model.types.map((t) => t.name));
}

/** The generated client's service-specific settings: nothing about a service is built into the generator. */
export interface ClientEmitOptions {
  /** Names the factory `create${name}Client` (default: the first root type's name: an OpenAPI document has none). */
  name?: string;
  /** The default base URL; without one, `baseUrl` is a required option of the factory. */
  baseUrl?: string;
  /** The default User-Agent (generate() fills in `<package name>/<version>`). */
  userAgent?: string;
  /**
   * The item property that is an idempotency key, filled with a UUID before the first attempt when
   * missing; `false`: none. Default: the one string property of the root's array items that is named
   * like one (`message_id`, `idempotency_key`, `insert_id`, ...) or documented as one.
   */
  idempotencyKey?: string | false;
  /** Values of an error response's `error` field that mean a permanent suspension (kind `suspended`). */
  suspendedErrors?: readonly string[];
}

export interface EmitContext {
  model: IrModel;
  options: EmitOptions;
}

/** What an emitted module is made of: defined by the printer (print/print-module.ts), which prints it. */
export type { Statement };

/** One generated source module, relative to the package's `src/` folder ("types.ts"). */
export interface EmittedModule {
  path: string;
  statements: Statement[];
  /**
   * The module's `.d.ts`, when the emitter can state it more cheaply than TypeScript can derive it
   * from `statements`: the exports without their bodies (`export declare function isX(value: unknown): value is X;`),
   * or "source" for a module of types only, whose `.d.ts` is its own formatted source. Omitted:
   * TypeScript derives it (`transpileDeclaration`). Tests check that TypeScript derives from
   * `statements` exactly what these declare.
   */
  declarations?: Statement[] | "source";
  /**
   * The module holds types only: its JavaScript is an empty module's, built from its header alone
   * without waiting for it to be formatted (print/build-dist.ts, buildTypesOnlyScripts). Said
   * apart from `declarations`, which is about its `.d.ts`: a module may well have its source as
   * its declarations and still hold code.
   */
  typesOnly?: true;
  /**
   * The module's JavaScript, stated by its emitter (guards.ts, builders.ts, operations.ts):
   * written in both formats by print/scripts.ts (printScripts) instead of being compiled from
   * `statements` by esbuild, which spent ~0.9 s of CPU on stripe's 9 MB guards.ts and put
   * builders.ts and operations.ts on its critical path. Tests check that it is `statements`
   * without their types (test/emit/guards/guards-javascript.test.ts, test/emit/stated-javascript.test.ts).
   */
  javascript?: StatedScript;
  /**
   * Its statements print as prettier formats them (test/print/formatted-modules.test.ts holds them
   * so): the module skips prettier. For small modules of fixed shape (transport.ts): on a large
   * document prettier's thread is busy with the guards then, and formatting them cold (~0.05 s)
   * was the last thing the run waited for.
   */
  formatted?: true;
  /** A one-line description for the file header. */
  summary: string;
  /**
   * The module is a subpath export of its own (`<package>/<subpath>`, in package.json's `exports`)
   * instead of being re-exported by the package root (`index.ts`).
   */
  subpath?: string;
}

/** An emitter's code; its name and dependencies are declared apart (emit/artifact.ts). */
export interface Emitter {
  /** Hand-written runtime files from `templates/` that the emitted code imports ("runtime/formats.ts"). */
  templates: readonly string[];
  emit(context: EmitContext): EmittedModule[];
}
