/**
 * Statements → text. Every module is built as text (the types too: print/type-declarations.ts) and
 * joined here the way ts-morph's printer joins text statements, without loading ts-morph: loading
 * it loads TypeScript's stand-in and @ts-morph/common, and a cold `generate` sends these modules to
 * prettier meanwhile. Every exported declaration gets a blank line around it (separateDeclarations).
 */

/** One statement of a module, as text. */
export type Statement = string;

export interface PrintableModule {
  path: string;
  header: string;
  statements: Statement[];
  /** The module's `.d.ts`, when the emitter states it (EmittedModule.declarations). */
  declarations?: Statement[] | "source";
  /** Its statements print as prettier formats them (EmittedModule.formatted): it skips prettier. */
  formatted?: true;
}

export interface PrintedModule {
  path: string;
  text: string;
  /** `declarations` printed, or "source" (see EmittedModule.declarations). */
  declarations?: string;
  /** Printed as prettier formats it (PrintableModule.formatted). */
  formatted?: true;
}

/** A module's text, and its declarations' text when it has them. */
export function printModule(module: PrintableModule): PrintedModule {
  const printed: PrintedModule = { path: module.path, text: printStatements(module.header, module.statements), ...(module.formatted && { formatted: true as const }) };
  if (module.declarations !== undefined) printed.declarations = module.declarations === "source" ? "source" : printStatements(module.header, module.declarations);
  return printed;
}

function printStatements(header: string, statements: Statement[]): string {
  return `${header}\n${joinTextStatements(separateDeclarations(statements))}`;
}

/**
 * A blank line between an exported declaration and whatever comes before or after it, so that a
 * reader sees where each export starts. Not after a statement of comments only (a note that
 * belongs to what follows), nor between imports or re-exports (`export { A } from`, `export *`).
 */
export function separateDeclarations(statements: readonly string[]): string[] {
  const out = [...statements];
  let previous = -1;
  statements.forEach((statement, i) => {
    if (statement.trim() === "") return;
    if (previous >= 0 && separates(statements[previous]!, statement)) out[previous] = `${withoutTrailingNewLines(statements[previous]!)}\n\n`;
    previous = i;
  });
  return out;
}

/** `text.replace(/\n*$/, "")` without the regular expression, which tries every position of the text in turn. */
function withoutTrailingNewLines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === NEW_LINE) end--;
  return end === text.length ? text : text.slice(0, end);
}

const NEW_LINE = 10;

function separates(before: string, after: string): boolean {
  return !isCommentOnly(before) && (isExportedDeclaration(before) || isExportedDeclaration(after));
}

/** Leading comments (doc comments, `//` lines) and white space. */
const LEADING_COMMENTS = /^(?:\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*)*/;

/**
 * Where the statement's code starts, after its leading comments: their length, matched, rather
 * than the statement without them (`replace` copied every statement, megabytes of guards, for each
 * of the checks below).
 */
function codeStart(statement: string): number {
  return LEADING_COMMENTS.exec(statement)![0].length;
}

function isCommentOnly(statement: string): boolean {
  return codeStart(statement) === statement.length;
}

/** `export ` not followed by `{`, `*` or `type {`; sticky, from where the code starts. */
const EXPORTED_DECLARATION = /export\s+(?!\{|\*|type\s*\{)/y;

/** `export function`, `export const`, `export interface`, ... but not a re-export (`export {`, `export type {`, `export *`). */
function isExportedDeclaration(statement: string): boolean {
  EXPORTED_DECLARATION.lastIndex = codeStart(statement);
  return EXPORTED_DECLARATION.test(statement);
}

/**
 * Text statements joined as ts-morph's printer joins them (tests hold the two equal): a blank line
 * after a statement that ends with `}`, a line break after any other, and one at the end.
 */
export function joinTextStatements(statements: readonly string[]): string {
  // Pieces, not a growing string: each decision looks at how the text so far ends (its last two
  // characters, kept as pieces are added) and at the previous statement, so the join stays linear
  // on megabytes of guards.
  const parts: string[] = [];
  let tail = "";
  let lastVisible = "";
  let empty = true;
  const add = (piece: string): void => {
    parts.push(piece);
    tail = piece.length >= 2 ? piece.slice(-2) : `${tail}${piece}`.slice(-2);
  };
  for (const statement of statements) {
    if (!empty) {
      if (!tail.endsWith("\n")) add("\n");
      if (lastVisible === "}" && tail !== "\n\n") add("\n");
    }
    add(statement);
    if (statement !== "") empty = false;
    const visible = statement.trimEnd();
    if (visible !== "") lastVisible = visible[visible.length - 1]!;
  }
  const text = parts.join("");
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}

