/**
 * Texts of megabytes that cross from the worker thread (print/format-worker.ts) to the main thread
 * as their UTF-8 bytes, moved rather than copied, and reach the disk as those bytes.
 *
 * Why: on a large document the worker's last answers are the whole package's bulk (stripe's
 * guards.ts, its ESM and its CommonJS: 25 MB of text; koala-codegen.api.json: 5 MB), and they are
 * the end of the run's critical path. A structured clone of those strings was ~0.04 s on the
 * worker and ~0.03 s on the main thread, which then encoded the same texts again to compare them
 * with the previous output and to write them (write/write-output.ts). As bytes, the worker encodes
 * each once, the buffers are transferred (no copy), and the main thread writes and compares the
 * bytes: it never decodes them unless something reads the text.
 *
 * Every reader still sees strings: a moved text is a getter that decodes it on first read (the
 * API's `generate()` gives the same `contents`, byte for byte: only well-formed texts are moved,
 * whose UTF-8 round trip is exact). The bytes go along where a text is copied from one object to
 * another with copyText; anywhere else the text is simply decoded.
 */

/** The moved texts of an object (the UTF-8 bytes behind its getters), by property. In the global registry: any copy of this module reads them. */
const BYTES = Symbol.for("koala-codegen.utf8");

/** From how many characters a string of an answer is moved as bytes: below, the clone is cheap. */
export const MOVED_TEXT_MIN_CHARS = 1024 * 1024;

/** The key of a moved text on its way (a plain string: symbols do not survive postMessage). */
const BYTES_MARK = "__koalaCodegenUtf8__";

/** A moved text in an answer on its way: the bytes, which the receiving thread turns back into a getter. */
interface MovedText {
  [BYTES_MARK]: Uint8Array;
}

type WithBytes = { [BYTES]?: Record<string, Uint8Array> };

/**
 * `value` with each string of MOVED_TEXT_MIN_CHARS or more (in plain objects and arrays, at any
 * depth) replaced by its UTF-8 bytes, and the buffers to transfer: for postMessage(answer, transfer).
 * A copy: `value` itself is left as it was (the worker keeps some answers, the release's files).
 */
export function packTexts(value: unknown): { packed: unknown; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const pack = (v: unknown): unknown => {
    if (typeof v === "string") {
      if (v.length < MOVED_TEXT_MIN_CHARS || !isWellFormed(v)) return v;
      const bytes = encode(v);
      transfer.push(bytes.buffer as ArrayBuffer);
      return { [BYTES_MARK]: bytes } satisfies MovedText;
    }
    if (Array.isArray(v)) return v.map(pack);
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) out[key] = pack(v[key]);
      return out;
    }
    return v;
  };
  return { packed: pack(value), transfer };
}

/** The answer as sent, with each moved text a getter again (holding its bytes: textBytes). In place. */
export function unpackTexts<T>(value: T): T {
  const unpack = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => (isMovedText(item) ? setMovedText(v, i, item[BYTES_MARK]) : unpack(item)));
    } else if (isPlainObject(v)) {
      for (const key of Object.keys(v)) {
        const item = v[key];
        if (isMovedText(item)) setMovedText(v, key, item[BYTES_MARK]);
        else unpack(item);
      }
    }
    return v;
  };
  return unpack(value) as T;
}

/** The UTF-8 bytes behind `target[key]` when it is a moved text; undefined otherwise (read the string). */
export function textBytes(target: object, key: PropertyKey): Uint8Array | undefined {
  return (target as WithBytes)[BYTES]?.[String(key)];
}

/**
 * `to[toKey] = from[fromKey]`, with the bytes when it is a moved text (not decoded here): a
 * module's source, or its JavaScript, becoming a file of the package.
 */
export function copyText<T extends object>(to: T, toKey: keyof T & string, from: object, fromKey: string): T {
  const bytes = textBytes(from, fromKey);
  if (bytes !== undefined) setMovedText(to, toKey, bytes);
  else (to as Record<string, unknown>)[toKey] = (from as Record<string, unknown>)[fromKey];
  return to;
}

function setMovedText(target: object, key: string | number, bytes: Uint8Array): void {
  let text: string | undefined;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => (text ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8")),
  });
  const holder = target as WithBytes;
  if (!Object.prototype.hasOwnProperty.call(holder, BYTES)) Object.defineProperty(holder, BYTES, { value: {}, enumerable: false });
  holder[BYTES]![String(key)] = bytes;
}

/** A text's UTF-8 bytes in a buffer of their own (a large Buffer.from never comes from the shared pool, but that is not promised). */
function encode(text: string): Uint8Array {
  const buffer = Buffer.from(text, "utf8");
  if (buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.byteLength) return new Uint8Array(buffer.buffer, 0, buffer.byteLength);
  return new Uint8Array(buffer);
}

/** Without lone surrogates: UTF-8 holds it exactly (String.prototype.isWellFormed, Node 20+). */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

function isMovedText(value: unknown): value is MovedText {
  if (!isPlainObject(value)) return false;
  const bytes = value[BYTES_MARK];
  return ArrayBuffer.isView(bytes) && Object.keys(value).length === 1;
}

/**
 * An object literal's kind: its prototype is an Object.prototype, of any realm (a message is
 * deserialized in the main context's, which a caller in a `vm` context, as jest's, does not share).
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}
