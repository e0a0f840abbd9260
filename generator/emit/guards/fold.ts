/**
 * Folding check functions. Inline copies of one schema (an OpenAPI document repeats the same
 * parameter, error response or `expand` list in hundreds of operations) compile to functions that
 * differ only in their schema-path strings: on appcenter.ms, 1,707 of 2,906 functions, half the
 * guards. Here they become one function, which takes its schema path as one more parameter, `at`,
 * read only where an error is reported: every error keeps exactly the schema path it had.
 *
 * How: a function's text is compiled as before, except that it names schema paths, check
 * functions and their paths through tokens (below). Once compiled, its key is its text with each
 * token read relative to the function's own schema path (its root): the same key is the same code
 * for another place. Keys are computed when a function is defined, and a helper is defined before
 * the function calling it (compiled inside it), so a caller's key names its helpers' groups:
 * copies calling copies fold too. A named type called by name is keyed by its name. At the end
 * ({@link FunctionFolder.link}), a group of one is written exactly as it was compiled (literal
 * schema paths: a schema without copies gets the same guards as before); a larger group is
 * declared once, under one of its names, with `at` read where its copies' paths differ,
 * and every call to it passes the callee's path.
 *
 * The fast path is unchanged: a call without an error list passes no path at all, a call with
 * one builds the callee's path only when there is a list (`errors && at + "/anyOf/0"`), and so
 * does a report (`$pushError$(errors, path!, (errors && at + "/type")!, …)`).
 */
import { code, literal, placeholder, TS_ONLY_CLOSE, TS_ONLY_OPEN, type Code } from "../code";

/** The module constant holding a long schema path (see GuardModule.schemaPathCode). */
export interface PathBase {
  readonly origin: string;
  readonly name: Code;
  /** The base its own path is written from (the named type it is nested in), if any. */
  readonly parent: PathBase | undefined;
}

export interface CheckFunction {
  readonly id: number;
  /** Its own name: `collect$X`, `eval$X` (named types) or `collect$12` (helpers). */
  readonly name: Code;
  /** The schema path of the schema it checks. */
  readonly root: string;
  readonly mode: "collect" | "eval";
  /** A named type's function: keyed by name in its callers' keys (it is compiled later than they are). */
  readonly named: boolean;
  /** False for functions taking the dynamic scope: the scope objects refer to them as they are. */
  readonly foldable: boolean;
  /** Its declaration, with tokens; set once compiled. */
  text?: string;
  group?: Group;
  /**
   * Set for another copy of a subschema that `target` checks (structure.ts): never declared, its
   * calls are calls to the target's function with this copy's path (its own root) as `at`.
   */
  readonly target?: CheckFunction;
  /** The functions it calls with an error list, by their tokens' arguments (read with its key). */
  calls?: { callee: CheckFunction }[];
}

interface Group {
  readonly members: CheckFunction[];
  readonly id: number;
  /** Some other copy's calls go to this group's function (an alias): it takes `at` even alone. */
  shared?: boolean;
}

/** The function a folded group is declared as: its first named type's (`collect$Deps` reads better than `collect$2`), else its first. */
function leader(group: Group): CheckFunction {
  return group.members.find((fn) => fn.named) ?? group.members[0]!;
}

/**
 * Tokens: NUL, a kind letter, a number, NUL. No other generated text holds a NUL (literal()
 * escapes it, comments show it as \u0000), so a token cannot be mistaken for code.
 * - `f<function>`: a check function's name (its group's, when folded);
 * - `p<path>`: a schema path (`(errors && at + "/type")!` inside a folded function: built only with an error list);
 * - `a<argument>`: the callee's schema path as the last argument of a call with an error list,
 *   when the callee is folded (nothing otherwise);
 * - `r<function>`: the `at` parameter in a folded function's signature;
 * - `v<function>`: a check function as a value taking (value, path, errors), for runtime's `invalid`;
 * - `b<base>`: a base's constant declaration, written only if some code reads it.
 */
const TOKEN = /\u0000([fparvb])(\d+)\u0000/g;

const token = placeholder;

