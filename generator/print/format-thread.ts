/**
 * prettier on a worker thread, for the CLI: started first thing, it loads and warms up prettier
 * on the second core while the main thread loads TypeScript (ts-morph) and builds the modules;
 * then the main thread builds the `.d.ts` files while the worker formats. On a cold
 * `koala-codegen generate` this hides most of prettier's ~0.25 s. generate() takes the thread's
 * `format` as its `formatter`; without one it formats on its own thread (the API's default).
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { availableParallelism } from "node:os";
import { SHARE_ENV, Worker } from "node:worker_threads";
import { PRINT_DIR } from "../paths";
import type { FormatReply, FormatRequest } from "./format-worker";
import type { Scripts, StatedScript } from "./scripts";
import type { OffloadAnswer, OffloadRequest } from "./offload";
import { unpackTexts } from "./moved-texts";

/** A request to the worker without its id (each kind's own fields). */
type FormatRequestBody = FormatRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

export type Formatter = (source: string, file: string) => Promise<string>;

export interface FormatThread {
  format: Formatter;
  /** A module's JavaScript, built by esbuild from this thread (print/scripts.ts): for large modules, whose transfer to esbuild's process and back would otherwise wait for the caller's thread. */
  buildScripts(path: string, source: string): Promise<Scripts>;
  /** With the job's flag (print/claim.ts): null when the caller claimed it first (and sent it to esbuild itself). */
  buildScripts(path: string, source: string, claim: Int32Array): Promise<Scripts | null>;
  /** A module's JavaScript written from its emitter's code (print/scripts.ts, printScripts) on this thread, for large modules. */
  printScripts(header: string, script: StatedScript): Promise<Scripts>;
  /** With the job's flag (print/claim.ts): null when the caller claimed it first (and wrote it itself). */
  printScripts(header: string, script: StatedScript, claim: Int32Array): Promise<Scripts | null>;
  /**
   * Work of the main thread's on a large document, on the first worker (print/offload.ts), which
   * large modules leave idle (they skip prettier): the main thread meanwhile emits the rest. `id`
   * names the request (a `model` request's id is the `package` of those that use that model).
   */
  offload(request: OffloadRequest): { id: number; answer: Promise<OffloadAnswer> };
  /** How many worker threads format (one, or two once there is much to format). */
  readonly threads: number;
  /** Ends the worker; pending calls reject. */
  close(): Promise<void>;
}

let running: FormatThread | undefined;

/**
 * Starts the worker (once per process) and returns the formatter; undefined when the compiled
 * worker is not there (the generator run from its TypeScript sources, as in unit tests), so callers
 * format in-thread. One worker, and a second only once 64 KB wait on the first (big schemas): on
 * a schema like Koala's a second one, measured, loses more to the core it takes from TypeScript's
 * loading than it gains; on hundreds of definitions it halves the wait for prettier.
 * `started`: the worker thread of format-worker.js that the `koala-codegen` command started before
 * it loaded the CLI (startFormatWorker), used as the first worker.
 */
export function startFormatThread(started?: Worker): FormatThread | undefined {
  if (running) return running;
  const script = path.join(PRINT_DIR, "format-worker.js");
  if (!existsSync(script)) return undefined;
  const workers = [startWorker(script, started)];
  const thread: FormatThread = {
    format: (source, file) => {
      let worker = workers.reduce((best, w) => (w.queued < best.queued ? w : best));
      if (worker.queued >= SECOND_WORKER_AT && workers.length < MAX_WORKERS) workers.push((worker = startWorker(script)));
      return worker.format(source, file);
    },
    // On the first worker: large modules skip prettier, so it is idle by then.
    buildScripts: ((path: string, source: string, claim?: Int32Array) => workers[0]!.send({ source, file: path, scripts: true, ...(claim && { claim }) })) as FormatThread["buildScripts"],
    printScripts: ((header: string, script: StatedScript, claim?: Int32Array) => workers[0]!.send({ source: header, file: "", stated: script, ...(claim && { claim }) })) as FormatThread["printScripts"],
    offload: (request) => {
      const id = workers[0]!.nextId;
      return { id, answer: workers[0]!.send(request) as Promise<OffloadAnswer> };
    },
    get threads() {
      return workers.length;
    },
    close: async () => {
      if (running === thread) running = undefined;
      await Promise.all(workers.map((w) => w.worker.terminate()));
      // terminate() resolves before the "exit" event is delivered; calls from here on must fail.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
  };
  running = thread;
  return thread;
}

const SECOND_WORKER_AT = 64 * 1024;
const MAX_WORKERS = Math.min(2, availableParallelism());

/** The thread startFormatThread() started, if any. */
export function runningFormatThread(): FormatThread | undefined {
  return running;
}

interface FormatWorker {
  worker: Worker;
  /** Characters sent to format and not answered yet. */
  queued: number;
  format: Formatter;
  /** A request (format, build, or the main thread's work: offload.ts), answered with the reply's text, scripts or answer. */
  send(request: FormatRequestBody): Promise<string | Scripts | OffloadAnswer | null>;
  /** The id of the next request sent. */
  readonly nextId: number;
}

function startWorker(script: string, started?: Worker): FormatWorker {
  // The environment shared, as the early worker's (early-format-worker.ts): tier-up.ts keeps its state there.
  const worker = started ?? new Worker(script, { env: SHARE_ENV });
  const pending = new Map<number, { resolve: (answer: string | Scripts | OffloadAnswer | null) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  // Set once the worker has ended: later calls fail at once instead of waiting for no answer.
  let ended: Error | undefined;
  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on("message", (message: FormatReply) => {
    // Its texts of megabytes came as bytes: getters now, that decode them if read (moved-texts.ts).
    const reply = unpackTexts(message);
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if ("error" in reply) p.reject(new Error(reply.error));
    else p.resolve("text" in reply ? reply.text : "answer" in reply ? reply.answer : reply.scripts);
  });
  worker.on("error", (error) => failAll(error));
  const onExit = (): void => {
    ended = new Error("internal: the prettier worker thread has ended");
    failAll(ended);
  };
  worker.on("exit", onExit);
  // A worker started earlier may have ended already (its "exit" delivered before this listener): threadId is then -1.
  if (worker.threadId === -1) onExit();
  // Never what keeps the process alive: an idle formatter must not hold the CLI open (an error
  // exit, say). After the listeners: adding a "message" listener takes a reference again.
  worker.unref();
  const send = (request: FormatRequestBody): Promise<string | Scripts | OffloadAnswer | null> =>
    new Promise<string | Scripts | OffloadAnswer | null>((resolve, reject) => {
      if (ended) return reject(ended);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // Referenced while work is pending, so the process waits for the answer.
      worker.ref();
      worker.postMessage({ id, ...request } as FormatRequest);
    }).finally(() => {
      if (pending.size === 0) worker.unref();
    });
  const self: FormatWorker = {
    worker,
    queued: 0,
    send,
    get nextId() {
      return nextId;
    },
    format: (source, file) => {
      self.queued += source.length;
      return (send({ source, file }) as Promise<string>).finally(() => {
        self.queued -= source.length;
      });
    },
  };
  return self;
}
