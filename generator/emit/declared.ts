/**
 * A statement of a module built as code together with what it puts in the module's `.d.ts`, so
 * the emitter states its declarations (EmittedModule.declarations) instead of TypeScript deriving
 * them from the bodies (builders, client). Its code marks what is TypeScript only (emit/code.ts's
 * `ts`): the module's TypeScript is the code with those parts, its JavaScript the code without
 * them (EmittedModule.javascript, builders.ts), so no compiler is needed between the two.
 */
import { code, join, ts, typeScriptCode, type Code } from "./code";

export interface BuilderStatement {
  /** The statement, TypeScript-only parts marked (typeScriptText gives the TypeScript, javaScriptText the JavaScript). */
  code: Code;
  declaration: Code;
  /** The declaration without its doc comment: what its imports are found in (a comment needs none). */
  declared: Code;
  /** The values the statement exports (its function), for the JavaScript's export list. */
  exports: string[];
}

/** A type alias (or interface) after its doc comment: the same in both files, none of it in the JavaScript. */
export function exportedType(doc: Code, alias: Code): BuilderStatement {
  const text = code`${doc}\n${alias}`;
  return { code: ts`${text}`, declaration: text, declared: alias, exports: [] };
}

/** Comment lines (`// ...`), kept in both TypeScript files; the JavaScript keeps no comments (as esbuild built it). */
export function commentLines(comments: Code): BuilderStatement {
  return { code: ts`${comments}`, declaration: comments, declared: code``, exports: [] };
}

/** A parameter of an exported function: `name?: type` in TypeScript, `name` in JavaScript. */
export interface Parameter {
  name: Code;
  type: Code;
  optional?: boolean;
}

/** `function name(params): returns { body }`, exported, after its doc comment; `body` its lines (TypeScript-only parts marked). */
export function exportedFunction(doc: Code, name: Code, params: readonly Parameter[], returns: Code, body: readonly Code[]): BuilderStatement {
  // The parameters with their types marked TypeScript-only: the declaration keeps them all.
  const marked = join(
    params.map((p) => code`${p.name}${ts`${p.optional ? code`?` : code``}: ${p.type}`}`),
    ", ",
  );
  const declared = code`export declare function ${name}(${typeScriptCode(marked)}): ${returns};`;
  return {
    code: join([code`${ts`${doc}\nexport `}function ${name}(${marked})${ts`: ${returns}`} {`, ...body, code`}`], "\n"),
    declaration: code`${doc}\n${declared}`,
    declared,
    exports: [name.text],
  };
}
