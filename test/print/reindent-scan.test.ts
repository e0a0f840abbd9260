/**
 * reindent() reads the source in one pass over its character codes (bounds of each line found in
 * place, strings skipped with indexOf, a table of the characters that matter): it must give, byte
 * for byte, what the line-by-line scan it replaced gave (kept below as the reference: each line
 * sliced and trimmed, then read one character at a time). Random texts made of what that scan
 * reacts to (brackets, the three quotes, backslashes, `//`, `/*`, `*\/`, every character trim()
 * removes, and line breaks), and the committed packages' modules.
 */
import * as fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { reindent } from "../../generator/print/reindent";

const SEED = 20261203;

/** The previous reindent(), line by line: the reference. */
function lineByLine(source: string): string {
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
    const pad = (d: number): string => "  ".repeat(Math.max(0, d));
    if (inBlockComment) {
      out.push(`${pad(depth)} ${line}`);
      if (line.includes("*/")) inBlockComment = false;
      continue;
    }
    let closing = 0;
    while (closing < line.length && ")]}".includes(line[closing]!)) closing++;
    out.push(pad(depth - closing) + line);
    let delta = 0;
    let open = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === "/") {
        if (line[i + 1] === "/") break;
        if (line[i + 1] === "*") {
          const close = line.indexOf("*/", i + 2);
          if (close < 0) {
            open = true;
            break;
          }
          i = close + 1;
        }
      } else if (c === '"' || c === "'" || c === "`") {
        for (i++; i < line.length && line[i] !== c; i++) if (line[i] === "\\") i++;
      } else if ("{([".includes(c)) delta++;
      else if (")]}".includes(c)) delta--;
    }
    depth = Math.max(0, depth + delta);
    inBlockComment = open;
  }
  return out.join("\n");
}

// Every character String.prototype.trim removes but the line break, which splits lines.
const TRIMMED = ["\t", "\u000b", "\f", "\r", " ", "\u00a0", "\u1680", "\u2000", "\u2005", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"];
const PIECES = ["{", "}", "(", ")", "[", "]", '"', "'", "`", "\\", "\\\\", "/", "//", "/*", "*/", "*", "\n", "\n", "\n", "a", "if (x) {", "return f(", ");", "const s = ", "\u200b", "é", ...TRIMMED];

test(`random texts re-indent as the line-by-line scan did (fast-check seed ${SEED})`, () => {
  console.log(`reindent-scan: fast-check seed ${SEED}`);
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 200 }).map((pieces) => pieces.join(""));
  fc.assert(
    fc.property(text, (source) => reindent(source) === lineByLine(source)),
    { seed: SEED, numRuns: 5000 },
  );
});

test("the committed packages' modules re-indent as the line-by-line scan did, as printed and as written", () => {
  const root = path.join(__dirname, "..", "..", "generated");
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (entry === "node_modules") continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|js)$/.test(entry)) files.push(full);
    }
  };
  walk(root);
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    // As written (indented already) and as an emitter prints it (no indentation at all).
    const flat = text.replace(/^[ \t]+/gm, "");
    expect(reindent(text)).toBe(lineByLine(text));
    expect(reindent(flat)).toBe(lineByLine(flat));
  }
});
