/**
 * The compilation scope of one subschema: which mode the code is for, the variable holding the
 * value, its JSON Pointer (collect mode), and the helpers a keyword check builds its code from.
 *
 * One compiler, three modes, so the fast path and the error path cannot drift apart:
 * - `is`: a failure is `return false` (no allocation, first failure wins); only for code inlined
 *   into an eval function: an `is` *function* is the collect function called without a list;
 * - `collect`: with an `errors` list a failure pushes a `ValidationError` and checking goes on (all
 *   errors); without one (the fast path) it returns false, like `is`;
 * - `eval`: like `is`, and records which keys/items were evaluated (for unevaluated*).
 */
import { code, id, join, placeholder, substitute, ts, type Code } from "../code";
import { onlyRef, type IrNode, type IrSchema } from "../../ir/model";
import type { GuardModule } from "./guard-module";
import { appendLiteral, escapeToken } from "./paths";

export type Mode = "is" | "collect" | "eval";

/**
 * A collecting function's own path: its optional `path` parameter, which every call with an error
 * list passes (the fast path passes neither, so no default value is computed on it).
 */
export const FUNCTION_PATH: Code = code`path${ts`!`}`;

/** Numbers the placeholders of {@link Scope.usedOnceOrLocal}: each is replaced before that call returns. */
let placeholders = 0;

/** The statements of one function body, appended in order. */
export class Body {
  private readonly lines: Code[] = [];
  line(statement: Code): void {
    this.lines.push(statement);
  }
  /** `head { ...inner }` */
  block(head: Code, inner: () => void, tail?: Code): void {
    this.lines.push(code`${head} {`);
    inner();
    this.lines.push(tail ? code`}${tail}` : code`}`);
  }
  /** Appends another body's statements. */
  append(other: Body): void {
    this.lines.push(...other.lines);
  }
  /** How many times the placeholder `token` occurs in the statements. */
  uses(token: Code): number {
    return this.lines.reduce((n, line) => n + line.text.split(token.text).length - 1, 0);
  }
  /** Replaces the placeholder `token` by `replacement` in every statement. */
  substitute(token: Code, replacement: Code): void {
    for (let i = 0; i < this.lines.length; i++) this.lines[i] = substitute(this.lines[i]!, token, replacement);
  }
  get isEmpty(): boolean {
    return this.lines.length === 0;
  }
  text(): Code {
    return join(this.lines, "\n");
  }
}

/** Fresh local names within one function (`o1`, `i2`, ...). */
export class Locals {
  private n = 0;
  next(prefix: string): Code {
    return id(`${prefix}${++this.n}`);
  }
}

export interface FailOptions {
  /** The instance path of the error; default: the scope's value. */
  path?: Code;
  /** The schema path; default: `<node>/<keyword>`. */
  schemaPath?: string;
  /** An error about one key (`k`): the message is `message`, the key as JSON, then `suffix`. */
  key?: Code;
  suffix?: string;
}

export type InlineCompiler = (scope: Scope, schema: IrSchema, schemaPath: string) => void;

export class Scope {
  constructor(
    readonly module: GuardModule,
    readonly mode: Mode,
    readonly body: Body,
    readonly locals: Locals,
    /** The variable holding the value being checked. */
    readonly value: Code,
    /** Its JSON Pointer, as an expression (collect mode; `path` at the top of a function). */
    readonly path: Code,
    /** The node being compiled (for error schema paths). */
    readonly node: IrNode | undefined,
    /** The annotation record to fill (eval mode, or a node with unevaluated*). */
    readonly ev: Code | undefined,
    private readonly inline: InlineCompiler,
    /** The dynamic scope's variable, in a function that takes one (see dynamic-scope.ts). */
    readonly dyn?: Code,
  ) {}

  /** The same position with another value variable (a narrowed alias), node, annotation record or dynamic scope. */
  with(changes: { value?: Code; node?: IrNode; ev?: Code | undefined; body?: Body; dyn?: Code }): Scope {
    return new Scope(
      this.module,
      this.mode,
      changes.body ?? this.body,
      this.locals,
      changes.value ?? this.value,
      this.path,
      changes.node ?? this.node,
      "ev" in changes ? changes.ev : this.ev,
      this.inline,
      changes.dyn ?? this.dyn,
    );
  }

  get collecting(): boolean {
    return this.mode === "collect";
  }

  local(prefix: string): Code {
    return this.locals.next(prefix);
  }

  /** The JSON Pointer of a child: a static key, or a dynamic key/index expression. */
  at(token: string | { index: Code } | { key: Code }): Code {
    // A string concatenation takes the optional parameter as it is: no `!` to say it is set.
    const path = this.path === FUNCTION_PATH ? code`path` : this.path;
    if (typeof token === "string") return appendLiteral(path, "/" + escapeToken(token));
    if ("index" in token) return code`${appendLiteral(path, "/")} + ${token.index}`;
    return code`${appendLiteral(path, "/")} + ${this.module.runtime("checks", "pointerToken")}(${token.key})`;
  }

