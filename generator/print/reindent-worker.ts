/**
 * A worker thread that only re-indents (print/reindent.ts): format-thread.ts starts it on a large
 * package's first module too large for prettier, and each such module (guards, types, operations,
 * builders of a large OpenAPI document: megabytes each) is re-indented here as soon as it is
 * printed, while the main thread emits the next ones. Not on prettier's worker: that thread passes
 * the large modules to esbuild's process, and a re-indent there would hold its event loop, and so
 * the writes of megabytes of source to esbuild, for a tenth of a second. Loads nothing but reindent.js.
 */
import { parentPort } from "node:worker_threads";
import type { FormatReply, FormatRequest } from "./format-worker";
import { reindent } from "./reindent";

const port = parentPort;
port?.on("message", (request: FormatRequest) => {
  try {
    port.postMessage({ id: request.id, text: reindent(request.source) } satisfies FormatReply);
  } catch (error) {
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies FormatReply);
  }
});