/** TypeScript's `!` (a value known to be set), which the module's JavaScript has not (emit/code.ts's ts). */
const NON_NULL = `${TS_ONLY_OPEN}!${TS_ONLY_CLOSE}`;

/** The schema path of `path` relative to `root`: "" for the root itself, undefined outside it. */
function relative(root: string, path: string): string | undefined {
  if (path === root) return "";
  return path.startsWith(root) && path[root.length] === "/" ? path.slice(root.length) : undefined;
}

export class FunctionFolder {
  private readonly functions: CheckFunction[] = [];
  /** Defined functions, in the order their declarations are written. */
  private readonly order: CheckFunction[] = [];
  private readonly paths: { path: string; base: PathBase | undefined }[] = [];
  private readonly arguments: { callee: CheckFunction; base: PathBase | undefined }[] = [];
  private readonly bases: { base: PathBase; used: boolean }[] = [];
  private readonly baseEntries = new Map<PathBase, { used: boolean }>();
  private readonly groups = new Map<string, Group>();
  private groupCount = 0;

  /** A new check function; its token stands for its name until {@link link}. */
  create(fn: Omit<CheckFunction, "id" | "text" | "group">): Code {
    const created: CheckFunction = { ...fn, id: this.functions.length };
    this.functions.push(created);
    return token("f", created.id);
  }

  /**
   * Another copy of the subschema the defined function `target` checks, at `root`: calls to it
   * are calls to `target` with `root` as its `at` (so `target` takes one). Only for a collecting
   * function whose code reads every path relative to its root (see {@link relocatable}).
   */
  alias(target: Code, root: string): Code {
    const shared = this.byToken(target);
    if (!shared.group || shared.mode !== "collect" || !shared.foldable) throw new Error(`internal: ${shared.name.text} cannot be shared`);
    shared.group.shared = true;
    const created: CheckFunction = { id: this.functions.length, name: shared.name, root, mode: shared.mode, named: false, foldable: true, target: shared, group: shared.group };
    this.functions.push(created);
    return token("f", created.id);
  }

  /**
   * Whether the defined function's code is the same for a copy of its subschema elsewhere: every
   * schema path it reports and passes is its root or under it (read relative to `at`). A path
   * elsewhere (a subschema the IR took from another place) would be the first copy's.
   */
  relocatable(fn: Code): boolean {
    const record = this.byToken(fn);
    if (record.text === undefined || record.mode !== "collect" || !record.foldable) return false;
    for (const [, kind, index] of record.text.matchAll(TOKEN)) {
      const n = Number(index);
      if (kind === "p" && relative(record.root, this.paths[n]!.path) === undefined) return false;
      if (kind === "a") {
        const callee = this.arguments[n]!.callee;
        // A helper's path is under ours; a named type's is its own wherever it is called from, so
        // it must not read as ours plus a suffix (a type the IR hoisted out of this very copy).
        if ((relative(record.root, callee.root) === undefined) !== callee.named) return false;
      }
    }
    return true;
  }

  /**
   * Whether a defined collecting function stands for any copy of its structure as it is: its paths
   * are all under its root (relocatable) and it calls no helper of its own (a copy would call its
   * own helpers, or aliases of these), only named types and itself. A copy's code would then have
   * the same key, token for token (see {@link defineAsCopy}).
   */
  standsForCopies(fn: Code): boolean {
    if (!this.relocatable(fn)) return false;
    const record = this.byToken(fn);
    for (const [, kind, index] of record.text!.matchAll(TOKEN)) {
      const n = Number(index);
      const callee = kind === "f" || kind === "v" ? this.functions[n]! : kind === "a" ? this.arguments[n]!.callee : undefined;
      if (callee !== undefined && callee !== record && !callee.named) return false;
    }
    return true;
  }

