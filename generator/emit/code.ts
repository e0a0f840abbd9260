/**
 * The only way schema data enters generated code. Strings from a schema (keys, const values,
 * patterns, descriptions) can never become code: values go through `literal()`, keys through
 * `member()`/`propertyKey()`, identifiers through `ir/naming.ts`, comments through `docText()`.
 * The `code` template tag quotes every interpolated plain value, so forgetting is not possible.
 */
import { isBareKey, isIdentifier } from "../ir/naming";

/** A piece of trusted code. Only this module and `code`-tagged templates create one. */
export class Code {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Interpolated = Code | string | number | boolean | null | undefined | readonly unknown[] | { readonly [key: string]: unknown };

/** code`isObject(${value}) && ${value}.type === ${"track"}`: plain values become JSON literals. */
export function code(strings: TemplateStringsArray, ...values: Interpolated[]): Code {
  // A plain loop, not forEach with a callback: called millions of times on a large document
  // (stripe: ~0.15 s of the main thread), most of them before TurboFan is on (generator/tier-up.ts),
  // where a callback per value costs ~1.6x the loop (measured unoptimized and optimized alike).
  let text = strings[0]!;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    text += (value instanceof Code ? value.text : literalText(value)) + strings[i + 1]!;
  }
  return new Code(text);
}

/**
 * Joins pieces of code with a separator (" && ", ", ", "\n"). A few pieces (most calls): a loop, for
 * the reason code() has one. Many (a module's functions): Array's join, which writes one flat
 * string, where concatenating makes a rope to flatten later (3x the time and 1.2x the memory on
 * 100,000 pieces, measured).
 */
export function join(parts: readonly Code[], separator: string): Code {
  if (parts.length > JOIN_BY_ARRAY_FROM) return new Code(parts.map((p) => p.text).join(separator));
  if (parts.length === 0) return new Code("");
  let text = parts[0]!.text;
  for (let i = 1; i < parts.length; i++) text += separator + parts[i]!.text;
  return new Code(text);
}

const JOIN_BY_ARRAY_FROM = 16;

/** A JSON value as a JavaScript expression: quotes, backslashes, U+2028/9, `</script>` all escaped. */
export function literal(value: unknown): Code {
  return new Code(literalText(value));
}

