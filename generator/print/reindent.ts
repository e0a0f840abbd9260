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
  // Character codes and a cache of indentation strings, not a regular expression and a `repeat`
  // per line: this runs over every line of megabytes of guards.
  const out: string[] = [];
  let depth = 0;
  let inBlockComment = false;
  for (let start = 0; start <= source.length; ) {
    const newLine = source.indexOf("\n", start);
    const end = newLine < 0 ? source.length : newLine;
    const line = source.slice(start, end).trim();
    start = end + 1;
    if (line === "") {
      out.push("");
      continue;
    }
    if (inBlockComment) {
      out.push(`${indentation(depth)} ${line}`);
      if (line.includes("*/")) inBlockComment = false;
      continue;
    }
    let closing = 0;
    while (closing < line.length && isClosing(line.charCodeAt(closing))) closing++;
    out.push(indentation(depth - closing) + line);
    depth = Math.max(0, depth + scan(line));
    inBlockComment = openComment;
  }
  return out.join("\n");
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

/** Net bracket depth change of one line, outside strings and comments; sets openComment. */
function scan(line: string): number {
  let delta = 0;
  openComment = false;
  const length = line.length;
  for (let i = 0; i < length; i++) {
    const c = line.charCodeAt(i);
    if (c === SLASH) {
      const next = line.charCodeAt(i + 1);
      if (next === SLASH) break;
      if (next === STAR) {
        const end = line.indexOf("*/", i + 2);
        if (end < 0) {
          openComment = true;
          return delta;
        }
        i = end + 1;
      }
    } else if (c === QUOTE || c === APOSTROPHE || c === BACKTICK) {
      for (i++; i < length && line.charCodeAt(i) !== c; i++) if (line.charCodeAt(i) === BACKSLASH) i++;
    } else if (c === 123 || c === 40 || c === 91) {
      // { ( [
      delta++;
    } else if (isClosing(c)) {
      delta--;
    }
  }
  return delta;
}
