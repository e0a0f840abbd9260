/**
 * Work handed to the other thread (print/format-thread.ts) that this thread takes back when it is
 * idle first. The worker answers its requests in order, so on a large document a job sent there
 * while it was busy waits in its queue, and the main thread, done emitting, would only wait for
 * it: stripe's builders.ts and operations.ts went to esbuild only once the worker had re-indented
 * guards.ts and written its JavaScript (~0.3 s), the main thread idle meanwhile. A shared flag
 * settles who does it: the first thread to claim it. The same function runs either way: the same text.
 * Taken back: handing a source to esbuild, re-indenting (operations.ts, printed last, queued
 * behind the guards' JavaScript), and writing the stated JavaScript of a module of a few megabytes
 * at most (builders.js, operations.js: print/build-dist.ts's buildStatedScripts). Not the guards'
 * JavaScript (printScripts): megabytes of strings, measured 2-3 times slower on the main thread,
 * whose heap is large by then.
 */

/** A job's flag, shared with the other thread (a SharedArrayBuffer is not copied by postMessage). */
export function newClaim(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Whether this thread does the job: true for the first thread to ask, false for the other. */
export function claim(flag: Int32Array): boolean {
  return Atomics.compareExchange(flag, 0, 0, 1) === 0;
}

/**
 * `work()`'s result, from the other thread (`send`, whose answer is null when this thread claimed
 * the job first) or from this one: `takeBack` gets a function this thread calls once it is idle,
 * which does the job here unless the other thread has claimed it. Should the other thread fail
 * (it has ended), the job is done here.
 */
export function shareWork<T>(send: (flag: Int32Array) => Promise<T | null>, work: () => T | Promise<T>, takeBack: (() => void)[]): Promise<T> {
  const flag = newClaim();
  return new Promise<T>((resolve, reject) => {
    let done = false;
    // Settles with the work done here (resolve and reject: only the first call counts).
    const doHere = (): void => {
      if (done) return;
      done = true;
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    };
    // Settled at once, not when the other thread gets to the request and answers null.
    takeBack.push(() => {
      if (claim(flag)) doHere();
    });
    send(flag).then((answer) => (answer !== null ? resolve(answer) : doHere()), doHere);
  });
}