  /**
   * Defines `fn` as another copy of `original` (a function {@link standsForCopies}), without
   * compiling it: its code would be the original's but for its schema paths, which are all
   * relative to its root, so it would have the same key and join the same group (and, named later,
   * never lead it: its text is never written). An OpenAPI document's parameters and error
   * responses are thousands of named types of a few shapes (netbox.dev: 6,918 of 7,639).
   */
  defineAsCopy(fn: Code, original: Code): void {
    const record = this.byToken(fn);
    const first = this.byToken(original);
    if (!first.group || first.mode !== record.mode || !record.foldable || first.text === undefined) throw new Error(`internal: ${record.name.text} cannot be a copy of ${first.name.text}`);
    record.text = first.text;
    record.group = first.group;
    first.group.members.push(record);
  }

  /** Places the function (by its token) in the module's order of declarations; before it is defined, for a named type. */
  place(fn: Code): void {
    this.order.push(this.byToken(fn));
  }

  /** Sets the function's declaration text and files it under its key. */
  define(fn: Code, text: Code): void {
    const record = this.byToken(fn);
    record.text = text.text;
    const key = record.foldable ? this.keyOf(record) : undefined;
    let group = key === undefined ? undefined : this.groups.get(key);
    if (!group) {
      group = { members: [], id: this.groupCount++ };
      if (key !== undefined) this.groups.set(key, group);
    }
    group.members.push(record);
    record.group = group;
  }

  /** The schema path `path` in the function being compiled, with the base that function writes long paths from. */
  path(path: string, base: PathBase | undefined): Code {
    this.paths.push({ path, base });
    return token("p", this.paths.length - 1);
  }

  /** `, <callee's schema path>` at the end of a call with an error list, if the callee ends up folded. */
  rootArgument(callee: Code, base: PathBase | undefined): Code {
    this.arguments.push({ callee: this.byToken(callee), base });
    return token("a", this.arguments.length - 1);
  }

  /** `, at?: string` in the signature of `fn`, if it ends up folded. */
  rootParameter(fn: Code): Code {
    return token("r", this.byToken(fn).id);
  }

  /** `fn` as a value called with (value, path, errors). */
  value(fn: Code): Code {
    return token("v", this.byToken(fn).id);
  }

  /** A base's constant declaration, written only if some code reads the base. */
  base(base: PathBase): Code {
    const entry = { base, used: false };
    this.bases.push(entry);
    this.baseEntries.set(base, entry);
    return token("b", this.bases.length - 1);
  }

  private byToken(fn: Code): CheckFunction {
    const match = /^\u0000f(\d+)\u0000$/.exec(fn.text);
    const found = match ? this.functions[Number(match[1])] : undefined;
    if (!found) throw new Error(`internal: ${JSON.stringify(fn.text)} is not a check function`);
    return found;
  }

  /** The function's text with every token as seen from its root: equal keys, equal code for another place. */
  private keyOf(fn: CheckFunction): string {
    const pathKey = (path: string): string => {
      const rest = fn.mode === "collect" ? relative(fn.root, path) : undefined;
      // As JSON: a NUL in a schema's key cannot end the token early.
      return rest === undefined ? `A${JSON.stringify(path)}` : `R${JSON.stringify(rest)}`;
    };
    return fn.mode + fn.text!.replace(TOKEN, (_, kind: string, index: string) => {
      const n = Number(index);
      switch (kind) {
        case "f": {
          const callee = this.functions[n]!;
          if (callee === fn) return "\u0000self\u0000";
          if (callee.named || !callee.group) return `\u0000${callee.name.text}\u0000`;
          return `\u0000g${callee.group.id}\u0000`;
        }
        case "p":
          return `\u0000${pathKey(this.paths[n]!.path)}\u0000`;
        case "a":
          (fn.calls ??= []).push(this.arguments[n]!);
          return `\u0000a${pathKey(this.arguments[n]!.callee.root)}\u0000`;
        case "r":
          return "";
        default:
          throw new Error(`internal: token ${kind} in a check function`);
      }
    });
  }

  private folded(fn: CheckFunction): boolean {
    return fn.group !== undefined && (fn.group.members.length > 1 || fn.group.shared === true);
  }

