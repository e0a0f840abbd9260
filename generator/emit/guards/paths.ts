/** JSON Pointer pieces for error paths. */
import { code, type Code } from "../code";

/** One JSON Pointer token: "~" → "~0", "/" → "~1". */
export function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The parts of an expression {@link appendLiteral} built: what comes before its final string literal, and that literal's text. */
const trailingLiteral = new WeakMap<Code, { head: Code; text: string }>();

/**
 * `expression + "text"`, with the text merged into the string literal the expression ends with
 * when appendLiteral built it: `path + "/events"` and "/" give `path + "/events/"`, not
 * `path + "/events" + "/"`.
 */
export function appendLiteral(expression: Code, text: string): Code {
  const trailing = trailingLiteral.get(expression);
  const head = trailing ? trailing.head : expression;
  const merged = trailing ? trailing.text + text : text;
  const result = code`${head} + ${merged}`;
  trailingLiteral.set(result, { head, text: merged });
  return result;
}
