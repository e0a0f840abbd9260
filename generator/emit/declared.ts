/**
 * A statement of a module built as text together with what it puts in the module's `.d.ts`, so
 * the emitter states its declarations (EmittedModule.declarations) instead of TypeScript deriving
 * them from the bodies (builders, client).
 */
export interface BuilderStatement {
  code: string;
  declaration: string;
  /** The declaration without its doc comment: what its imports are found in (a comment needs none). */
  declared: string;
}

/** A type alias after its doc comment: the same in both files. */
export function exportedType(doc: string, alias: string): BuilderStatement {
  const text = `${doc}\n${alias}`;
  return { code: text, declaration: text, declared: alias };
}

/** Comment lines (`// ...`), kept in both files. */
export function commentLines(text: string): BuilderStatement {
  return { code: text, declaration: text, declared: "" };
}

/** `signature` is the function's head without its body ("export function f(a: A): B"). */
export function exportedFunction(doc: string, signature: string, body: readonly string[]): BuilderStatement {
  if (!signature.startsWith("export function ")) throw new Error(`internal: not an exported function head: ${signature}`);
  const declared = `${signature.replace(/^export function /, "export declare function ")};`;
  return { code: [doc, `${signature} {`, ...body, "}"].join("\n"), declaration: `${doc}\n${declared}`, declared };
}