  /**
   * The module's check functions, folded, then `resolve` for the rest of the module (read after
   * the functions: a base constant is written only if they read it).
   */
  link(): { functions: string[]; resolve: (text: string) => string } {
    this.shareCallees();
    const functions: string[] = [];
    for (const fn of this.order) {
      if (fn.text === undefined) throw new Error(`internal: ${fn.name.text} was never compiled`);
      if (this.folded(fn) && leader(fn.group!) !== fn) continue;
      functions.push(this.resolve(fn.text, fn));
    }
    // A base's constant reads its parent's, which comes first: last to first marks every base read.
    const declared = new Map<number, string>();
    for (let i = this.bases.length - 1; i >= 0; i--) {
      const entry = this.bases[i]!;
      if (!entry.used) continue;
      const { base } = entry;
      declared.set(i, `const ${base.name.text} = ${this.absolute(base.origin, base.parent)};`);
    }
    return { functions, resolve: (text) => this.resolve(text, undefined, declared) };
  }

  /**
   * A function compiled once for every copy of its subschema (an alias's target) calls the
   * helpers compiled inside it for every copy too: each of those takes `at` as well, passed from
   * the caller's (its path under the caller's, where the copies' differ). Folded copies that were
   * each compiled call copies of their own, which fold the same way.
   */
  private shareCallees(): void {
    const pending = this.order.filter((fn) => this.folded(fn));
    for (let fn = pending.pop(); fn !== undefined; fn = pending.pop()) {
      if (fn.mode !== "collect") continue;
      for (const { callee } of fn.calls ?? []) {
        if (callee.named || this.folded(callee) || relative(fn.root, callee.root) === undefined) continue;
        callee.group!.shared = true;
        pending.push(callee.target ?? callee);
      }
    }
  }

  /** Text with its tokens as code, in function `fn` (undefined: outside every function). */
  private resolve(text: string, fn: CheckFunction | undefined, bases?: ReadonlyMap<number, string>): string {
    const shared = fn !== undefined && this.folded(fn) && fn.mode === "collect";
    const pathCode = (path: string, base: PathBase | undefined, argument: boolean): string => {
      const rest = shared ? relative(fn.root, path) : undefined;
      let out: string;
      if (rest === "") return argument ? "at" : `at${NON_NULL}`;
      if (rest !== undefined) out = code`at + ${rest}`.text;
      else out = this.absolute(path, base);
      // Built only when there is an error list to report into, never on the fast path (which has
      // none): JavaScript evaluates a call's arguments before the callee sees `errors` undefined.
      // A report's schema path is a string to TypeScript (`!`, TypeScript-only: emit/code.ts's ts);
      // an argument is the callee's optional `at`.
      if (!out.includes(" + ")) return out;
      return argument ? `errors && ${out}` : `(errors && ${out})${NON_NULL}`;
    };
    return text.replace(TOKEN, (_, kind: string, index: string) => {
      const n = Number(index);
      switch (kind) {
        case "f":
          return this.finalName(this.functions[n]!);
        case "p": {
          const { path, base } = this.paths[n]!;
          return pathCode(path, base, false);
        }
        case "a": {
          const { callee, base } = this.arguments[n]!;
          return this.folded(callee) ? `, ${pathCode(callee.root, base, true)}` : "";
        }
        case "r":
          return this.folded(this.functions[n]!) ? `, at${TS_ONLY_OPEN}?: string${TS_ONLY_CLOSE}` : "";
        case "v": {
          const callee = this.functions[n]!;
          const name = this.finalName(callee);
          return this.folded(callee) ? `(value, path, errors) => ${name}(value, path, errors, ${literal(callee.root).text})` : name;
        }
        case "b":
          return bases?.get(n) ?? "";
        default:
          throw new Error(`internal: unknown token ${kind}`);
      }
    });
  }

  private finalName(fn: CheckFunction): string {
    return (this.folded(fn) ? leader(fn.group!) : fn).name.text;
  }

  /** A schema path as a literal, or from a base constant when it starts with the base's path (and marks the base read). */
  private absolute(path: string, base: PathBase | undefined): string {
    if (base && path.startsWith(base.origin)) {
      const entry = this.baseEntries.get(base);
      if (entry) entry.used = true;
      return code`${base.name} + ${path.slice(base.origin.length)}`.text;
    }
    return literal(path).text;
  }
}
