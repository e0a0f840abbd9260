/**
 * A statement of a module built as code together with what it puts in the module's `.d.ts`, so
 * the emitter states its declarations (EmittedModule.declarations) instead of TypeScript deriving
 * them from the bodies (builders, client).
 */
import { code, join, type Code } from "./code";

export interface BuilderStatement {
  code: Code;
  declaration: Code;
  /** The declaration without its doc comment: what its imports are found in (a comment needs none). */
  declared: Code;
}

/** A type alias (or interface) after its doc comment: the same in both files. */
export function exportedType(doc: Code, alias: Code): BuilderStatement {
  const text = code`${doc}\n${alias}`;
  return { code: text, declaration: text, declared: alias };
}

/** Comment lines (`// ...`), kept in both files. */
export function commentLines(comments: Code): BuilderStatement {
  return { code: comments, declaration: comments, declared: code`` };
}

/** `head` is the function's name, parameters and return type ("f(a: A): B"); `body` its lines. */
export function exportedFunction(doc: Code, head: Code, body: readonly Code[]): BuilderStatement {
  const declared = code`export declare function ${head};`;
  return { code: join([doc, code`export function ${head} {`, ...body, code`}`], "\n"), declaration: code`${doc}\n${declared}`, declared };
}
