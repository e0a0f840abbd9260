/**
 * How generated modules name the runtime (the templates copied to `src/runtime/`), so that no name
 * the runtime uses can ever collide with a name from the user's schema:
 *
 * - every runtime export a module uses is imported under a `$` alias (`import { isEmail as
 *   $isEmail } from "./runtime/formats.js"`, then `$isEmail(value)`). Schema names never hold a
 *   `$` (ir/naming.ts keeps letters and digits only), so a definition named `email`, `uri` or
 *   `Evaluated` keeps its name. Aliased named imports rather than a namespace (`$formats.isEmail`):
 *   both tree-shake alike in esbuild (the bundle is byte for byte the same size), but esbuild's
 *   CommonJS build turns a namespace import into a copy of the module's exports behind getters
 *   (`__toESM`), one more call for every helper on the guards' hot path; with aliases, dist/cjs is
 *   what plain named imports gave. (builders.ts imports its runtime as the namespace `runtime`, a
 *   value name no schema name can take: see emit/builders/names.ts.)
 * - the runtime names a module re-exports for users (SchemaValidationError, ValidationResult,
 *   StampOptions, the transport's types, ...) follow one rule: **the user's type wins**. When a
 *   schema type of the package has the same name, the runtime's is re-exported as `$Name` instead
 *   (`import type { $ValidationError } from "<package>"`): still reachable, never in the way.
 */

import { code, id, join, type Code } from "./code";

/** The local name a runtime export is imported under: `isEmail` → `$isEmail`. */
export function runtimeAlias(name: string): string {
  return `$${name}`;
}

/** `a as $a, type B as $B`: the specifiers importing `names` (sorted by the caller) under their aliases. */
export function runtimeImports(names: readonly string[], types: ReadonlySet<string>): Code {
  return join(
    names.map((name) => (types.has(name) ? code`type ${id(name)} as ${id(runtimeAlias(name))}` : code`${id(name)} as ${id(runtimeAlias(name))}`)),
    ", ",
  );
}

/** The name a runtime export is re-exported under: its own, unless a type of the package has it (then `$Name`). */
export function reexportedAs(name: string, packageTypes: ReadonlySet<string>): string {
  return packageTypes.has(name) ? `$${name}` : name;
}

/** `export { A, B as $B } from "./runtime/x.js";` (or `export type`) for the names given; none → no statement. */
export function reexportStatement(names: readonly string[], template: string, packageTypes: ReadonlySet<string>, typeOnly: boolean): Code[] {
  if (names.length === 0) return [];
  const specifiers = names.map((name) => {
    const as = reexportedAs(name, packageTypes);
    return as === name ? id(name) : code`${id(name)} as ${id(as)}`;
  });
  const from = `./${template.replace(/\.ts$/, ".js")}`;
  return [typeOnly ? code`export type { ${join(specifiers, ", ")} } from ${from};` : code`export { ${join(specifiers, ", ")} } from ${from};`];
}