function literalText(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") {
    if (Object.is(value, -0)) return "-0";
    if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  }
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error(`internal: literal() got ${typeof value}`);
  // JSON allows U+2028/U+2029 in strings; older JavaScript did not. "<" keeps "</script>" and "<!--" inert.
  return json.replace(/[\u2028\u2029<]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

/** A validated identifier as code. Throws (an internal error) if `name` is not one. */
export function id(name: string): Code {
  if (!isIdentifier(name)) throw new Error(`internal: ${JSON.stringify(name)} is not an identifier`);
  return new Code(name);
}

/**
 * A placeholder token in code, resolved before the code is written (emit/guards/fold.ts): delimited
 * by NUL, which no other code holds (literal() escapes it), so no schema text can spell one.
 */
export function placeholder(kind: string, index: number): Code {
  if (!/^[a-z]$/.test(kind) || !Number.isInteger(index)) throw new Error(`internal: bad placeholder ${kind}${index}`);
  return new Code(`\u0000${kind}${index}\u0000`);
}

/**
 * TypeScript-only code in a module that is printed both as TypeScript and as JavaScript (guards.ts:
 * emit/guards/index.ts): a type annotation, `!`, ` as T`, `export ` before a declaration whose
 * JavaScript is exported by a list, a whole type declaration. Delimited by U+0001 and U+0002, which
 * no other code holds (literal() escapes them, comments show them as \u0001), the TypeScript keeps
 * the text ({@link typeScriptText}), the JavaScript drops it ({@link javaScriptText}): the emitter
 * writes each piece once and the two cannot drift apart, without a compiler between them. Not nested.
 */
export function ts(strings: TemplateStringsArray, ...values: Interpolated[]): Code {
  const inner = code(strings, ...values).text;
  if (/[\u0001\u0002]/.test(inner)) throw new Error(`internal: TypeScript-only code nested in another: ${JSON.stringify(inner)}`);
  return new Code(`${TS_ONLY_OPEN}${inner}${TS_ONLY_CLOSE}`);
}

/** The delimiters of {@link ts}, for code written as text (emit/guards/fold.ts). */
export const TS_ONLY_OPEN = "\u0001";
export const TS_ONLY_CLOSE = "\u0002";

/** The TypeScript of text holding {@link ts} pieces: the pieces without their delimiters. */
export function typeScriptText(text: string): string {
  return text.replace(/[\u0001\u0002]/g, "");
}

/** The TypeScript of code holding {@link ts} pieces, as code (the pieces kept, their marks dropped). */
export function typeScriptCode(marked: Code): Code {
  return new Code(typeScriptText(marked.text));
}

/** The JavaScript of text holding {@link ts} pieces: without them. */
export function javaScriptText(text: string): string {
  return text.replace(/\u0001[^\u0002]*\u0002/g, "");
}

/** `within` with every occurrence of the placeholder `token` replaced by `replacement`. */
export function substitute(within: Code, token: Code, replacement: Code): Code {
  if (!token.text.startsWith("\u0000")) throw new Error(`internal: ${JSON.stringify(token.text)} is not a placeholder`);
  return new Code(within.text.split(token.text).join(replacement.text));
}

/** `obj.key` when the key is an identifier, `obj["key"]` otherwise. */
export function member(object: Code, key: string): Code {
  return new Code(isBareKey(key) ? `${object.text}.${key}` : `${object.text}[${literalText(key)}]`);
}

/** `obj?.key` when the key is an identifier, `obj?.["key"]` otherwise. */
export function optionalMember(object: Code, key: string): Code {
  return new Code(isBareKey(key) ? `${object.text}?.${key}` : `${object.text}?.[${literalText(key)}]`);
}

/** A property name in an interface or type literal: bare when possible, quoted otherwise. */
export function propertyKey(key: string): string {
  return isBareKey(key) ? key : literalText(key);
}

/** propertyKey() as code. */
export function propertyKeyCode(key: string): Code {
  return new Code(propertyKey(key));
}

/** A key in a runtime object literal: `__proto__` (bare or quoted) would set the prototype, so it is computed. */
export function objectKey(key: string): Code {
  if (key === "__proto__") return new Code(`["__proto__"]`);
  return propertyKeyCode(key);
}

/**
 * A TypeScript type built by emit/type-expression.ts, as code: its names come from ir/naming.ts and
 * its literals and keys from literal() and propertyKey(), so its text is code already.
 */
export function typeCode(type: { readonly text: string }): Code {
  return new Code(type.text);
}

/**
 * A JSDoc block (`/** … *\/`) around the lines, made safe with docText(); one line stays on one
 * line unless `block`. `indent` goes before every line but the first (a member's doc in a body).
 */
export function docComment(lines: readonly string[], { block = false, indent = "" } = {}): Code {
  const text = docText(lines.join("\n")).split("\n");
  if (text.length === 1 && !block) return new Code(`/** ${text[0]} */`);
  return new Code(`/**\n${text.map((l) => `${indent} * ${l}`.trimEnd()).join("\n")}\n${indent} */`);
}

/** `//` comment lines, one per line of text: docText() keeps a comment inert, a line break in a text becomes a space. */
export function lineComments(lines: readonly string[]): Code {
  return new Code(lines.map((line) => `// ${docText(line).replace(/\n/g, " ")}`).join("\n"));
}

/** Text for a JSDoc comment: a `*\/` in a description must not end the comment early. */
export function docText(text: string): string {
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(CONTROL, escapeControl);
}

/** Text for a `//` line comment: one line, whatever the text holds (a file name with a newline...). */
export function lineCommentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, escapeControl).replace(CONTROL, escapeControl);
}

// Control characters other than tab and newline: shown as \uXXXX so that no raw NUL (or ESC...) lands in a file.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

function escapeControl(c: string): string {
  return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
}
