/**
 * print/claim.ts: a job sent to the other thread that this thread takes back when idle first. The
 * other thread is played here by `send` (its claim made, or not, on the shared flag), so each
 * order of events is certain: whoever claims first does the job, exactly once.
 */
import { claim, newClaim, shareWork } from "../../generator/print/claim";

test("taken back before the other thread begins: done here, settled at once (not when that thread answers)", async () => {
  const takeBack: (() => void)[] = [];
  let runs = 0;
  let flag!: Int32Array;
  // The other thread never answers: the result must not wait for it.
  const result = shareWork<string>((f) => ((flag = f), new Promise(() => undefined)), () => `here ${++runs}`, takeBack);
  takeBack.forEach((job) => job());
  await expect(result).resolves.toBe("here 1");
  // That thread, getting to it later, cannot claim it.
  expect(claim(flag)).toBe(false);
  expect(runs).toBe(1);
});

test("begun by the other thread first: its answer, and taking back does nothing", async () => {
  const takeBack: (() => void)[] = [];
  let runs = 0;
  const result = shareWork<string>((f) => (claim(f) ? Promise.resolve("there") : Promise.resolve(null)), () => `here ${++runs}`, takeBack);
  takeBack.forEach((job) => job());
  await expect(result).resolves.toBe("there");
  expect(runs).toBe(0);
});

test("the other thread fails (it has ended): done here; the work's own error is the one thrown", async () => {
  const ended = () => Promise.reject(new Error("internal: the prettier worker thread has ended"));
  await expect(shareWork(ended, () => "here", [])).resolves.toBe("here");
  await expect(
    shareWork(ended, () => {
      throw new Error("internal: generated a.ts does not compile");
    }, []),
  ).rejects.toThrow("does not compile");
  // An asynchronous job (esbuild's) taken back: its rejection is the result's.
  const takeBack: (() => void)[] = [];
  const result = shareWork<string>(() => new Promise(() => undefined), () => Promise.reject(new Error("esbuild failed")), takeBack);
  takeBack.forEach((job) => job());
  await expect(result).rejects.toThrow("esbuild failed");
});

test("a flag is claimed once", () => {
  const flag = newClaim();
  expect([claim(flag), claim(flag), claim(flag)]).toEqual([true, false, false]);
});
