/**
 * The worker thread behind format-thread.ts: loads prettier as soon as it starts and formats what
 * it is sent, in order. (A warm-up on sample code was tried: generate() now sends the first module
 * before prettier has even loaded, so the worker is never idle early and warming up only delayed it.)
 */
// First: prettier's compiled code comes from V8's cache too (a thread of ours: the caller's own loading is untouched).
import { saveCodeCache } from "../compile-cache";
import { parentPort } from "node:worker_threads";
import { formatTypeScript, loadPrettier } from "./format";
import { claim } from "./claim";
import { isOffloadRequest, runOffload, type OffloadAnswer, type OffloadRequest } from "./offload";
import { printScripts, transformScripts, type Scripts, type StatedScript } from "./scripts";
import { packTexts } from "./moved-texts";

export type FormatRequest =
  | {
      id: number;
      source: string;
      file: string;
      /** Build the source's JavaScript (print/scripts.ts) instead of formatting it. */
      scripts?: true;
      /** Write this module's JavaScript (print/scripts.ts's printScripts; `source` is its header) instead of formatting. */
      stated?: StatedScript;
      /** With `scripts` or `stated`: the job's flag (print/claim.ts): the main thread may have done it first, and is then answered null. */
      claim?: Int32Array;
    }
  | ({ id: number } & OffloadRequest);

export type FormatReply = { id: number; text: string } | { id: number; scripts: Scripts | null } | { id: number; answer: OffloadAnswer } | { id: number; error: string };

const port = parentPort;
if (port) {
  // Texts of megabytes (a large document's guards, its API snapshot) go as bytes, moved, not copied (moved-texts.ts).
  const reply = (message: FormatReply): void => {
    const { packed, transfer } = packTexts(message);
    port.postMessage(packed, transfer);
  };
  // Loaded now, while the main thread is still loading and emitting.
  loadPrettier();
  let queue = Promise.resolve();
  let saved = false;
  const failed = (id: number) => (error: unknown) => reply({ id, error: error instanceof Error ? error.message : String(error) });
  port.on("message", (request: FormatRequest) => {
    // The main thread's work on a large document (offload.ts): at once, in the order sent.
    if (isOffloadRequest(request)) {
      try {
        reply({ id: request.id, answer: runOffload(request.id, request) });
        // The types emitter was compiled here, not on the main thread: its code is kept for the next run.
        if ("types" in request) saveCodeCache();
      } catch (error) {
        failed(request.id)(error);
      }
      return;
    }
    // Written, or sent to esbuild, by the main thread already, should it have been idle first (print/claim.ts).
    if ((request.stated || request.scripts) && request.claim !== undefined && !claim(request.claim)) {
      reply({ id: request.id, scripts: null });
      return;
    }
    if (request.stated) {
      try {
        reply({ id: request.id, scripts: printScripts(request.source, request.stated) });
      } catch (error) {
        failed(request.id)(error);
      }
      return;
    }
    // esbuild works in its own process: this thread only passes the source and the result, beside formatting.
    if (request.scripts) {
      transformScripts([{ path: request.file, source: request.source }]).then(([scripts]) => reply({ id: request.id, scripts: scripts! }), failed(request.id));
      return;
    }
    queue = queue.then(() =>
      formatTypeScript(request.source, request.file).then(
        (text) => reply({ id: request.id, text }),
        failed(request.id),
      ).then(() => {
        // The thread is ended, never exits: prettier's code (with what the first format compiled) is kept after the first answer.
        if (!saved) saveCodeCache();
        saved = true;
      }),
    );
  });
}
