/** The `client` artifact: `client.ts`, a factory `createXClient` with one method per endpoint. */
import { declareArtifact } from "../artifact";

/** The names client.ts declares for a client named `stem` (default: the root type's name). */
export const clientNames = {
  factory: (stem: string): string => `create${stem}Client`,
  client: (stem: string): string => `${stem}Client`,
  options: (stem: string): string => `${stem}ClientOptions`,
};

/** Every name client.ts declares for a client named `stem`: reserved before any type is named. */
export function allClientNames(stem: string): string[] {
  return [clientNames.factory(stem), clientNames.client(stem), clientNames.options(stem)];
}

export const clientArtifact = declareArtifact({
  artifact: "client",
  requires: ["types", "guards", "builders"],
  namesForRoot: allClientNames,
});

/**
 * The transport's types: the package exports them all from its `<package>/transport` subpath
 * (transport.ts), out of the way of the user's names. The builders reserve them all the same.
 */
export const CLIENT_RUNTIME_TYPES = [
  "AbortSignalLike",
  "CallOptions",
  "ClientHooks",
  "FailureKind",
  "FetchInit",
  "FetchLike",
  "FetchResponse",
  "RequestEvent",
  "ResponseEvent",
  "RetryEvent",
  "RetryOptions",
  "SendFailure",
  "SendResult",
  "SendSuccess",
  "TransportOptions",
  "ValidationIssue",
];

/** Types a generated client re-exports from the queue, when it has one. */
export const QUEUE_TYPES = ["BatchQueue", "BatchQueueOptions", "CloseResult", "QueueFailure", "QueueStats", "RequestFailure"];