  /**
   * The statement that reports a failed keyword in this mode. Collecting, it pushes the error, or
   * returns false when the function was called without a list (the fast path).
   */
  fail(keyword: string, message: string, options: FailOptions = {}): Code {
    if (!this.collecting) return this.module.returnFalse;
    const schemaPath = options.schemaPath ?? `${this.node?.schemaPath ?? "#"}/${keyword}`;
    const path = options.path ?? this.path;
    const report = options.key
      ? this.module.report(path, schemaPath, keyword, message, { key: options.key, after: options.suffix ?? "" })
      : this.module.report(path, schemaPath, keyword, message);
    return code`{ if (${report}) ${this.module.returnFalse} }`;
  }

  /** `if (condition) <fail>` */
  failIf(condition: Code, keyword: string, message: string, options: FailOptions = {}): void {
    this.body.line(code`if (${condition}) ${this.fail(keyword, message, options)}`);
  }

  /**
   * Compiles a subschema inline, for another value (a property, an item). Annotations stay with
   * that value. Collecting, a large subschema compiled more than once is a call to the function
   * its copies share instead (GuardModule.outlines).
   */
  child(schema: IrSchema, value: Code, path: Code, schemaPath: string): void {
    if (this.mode === "collect" && this.module.outlines(schema, schemaPath)) {
      this.body.line(this.collect(schema, value, path, schemaPath));
      return;
    }
    const mode: Mode = this.mode === "eval" ? "is" : this.mode;
    const scope = new Scope(this.module, mode, this.body, this.locals, value, path, undefined, undefined, this.inline, this.dyn);
    this.inline(scope, schema, schemaPath);
  }

  /**
   * {@link child} for an item or key of a loop, whose `path` is built from the loop variable
   * (`path + "/" + i`). Collecting, when the child reports at that path (or under it) more than
   * once, the path is built once per item, into a local, and only with an error list:
   * `const q = errors ? "" + i : ""`. Written at each failing check instead, the number's
   * conversion to a string is one pure node that V8's optimizing compiler shares between the
   * checks, and places where they all branch off: on the fast path, once per item (a fifth of a
   * 1,000-item array's time, once validateX has run the function with a list).
   */
  childInLoop(schema: IrSchema, value: Code, path: Code, schemaPath: string): void {
    if (!this.collecting) {
      this.child(schema, value, path, schemaPath);
      return;
    }
    // A conditional, not `(errors && path)!`: no TypeScript-only syntax to mark for the JavaScript.
    this.usedOnceOrLocal("q", path, (local) => code`const ${local} = errors ? ${path} : "";`, (scope, token) => scope.child(schema, value, token, schemaPath));
  }

  /**
   * Emits `emit(value)` for the value of `expression` (an array item, `a[i]`): read in place when
   * the code uses it once (an item that is a named type's: `collect$Item(a[i], ...)`), else into a
   * local first, read once for every check. Smaller code (the Koala guards' batch arrays), same
   * machine code.
   */
  readOnce(expression: Code, prefix: string, emit: (scope: Scope, value: Code) => void): void {
    this.usedOnceOrLocal(prefix, expression, (local) => code`const ${local} = ${expression};`, emit);
  }

  /**
   * `emit(scope, token)` with a placeholder for a value: `once` where the code it emits uses the
   * value once, else a local (`prefix`) that `declare(local)` sets before that code.
   */
  private usedOnceOrLocal(prefix: string, once: Code, declare: (local: Code) => Code, emit: (scope: Scope, token: Code) => void): void {
    // "q": a kind of its own (fold.ts's tokens are f, p, a, r, v and b, and may be in the code emitted).
    const token = placeholder("q", ++placeholders);
    const body = new Body();
    emit(this.with({ body }), token);
    if (body.uses(token) > 1) {
      const local = this.local(prefix);
      this.body.line(declare(local));
      body.substitute(token, local);
    } else body.substitute(token, once);
    this.body.append(body);
  }

  /**
   * A loop over the items of the array `a` (at `start`, for the `for` header), collecting or not:
   * `item(i, path)` emits the checks of the item at index `i`, whose path is `path`. Collecting,
   * that path is relative to the array (the index alone, as a string), and the errors the loop
   * added get the array's path in front after it (runtime's rebase): the path of a valid item is
   * never built, and an invalid one's once per error.
   */
  itemsLoop(a: Code, start: number, item: (i: Code, path: Code) => void): void {
    const i = this.local("i");
    // The length read once: the loop's body calls functions (a failing check's pushError, a
    // named type's check), after which V8 must reread `a.length` (and check `a`'s map again)
    // at every test of `i < a.length`. Read once, a 1,000-item array of small objects is ~7%
    // faster after varied inputs and a recursive tree ~5% (bench-guards-shapes). A check never
    // changes the array, so its length stays.
    const n = this.local("l");
    const header = code`for (let ${i} = ${start}, ${n} = ${a}.length; ${i} < ${n}; ${i}++)`;
    // In a recursive type's check, the loop may count the level of the data (GuardModule.depthLimited).
    const depth = this.module.openItemsLoop(a, start);
    const head = depth ? code`${depth.before}${header}` : header;
    const loop = (inner: () => void): void => {
      this.body.block(head, inner, depth?.after);
      this.module.closeItemsLoop();
    };
    if (!this.collecting) {
      loop(() => item(i, this.at({ index: i })));
      return;
    }
    const from = this.local("n");
    this.body.line(code`const ${from} = errors?.length;`);
    loop(() => item(i, code`"" + ${i}`));
    const base = this.path === FUNCTION_PATH ? code`path` : this.path;
    this.body.line(code`if (errors) ${this.module.runtime("validation", "rebase")}(errors, ${from}, ${appendLiteral(base, "/")});`);
  }

