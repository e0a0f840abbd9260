import { CodegenError } from "../errors";

/**
 * JSON.parse with the error turned into `file:line:column`. Node reports a character offset
 * ("... in JSON at position 123" or "(line 4 column 7)"); people and editors want line:column.
 */
export function parseJson(text: string, file: string): unknown {
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
  // "Unexpected end of JSON input" carries no position: the error is at the end.
  const offset = position ? Number(position[1]) : text.length;
  return offsetToLineColumn(text, offset);
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
