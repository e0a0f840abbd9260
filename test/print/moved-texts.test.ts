/**
 * Texts of megabytes cross from the worker thread as UTF-8 bytes (print/moved-texts.ts): packed
 * there, posted with their buffers transferred, unpacked here into getters that decode them. Every
 * reader sees the same strings; the bytes stay at hand for the write (textBytes, copyText).
 * Through a real MessageChannel, whose messages are deserialized in Node's main context (not jest's).
 */
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { copyText, MOVED_TEXT_MIN_CHARS, packTexts, textBytes, unpackTexts } from "../../generator/print/moved-texts";

/** `value` packed, posted through a real channel with its buffers transferred, and unpacked on arrival. */
async function throughChannel<T>(value: T): Promise<{ received: T; transferred: number }> {
  const { port1, port2 } = new MessageChannel();
  try {
    const { packed, transfer } = packTexts(value);
    const arrived = new Promise<T>((resolve) => (port2 as MessagePort).once("message", (message: T) => resolve(message)));
    port1.postMessage(packed, transfer);
    // A transferred buffer is gone on the sending side: moved, not copied.
    for (const buffer of transfer) expect(buffer.byteLength).toBe(0);
    return { received: unpackTexts(await arrived), transferred: transfer.length };
  } finally {
    port1.close();
    port2.close();
  }
}

const large = (seed: string): string => seed.repeat(Math.ceil(MOVED_TEXT_MIN_CHARS / seed.length) + 1);

test("strings of a megabyte or more, at any depth, arrive as getters over their bytes; smaller ones as they were", async () => {
  const ascii = large("export function isA(value: unknown): boolean { return true; }\n");
  // Two-byte characters and an astral one (a surrogate pair): UTF-8 holds them exactly.
  const unicode = large("/** Café ∀ 🐨 */\n");
  const answer = { reindented: ascii, scripts: { esm: unicode, cjs: "small" }, list: [ascii, 3, null, "tiny"], flag: true };
  const { received, transferred } = await throughChannel(answer);
  expect(transferred).toBe(3);
  // The value sent was not changed (the worker keeps some answers: the release's files).
  expect(answer.reindented).toBe(ascii);
  expect(textBytes(received, "reindented")).toBeDefined();
  expect(Buffer.from(textBytes(received.scripts, "esm")!).equals(Buffer.from(unicode, "utf8"))).toBe(true);
  expect(textBytes(received.scripts, "cjs")).toBeUndefined();
  expect(textBytes(received.list, 0)).toBeDefined();
  // Read as text: the same strings, whatever reads them (a spread, JSON).
  expect(received).toEqual(answer);
  expect({ ...received.scripts }.esm).toBe(unicode);
  expect(JSON.stringify(received.list)).toBe(JSON.stringify(answer.list));
});

test("a text with a lone surrogate, which UTF-8 cannot hold, is posted as a string", async () => {
  const broken = `${large("x")}\ud800`;
  const { received, transferred } = await throughChannel({ text: broken });
  expect(transferred).toBe(0);
  expect(textBytes(received, "text")).toBeUndefined();
  expect(received.text).toBe(broken);
});

test("copyText carries the bytes from one object to another, or the plain string", async () => {
  const text = large("abc\n");
  const { received } = await throughChannel({ reindented: text });
  const file = copyText({ path: "src/guards.ts" } as { path: string; contents: string }, "contents", received, "reindented");
  expect(textBytes(file, "contents")).toBe(textBytes(received, "reindented"));
  expect(file.contents).toBe(text);
  const plain = copyText({ path: "a.ts" } as { path: string; contents: string }, "contents", { text: "x" }, "text");
  expect(textBytes(plain, "contents")).toBeUndefined();
  expect(plain).toEqual({ path: "a.ts", contents: "x" });
});
