/**
 * The worker thread behind format-thread.ts: loads prettier as soon as it starts and formats what
 * it is sent, in order. (A warm-up on sample code was tried: generate() now sends the first module
 * before prettier has even loaded, so the worker is never idle early and warming up only delayed it.)
 */
// First: prettier's compiled code comes from V8's cache too (a thread of ours: the caller's own loading is untouched).
import { saveCodeCache } from "../compile-cache";
import { parentPort } from "node:worker_threads";
import { formatTypeScript, loadPrettier } from "./format";

export interface FormatRequest {
  id: number;
  source: string;
  file: string;
}

export type FormatReply = { id: number; text: string } | { id: number; error: string };

const port = parentPort;
if (port) {
  // Loaded now, while the main thread is still loading and emitting.
  loadPrettier();
  let queue = Promise.resolve();
  let saved = false;
  port.on("message", (request: FormatRequest) => {
    queue = queue.then(() =>
      formatTypeScript(request.source, request.file).then(
        (text) => port.postMessage({ id: request.id, text } satisfies FormatReply),
        (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies FormatReply),
      ).then(() => {
        // The thread is ended, never exits: prettier's code (with what the first format compiled) is kept after the first answer.
        if (!saved) saveCodeCache();
        saved = true;
      }),
    );
  });
}
