/**
 * koala-codegen's public API: re-exports only. The pipeline is generator/pipeline/generate.ts
 * (`generate()` is pure: a schema in, `{ path, contents }[]` out; only the CLI and write/ touch the
 * disk); docs/architecture.md is the map.
 */
export { generate } from "./pipeline/generate";
export type { GenerateOptions, GenerateResult, SchemaInput } from "./pipeline/options";
export type { GeneratedFile } from "./generated-file";
export { CodegenError, ExitCode, isCodegenError } from "./errors";
export type { IrModel } from "./ir/model";
export type { ClientEmitOptions, ShortBuilderSettings, StampSettings } from "./emit/emitter";
export { ARTIFACTS, type Artifact } from "./emit/index";
export { diffModels, bumpFor, bumpVersion, type ApiChange, type Bump } from "./release/diff-models";
export type { PreviousOutput } from "./release/release";
export { GENERATOR_VERSION } from "./version";
export { startFormatThread, type FormatThread, type Formatter } from "./print/format-thread";
export { startMockServer } from "./mock-server/server";
export type { AnswerAll, GuardFn, GuardIssue, MockServer, MockServerOptions, MockEndpoint, Received, ReceivedItem, ReceivedRequest } from "./mock-server/server";
export type { FaultKind, FaultOptions, InjectedFault } from "./mock-server/faults";
