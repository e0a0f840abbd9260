/**
 * The top-level names a runtime template exports. Generated modules import them by name next to
 * the schema's types (`import { isEmail } from "./runtime/formats.js"` beside a type `Email` whose
 * guard is `isEmail`), so no type or derived name may take one: generate() reserves them all.
 */
const DECLARATION = /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|var|class|type|interface|enum|namespace)\s+([\p{ID_Start}$_][\p{ID_Continue}$]*)/gmu;
const LIST = /^export\s+(?:type\s+)?\{([^}]*)\}/gm;

/** Names exported by a template's TypeScript source (declarations and `export { a, b as c }` lists). */
export function templateExports(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(DECLARATION)) names.add(match[1]!);
  for (const match of source.matchAll(LIST)) {
    for (const part of match[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()!.replace(/^type\s+/, "").trim();
      if (name) names.add(name);
    }
  }
  return [...names];
}
