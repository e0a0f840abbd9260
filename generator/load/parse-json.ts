import { CodegenError } from "../errors";

/**
 * JSON.parse with the error turned into `file:line:column`. Node reports a character offset
 * ("... in JSON at position 123" or "(line 4 column 7)"); people and editors want line:column.
 */
export function parseJson(withBom: string, file: string): unknown {
  // A UTF-8 byte order mark, which RFC 8259 lets a parser ignore and .NET's writers put first
  // (Dialogporten's NSwag document, @digdir/dialogporten-schema), is not JSON.parse's: left out,
  // also from the line:column of an error (an editor does not show it).
  const text = withBom.charCodeAt(0) === 0xfeff ? withBom.slice(1) : withBom;
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = locateJsonError(message, text);
    const reason = message.replace(/\s*(in JSON )?at position \d+.*$/s, "").replace(/\s*\(line \d+ column \d+\)$/, "");
    throw new CodegenError("invalidJson", `invalid JSON: ${reason}`, { file, line, column });
  }
}

function locateJsonError(message: string, text: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(message);
  // Some messages ("Unexpected token '}', ... is not valid JSON") carry no position: find it ourselves.
  const offset = position ? Number(position[1]) : findSyntaxError(text);
  return offsetToLineColumn(text, offset);
}

/** The offset of the first JSON syntax error in `text` (a small scan; `text.length` at a premature end). */
export function findSyntaxError(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const expect = (word: string): void => {
    for (const ch of word) if (text[i++] !== ch) (i--, fail());
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? "")) ((i += k), fail());
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const scalar = (): void => {
    const ch = text[i];
    if (ch === '"') return string();
    if (ch === "t") return expect("true");
    if (ch === "f") return expect("false");
    if (ch === "n") return expect("null");
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!number) fail();
    i += number![0].length;
  };
  const key = (): void => {
    space();
    if (text[i] !== '"') fail();
    string();
    space();
    if (text[i] !== ":") fail();
    i++;
  };
  // The containers still open, innermost last: a stack, not recursion, since a document nests as
  // deep as JSON.parse allows (which is far deeper than the call stack).
  const open: ("{" | "[")[] = [];
  /** After a value: closes what it ends; true when the top-level value is complete. */
  const afterValue = (): boolean => {
    while (open.length > 0) {
      space();
      const inner = open[open.length - 1];
      if (text[i] === ",") {
        i++;
        if (inner === "{") key();
        return false;
      }
      if (text[i] !== (inner === "{" ? "}" : "]")) fail();
      i++;
      open.pop();
    }
    return true;
  };
  const value = (): void => {
    for (;;) {
      space();
      const ch = text[i];
      if (ch === "{" || ch === "[") {
        i++;
        space();
        if (text[i] === (ch === "{" ? "}" : "]")) i++;
        else {
          open.push(ch);
          if (ch === "{") key();
          continue;
        }
      } else scalar();
      if (afterValue()) return;
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail();
  } catch (offset) {
    if (typeof offset === "number") return Math.min(offset, text.length);
    throw offset;
  }
  return text.length;
}

export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
