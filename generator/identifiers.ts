/**
 * Identifiers from any text: the rules for valid JavaScript/TypeScript identifiers and reserved
 * words. Plain string functions with no dependency, shared by the IR's naming stage (ir/naming.ts,
 * which adds collisions and derived names) and the OpenAPI reader (operation names).
 */

export const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/** Words a declaration may not take: ECMAScript/TypeScript reserved words and the globals a type would shadow. */
export const RESERVED: ReadonlySet<string> = new Set(
  [
    // ECMAScript reserved words and strict-mode / TypeScript keywords that cannot name a type
    "break case catch class const continue debugger default delete do else enum export extends false finally for",
    "function if import in instanceof new null return super switch this throw true try typeof var void while with",
    "implements interface let package private protected public static yield await any boolean never number object",
    "string symbol undefined unknown bigint type as asserts infer is keyof readonly unique satisfies declare module",
    "namespace require global abstract accessor async constructor get set of out override",
    // Globals that generated code (or its users) rely on: shadowing them would be a trap
    "Object String Number Boolean Array Date Error RegExp Promise Record Partial Required Readonly Pick Omit",
    "Exclude Extract NonNullable Map Set WeakMap Symbol JSON Math Function BigInt Uint8Array",
  ]
    .join(" ")
    .split(" "),
);

/**
 * IDENTIFIER and the word splitting below on ASCII text, where `\p{ID_Start}` is a letter,
 * `\p{ID_Continue}` a letter, digit or `_`, `\p{L}`/`\p{N}` a letter/digit, and NFC changes
 * nothing. Nearly every name is ASCII: the Unicode classes (and ICU's normalization) cost their
 * first use alone ~0.05 s of a run, and each call ~10x what the ASCII forms do.
 */
const ASCII_IDENTIFIER = /^[A-Za-z$_][\w$]*$/;
const NON_ASCII = /[^\x00-\x7f]/;

export function isIdentifier(text: string): boolean {
  if (ASCII_IDENTIFIER.test(text)) return true;
  return NON_ASCII.test(text) && IDENTIFIER.test(text);
}

/** A property key needs quotes in an object literal or interface unless it is an identifier. */
export function isBareKey(key: string): boolean {
  return isIdentifier(key);
}

/** "koala-profile batch_request" → "KoalaProfileBatchRequest"; keeps inner capitals ("TrackEvent"). */
export function toPascalCase(raw: string): string {
  const words = (NON_ASCII.test(raw) ? raw.normalize("NFC").split(/[^\p{L}\p{N}]+/u) : raw.split(/[^A-Za-z0-9]+/)).filter((word) => word.length > 0);
  const joined = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
  return joined;
}

/** "page_views" → "pageViews": for builder parameters and short function names. */
export function toCamelCase(raw: string): string {
  const pascal = toPascalCase(raw);
  return pascal ? pascal[0]!.toLowerCase() + pascal.slice(1) : pascal;
}

/** Any text → a valid type identifier that is not reserved ("3d-model" → "_3dModel", "string" → "String_"). */
export function toTypeName(raw: string): string {
  let name = toPascalCase(raw);
  if (name === "") name = "Type";
  if (!isIdentifier(name)) name = `_${name}`;
  if (!isIdentifier(name)) name = `_${name.replace(/[^\p{ID_Continue}$]/gu, "")}`;
  if (RESERVED.has(name)) name = `${name}_`;
  return name;
}

/** Any text → a valid value identifier (function or parameter name) that is not reserved. */
export function toValueName(raw: string): string {
  let name = toCamelCase(raw);
  if (name === "") name = "value";
  if (!isIdentifier(name)) name = `_${name}`;
  if (RESERVED.has(name)) name = `${name}_`;
  return name;
}

/**
 * The `n`th name for `base` once `base` is taken (n >= 2): `Foo2`, and after a digit `Response200_2`
 * (not `Response2002`, which reads as another status). Types and operations number names alike.
 */
export function numberedName(base: string, n: number): string {
  return /\d$/.test(base) ? `${base}_${n}` : `${base}${n}`;
}
