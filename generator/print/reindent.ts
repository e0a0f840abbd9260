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
  const out: string[] = [];
  let depth = 0;
  let inBlockComment = false;
  for (const raw of source.split("\n")) {
    const line = raw.trim();
    if (line === "") {
      out.push("");
      continue;
    }
    if (inBlockComment) {
      out.push(`${"  ".repeat(depth)} ${line}`);
      if (line.includes("*/")) inBlockComment = false;
      continue;
    }
    const closing = /^[)\]}]+/.exec(line)?.[0].length ?? 0;
    out.push(`${"  ".repeat(Math.max(0, depth - closing))}${line}`);
    const scanned = scan(line);
    depth = Math.max(0, depth + scanned.delta);
    inBlockComment = scanned.openComment;
  }
  return out.join("\n");
}

/** Net bracket depth change of one line, outside strings and comments; whether a block comment stays open. */
function scan(line: string): { delta: number; openComment: boolean } {
  let delta = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "/" && line[i + 1] === "/") break;
    if (c === "/" && line[i + 1] === "*") {
      const end = line.indexOf("*/", i + 2);
      if (end < 0) return { delta, openComment: true };
      i = end + 1;
    } else if (c === '"' || c === "'" || c === "`") {
      for (i++; i < line.length && line[i] !== c; i++) if (line[i] === "\\") i++;
    } else if (c === "{" || c === "(" || c === "[") {
      delta++;
    } else if (c === "}" || c === ")" || c === "]") {
      delta--;
    }
  }
  return { delta, openComment: false };
}
