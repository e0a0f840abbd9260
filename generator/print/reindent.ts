/**
 * A linear-time stand-in for prettier on large generated modules (a 3,000-definition schema
 * gives a ~10 MB guards.ts: prettier needs a minute for it, this a fraction of a second). It only
 * re-indents by bracket depth, two spaces a level; the code itself is already one statement a line.
 * Strings and comments are skipped, so brackets inside them do not count. Generated code has no
 * regular expression literals (patterns are `new RegExp("...")`), which keeps this scanner honest.
 */

/** Modules larger than this skip prettier and get `reindent()` (output stays deterministic). */
export const PRETTIER_SIZE_LIMIT = 256 * 1024;

/**
 * In a package whose printed sources add up to more than LARGE_PACKAGE, modules larger than
 * LARGE_PACKAGE_PRETTIER_SIZE_LIMIT skip prettier too. prettier formats ~0.1 MB/s: on a 0.3 MB
 * OpenAPI document (types and builders ~0.2 MB each, guards 2 MB) it took longer than everything
 * else together. Koala's package (~60 KB) and the OpenAPI schema's guards (~0.2 MB) are formatted as before.
 */
export const LARGE_PACKAGE = 1024 * 1024;
export const LARGE_PACKAGE_PRETTIER_SIZE_LIMIT = 64 * 1024;

/** Whether a module of `size` characters, in a package of `packageSize`, is re-indented rather than formatted by prettier. */
export function skipsPrettier(size: number, packageSize: number): boolean {
  return size > PRETTIER_SIZE_LIMIT || (size > LARGE_PACKAGE_PRETTIER_SIZE_LIMIT && packageSize > LARGE_PACKAGE);
}

export function reindent(source: string): string {
  // One pass over the source's character codes: each line's bounds found in place (no slice and
  // trim per line, only the slice that is kept), strings skipped with indexOf, and a table that
  // tells the few characters that matter from the rest. This runs over every line of megabytes of
  // guards, twice for their TypeScript and JavaScript, on the run's critical path (stripe: 8.5 MB).
  // The text is built by concatenation in the loop, not joined after it: nothing runs after the
  // loop. V8 optimizes this function in the middle of its first long call (on-stack replacement),
  // when the code after the loop has never run, and that code then left the optimized function
  // on every later call entered the same way (stripe: ~900 deoptimizations, one a statement of the guards).
  let text = "";
  let depth = 0;
  let inBlockComment = false;
  const length = source.length;
  for (let start = 0; start <= length; ) {
    const newLine = source.indexOf("\n", start);
    const end = newLine < 0 ? length : newLine;
    let first = start;
    while (first < end && isTrimmed(source.charCodeAt(first))) first++;
    let last = end;
    while (last > first && isTrimmed(source.charCodeAt(last - 1))) last--;
    start = end + 1;
    let indented = "";
    if (first !== last) {
      // The line as trim() gives it.
      const line = source.slice(first, last);
      if (inBlockComment) {
        indented = `${indentation(depth)} ${line}`;
        if (line.includes("*/")) inBlockComment = false;
      } else {
        let closing = first;
        while (closing < last && isClosing(source.charCodeAt(closing))) closing++;
        indented = indentation(depth - (closing - first)) + line;
        depth = Math.max(0, depth + scan(source, first, last));
        inBlockComment = openComment;
      }
    }
    // Lines joined by "\n", as a split and join would.
    text += newLine < 0 ? indented : `${indented}\n`;
  }
  return text;
}

const INDENTATION: string[] = [""];

/** Two spaces a level (none below zero). */
function indentation(depth: number): string {
  if (depth <= 0) return "";
  while (INDENTATION.length <= depth) INDENTATION.push(`${INDENTATION[INDENTATION.length - 1]!}  `);
  return INDENTATION[depth]!;
}

const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKTICK = 96;

function isClosing(c: number): boolean {
  return c === 41 || c === 93 || c === 125; // ) ] }
}

/** Whether the line scanned last leaves a block comment open (scan's second result, kept out of an object per line). */
let openComment = false;

/**
 * What scan() does at a character code below 128: nothing (0), a bracket that opens (1) or closes
 * (2), a quote (3), a slash (4). One load and one test for most characters.
 */
const KIND = new Uint8Array(128);
for (const c of [123, 40, 91]) KIND[c] = 1; // { ( [
for (const c of [125, 41, 93]) KIND[c] = 2; // } ) ]
for (const c of [QUOTE, APOSTROPHE, BACKTICK]) KIND[c] = 3;
KIND[SLASH] = 4;

/** Net bracket depth change of source[from, to) (one trimmed line), outside strings and comments; sets openComment. */
function scan(source: string, from: number, to: number): number {
  let delta = 0;
  openComment = false;
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    const kind = c < 128 ? KIND[c]! : 0;
    if (kind === 0) continue;
    if (kind === 1) delta++;
    else if (kind === 2) delta--;
    else if (kind === 3) {
      // The closing quote on this line: the next one not escaped (after an even run of backslashes).
      // An unclosed string ends the line's scan, as it did read character by character. (Searches
      // for one quote never overlap, each starts past the last one's find: linear in all.)
      const quote = String.fromCharCode(c);
      let close = source.indexOf(quote, i + 1);
      while (close >= 0 && close < to && escaped(source, i + 1, close)) close = source.indexOf(quote, close + 1);
      if (close < 0 || close >= to) return delta;
      i = close;
    } else {
      const next = i + 1 < to ? source.charCodeAt(i + 1) : -1;
      if (next === SLASH) break;
      if (next === STAR) {
        const close = source.indexOf("*/", i + 2);
        if (close < 0 || close + 2 > to) {
          openComment = true;
          return delta;
        }
        i = close + 1;
      }
    }
  }
  return delta;
}

/** Whether the character at `at` follows an odd run of backslashes that begins at `from` or later. */
function escaped(source: string, from: number, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= from && source.charCodeAt(i) === BACKSLASH; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** Whether String.prototype.trim removes the character: ECMAScript's WhiteSpace and LineTerminator. */
function isTrimmed(c: number): boolean {
  if (c === 32) return true;
  if (c < 128) return c >= 9 && c <= 13;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
