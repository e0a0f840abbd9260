/** What generate() takes and returns: the public contract of the pipeline (generator/pipeline/generate.ts). */
import type { ClientEmitOptions, EmitOptions, ShortBuilderSettings, StampSettings } from "../emit/emitter";
import type { Heuristic } from "../emit/heuristics";
import type { Artifact } from "../emit/index";
import type { GeneratedFile } from "../generated-file";
import type { IrModel } from "../ir/model";
import type { LoadOptions } from "../load/load-schema";
import type { Formatter, FormatThread } from "../print/format-thread";
import type { PreviousOutput, Release } from "../release/release";

/** One schema of a package of several (`generate({ schemas: [...] })`). */
export interface SchemaInput {
  /** A schema file path (JSON or YAML) or a schema object. */
  schema: string | object;
  /** The root type's name; an OpenAPI document's API name, which names its client (no type has it); default: the schema's `title`, else the file name. */
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
  /** The root type's name (with `schema`; an OpenAPI document's API name); default: the schema's `title`, else the file name. */
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
  /** The properties the builders stamp, instead of those found by name; `false`: none (see StampSettings). */
  stamps?: StampSettings;
  /** The short builders, instead of those the discriminators suggest; `false`: none (see ShortBuilderSettings). */
  shortBuilders?: ShortBuilderSettings;
  /** Also list the stamps, idempotency keys and short builders in the result (`heuristics`), for `generate --verbose`. */
  reportHeuristics?: boolean;
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
  /**
   * Another thread for the main thread's own work on a large document (the CLI passes prettier's,
   * print/format-thread.ts): the release and the types module are built there while this thread
   * emits the guards, and large modules are re-indented there (print/offload.ts). Default: everything on this thread.
   */
  thread?: Pick<FormatThread, "offload">;
  /** Run prettier over the generated sources. Default true; tests that only execute the code skip it. */
  format?: boolean;
}

export interface GenerateResult {
  files: GeneratedFile[];
  model: IrModel;
  /** Non-fatal findings (name collisions resolved with a suffix, ...). */
  warnings: string[];
  /** With `reportHeuristics`: what the builders and client took from property names, and where (`file#pointer`). */
  heuristics?: (Heuristic & { where: string })[];
  /** Every schema file read (absolute paths: the roots and what their `$ref`s reached), for `--watch`. */
  inputs: string[];
  /** The package version, whether it is released, its step and the API changes since the last release. */
  release: Omit<Release, "files" | "warnings">;
}
