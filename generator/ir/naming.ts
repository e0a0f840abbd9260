/**
 * Naming, as its own stage: every identifier the output uses comes from here, so the rules for
 * valid identifiers, reserved words and collisions live in one place.
 */

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/** Words a declaration may not take: ECMAScript/TypeScript reserved words and the globals a type would shadow. */
const RESERVED = new Set(
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

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** A property key needs quotes in an object literal or interface unless it is an identifier. */
export function isBareKey(key: string): boolean {
  return isIdentifier(key);
}

/** "koala-profile batch_request" → "KoalaProfileBatchRequest"; keeps inner capitals ("TrackEvent"). */
export function toPascalCase(raw: string): string {
  const words = raw
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
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
  if (!IDENTIFIER.test(name)) name = `_${name}`;
  if (!IDENTIFIER.test(name)) name = `_${name.replace(/[^\p{ID_Continue}$]/gu, "")}`;
  if (RESERVED.has(name)) name = `${name}_`;
  return name;
}

/** Any text → a valid value identifier (function or parameter name) that is not reserved. */
export function toValueName(raw: string): string {
  let name = toCamelCase(raw);
  if (name === "") name = "value";
  if (!IDENTIFIER.test(name)) name = `_${name}`;
  if (RESERVED.has(name)) name = `${name}_`;
  return name;
}

/**
 * Hands out unique names in a deterministic way: the first comer keeps the name, later ones get
 * a numeric suffix (`Foo2`, `Foo3`) and a warning that says which schema locations collided.
 * Case-insensitive, because generated files may land on case-insensitive file systems and because
 * `Foo`/`foo` side by side confuses people.
 */
export class NameAllocator {
  private readonly taken = new Map<string, string>();
  readonly warnings: string[] = [];

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.set(name.toLowerCase(), "(reserved)");
  }

  allocate(desired: string, origin: string): string {
    const base = toTypeName(desired);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
    if (name !== base) {
      this.warnings.push(`name collision: ${origin} wanted "${base}", taken by ${this.taken.get(base.toLowerCase())}; using "${name}"`);
    }
    this.taken.set(name.toLowerCase(), origin);
    return name;
  }

  has(name: string): boolean {
    return this.taken.has(name.toLowerCase());
  }
}