  /** A boolean expression: is `value` valid against `schema`? (A collecting function called without a list.) */
  test(schema: IrSchema, value: Code, schemaPath: string): Code {
    if (typeof schema === "boolean") return code`${schema}`;
    const ref = onlyRef(schema);
    const fn = ref ? this.module.named(ref, "is") : this.module.helper(schema, schemaPath, "is");
    return this.callIs(fn, value);
  }

  /** `fn(value)`: a collecting function called without a list (plus the dynamic scope, if it takes one). */
  callIs(fn: Code, value: Code): Code {
    return this.module.takesScope(fn) ? code`${fn}(${value}, "", undefined, ${this.dyn!})` : code`${fn}(${value})`;
  }

  /** `fn(value, ev)`: an eval function (plus the dynamic scope, if it takes one). */
  callEval(fn: Code, value: Code, ev: Code): Code {
    return this.module.takesScope(fn) ? code`${fn}(${value}, ${ev}, ${this.dyn!})` : code`${fn}(${value}, ${ev})`;
  }

  /**
   * A statement (collect mode) pushing `value`'s errors against `schema` into `errors`, or, on the
   * fast path (no list), returning false when it is invalid. The child's path is only built when
   * there is a list to report into.
   */
  collect(schema: IrSchema, value: Code, path: Code, schemaPath: string, listKnown = false): Code {
    if (schema === true) return code``;
    if (schema === false) {
      const report = this.module.report(path, schemaPath, "false", "boolean schema is false");
      return listKnown ? code`${report};` : code`{ if (${report}) ${this.module.returnFalse} }`;
    }
    const ref = onlyRef(schema);
    return this.callCollect(ref ? this.module.named(ref, "collect") : this.module.helper(schema, schemaPath, "collect"), value, path, listKnown);
  }

  /**
   * The statement calling a collecting function `fn` for `value` at `path` (see {@link collect}).
   * `listKnown`: the code runs only with an error list (after `if (!errors) return false;`), so
   * the call alone, its answer unused.
   */
  callCollect(fn: Code, value: Code, path: Code, listKnown = false): Code {
    const ownPath = path.text === FUNCTION_PATH.text;
    const scope = this.module.takesScope(fn) ? code`, ${this.dyn!}` : code``;
    if (listKnown) return code`${fn}(${value}, ${ownPath ? code`path` : path}, errors${scope}${this.module.rootArgument(fn)});`;
    const childPath = ownPath ? code`path` : code`errors && ${path}`;
    const call = code`${fn}(${value}, ${childPath}, errors${scope}${this.module.rootArgument(fn)})`;
    // In a recursive type's check, `!== true`, not `!`: a checking function returns a boolean (its
    // TypeScript says so), but V8 does not know that of a call it does not inline (a recursive
    // one), and tests `!result` for every falsy kind of value (a Smi, "", an undetectable object,
    // a heap number, a bigint) at every node of the data: one comparison instead is 6-13% of a
    // recursive tree's time (bench-guards-shapes). Elsewhere a call checks a larger part of the
    // data, where that test is noise, and `!` is 4 characters shorter (the Koala size budget).
    const failed = this.module.inRecursion ? code`${call} !== true` : code`!${call}`;
    return code`if (${failed} && !errors) ${this.module.returnFalse}`;
  }

  /** A boolean expression: is `value` valid against `schema`? Records annotations into `ev` if so. */
  evaluate(schema: IrSchema, value: Code, ev: Code, schemaPath: string): Code {
    if (typeof schema === "boolean") return code`${schema}`;
    const ref = onlyRef(schema);
    const fn = ref ? this.module.named(ref, "eval") : this.module.helper(schema, schemaPath, "eval");
    return this.callEval(fn, value, ev);
  }

  /** A runtime helper from templates/runtime/checks.ts. */
  check(name: string): Code {
    return this.module.runtime("checks", name);
  }
}

/**
 * Applies an in-place subschema (allOf member, dependentSchemas, then/else) to the scope's own
 * value: inline when no annotations are needed, through the eval helper when they are.
 */
export function applyInPlace(s: Scope, schema: IrSchema, schemaPath: string): void {
  if (s.ev && s.mode !== "collect") {
    s.body.line(code`if (!${s.evaluate(schema, s.value, s.ev, schemaPath)}) ${s.module.returnFalse}`);
    return;
  }
  s.child(schema, s.value, s.path, schemaPath);
  if (s.ev) s.body.line(code`${s.evaluate(schema, s.value, s.ev, schemaPath)};`);
}
