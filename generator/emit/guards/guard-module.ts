/**
 * Module-level state of one guards.ts: the runtime imports actually used, hoisted constants
 * (regular expressions), and one helper function per (subschema, mode) compiled on demand, so a
 * shared subschema or a recursive named type is compiled once and called.
 */
import type { EmitOptions } from "../emitter";
import { code, id, join, literal, placeholder, substitute, ts, type Code } from "../code";
import { isNode, type IrModel, type IrNamedType, type IrSchema } from "../../ir/model";
import { typesInCycles } from "../../ir/reference-cycles";
import { compiledRegex } from "../../ir/regex-flags";
import { DynamicScopes } from "./dynamic-scope";
import { Structures } from "./structure";
import { FunctionFolder, type PathBase } from "./fold";
import { Body, FUNCTION_PATH, type Mode } from "./scope";
import { runtimeAlias, runtimeImports } from "../runtime-names";
import type { ScriptImport } from "../../print/scripts";

/**
 * How many checking functions of recursive types may be nested at once (a tree 100,000 levels deep
 * in the data): past it the value is invalid, with a "maxDepth" error, rather than a RangeError from
 * the call stack. Only the functions of types on a reference cycle (and the helpers they call for
 * their subschemas) count: the others nest at most as deep as the schema, so non-recursive schemas
 * pay nothing. A function counts its level at its entry, or, when all its calls of checks are in
 * items loops, around those loops (see GuardModule.depthLimited): the same count at every call.
 * 2,000 calls fit Node's default stack for small bodies (about 4,000 such frames); where they do
 * not (large bodies, a caller already deep), isX/validateX/assertX turn the stack running out into
 * the same kind of error (see emit/guards/index.ts), so the answer is never a RangeError.
 */
export const DATA_DEPTH_LIMIT = 2000;

/**
 * A named type whose path is at least this long gets a module constant its paths are written from
 * (see {@link GuardModule.schemaPathCode}): each use, `(errors && at$N + "/…")!`, is ~20 characters
 * instead of the path's length. An OpenAPI document's request bodies are ~90 characters deep
 * before their first property ("#/paths/~1v1~1accounts/post/requestBody/content/application~1x-www-form-urlencoded/schema"):
 * on stripe's, 0.4 MB less guards.ts. Shorter paths stay literal (gzip shares them anyway; Koala's
 * OpenAPI guards' longest is 74 characters).
 */
const LONG_SCHEMA_PATH = 80;

interface CompileContext {
  limited: boolean;
  base?: PathBase | undefined;
}

/**
 * The depth bookkeeping of a recursive type's collecting function while it is compiled (see
 * {@link GuardModule.depthLimited}). `outside`: the body calls a checking function outside any
 * items loop. `open`: how many items loops are open around the code being emitted. `regions`: the
 * outermost items loops, each with whether its items call a checking function.
 */
interface DepthFrame {
  /** Stands for `return`'s value outside items loops: `false`, or `(depth$--, false)` if the function counts itself. */
  out: Code;
  outside: boolean;
  open: number;
  regions: DepthRegion[];
}

interface DepthRegion {
  /** Placeholders: before the loop, after it, and `return`'s value inside it. */
  before: Code;
  after: Code;
  ret: Code;
  /** Whether the items call a checking function (only then does the loop count a level). */
  calls: boolean;
  /** The array and the first index the loop checks. */
  array: Code;
  start: number;
}

export type RuntimeModule = "validation" | "checks" | "formats" | "evaluated";

/** The order of the module's imports. */
const RUNTIME_MODULES: readonly RuntimeModule[] = ["validation", "checks", "formats", "evaluated"];

/**
 * The validation functions called at every failing check: bound once like the hot functions (see
 * GuardModule.hotBinding), so a check's call site is a plain call, not two property reads: smaller
 * bytecode per check, which keeps a type's function under V8's inlining size.
 */
const ERROR_PUSHES: ReadonlySet<string> = new Set(["pushError", "pushKeyError"]);

/** The runtime exports that are types: imported with `type`. */
const TYPE_ONLY: ReadonlySet<string> = new Set(["ValidationError", "ValidationResult", "Evaluated", "StandardSchemaV1"]);

/**
 * Compiles the body of a function that checks `schema` in `mode` against the variable `value`;
 * `dyn`: the function's dynamic-scope parameter, when it takes one (see dynamic-scope.ts).
 */
export type BodyCompiler = (module: GuardModule, schema: IrSchema, schemaPath: string, mode: Mode, body: Body, dyn?: Code) => void;

/**
 * A function for the fast path is the collecting function called without an error list: one
 * function per subschema instead of two (the error path was half of the guards' size), and the two
 * paths cannot drift apart. Only eval (annotations for unevaluated*) keeps its own functions.
 */
function unify(mode: Mode): FunctionMode {
  return mode === "is" ? "collect" : mode;
}

/** The modes a function is declared in (`is` is `collect` without an error list). */
type FunctionMode = Exclude<Mode, "is">;

export class GuardModule {
  private readonly imports = new Map<RuntimeModule, Set<string>>();
  private readonly constants: Code[] = [];
  private readonly regexes = new Map<string, Code>();
  private readonly helpers = new Map<IrSchema, Map<Mode, Code>>();
  private readonly namedHelpers = new Map<string, Code>();
  /** The check functions, by the tokens that stand for their names until they are folded (fold.ts). */
  private readonly folder = new FunctionFolder();
  private counter = 0;
  /** Functions (by name) that take the dynamic scope as their last parameter. */
  private readonly takingScope = new Set<string>();
  private dynamicScopes: DynamicScopes | undefined;

  constructor(
    readonly model: IrModel,
    readonly options: EmitOptions,
    private readonly compileBody: BodyCompiler,
  ) {}

  /** `$dynamicRef` support: which functions take the dynamic scope, scope constants (see dynamic-scope.ts). */
  get dynamic(): DynamicScopes {
    return (this.dynamicScopes ??= new DynamicScopes(this, this.model));
  }

  /** Whether the function `fn` (from {@link named} or {@link helper}) takes the dynamic scope. */
  takesScope(fn: Code): boolean {
    return this.takingScope.has(fn.text);
  }

  /** Compiles what only the end of the module knows about (the dynamic scope's eval functions). Call before {@link link}. */
  finish(): void {
    this.dynamicScopes?.finish();
  }

  /**
   * The check functions' declarations, folded (see fold.ts), and `resolve` for every other
   * statement of the module that names a check function (read after the declarations).
   */
  link(): { functions: string[]; resolve: (text: Code) => string } {
    const { functions, resolve } = this.folder.link();
    return { functions, resolve: (text) => resolve(text.text) };
  }

  /**
   * A check function as a value called with (value, path, errors), as the runtime's `invalid`
   * calls it: a folded one is given its schema path.
   */
  checkValue(fn: Code): Code {
    return this.folder.value(fn);
  }

  /** `, <schema path of fn>` at the end of a call to `fn` with an error list, when `fn` is folded. */
  rootArgument(fn: Code): Code {
    return this.folder.rootArgument(fn, this.compiling.base);
  }

  /**
   * A runtime export, imported from `./runtime/<module>.js` on first use under its `$` alias
   * (`$isEmail`), so no runtime name ever takes a name from the schema (emit/runtime-names.ts).
   */
  runtime(module: RuntimeModule, name: string): Code {
    let names = this.imports.get(module);
    if (!names) this.imports.set(module, (names = new Set()));
    names.add(name);
    const alias = id(runtimeAlias(name));
    if (TYPE_ONLY.has(name) || (module === "validation" && !ERROR_PUSHES.has(name))) return alias;
    return this.hotBinding(alias);
  }

  /**
   * A module constant holding a runtime function the checks call on valid data (formats, hasOwn,
   * annotations): in the CommonJS build every imported name is read through two getters
   * (esbuild's export wrappers) at each call, a fifth of the time of a format-heavy guard; the
   * constant reads them once. (The other validation functions run only once per call; the error
   * pushes are bound for their call sites' size, see ERROR_PUSHES.) A `var`, not a `const`: V8
   * checks a module-level `const` for its temporal dead zone at every read, two more bytes of
   * bytecode at each call site and a test on each format call.
   */
  private hotBinding(alias: Code): Code {
    let local = this.hotBindings.get(alias.text);
    if (!local) {
      local = id(`${alias.text}$`);
      this.hotBindings.set(alias.text, local);
      this.constants.push(code`var ${local} = ${alias};`);
    }
    return local;
  }

  private readonly hotBindings = new Map<string, Code>();

  /**
   * The expression reporting one failing check at `path` (true when there is no list to report
   * into): `$pushError(errors, path, schemaPath, message)`, or `$pushKeyError(errors, path, key,
   * schemaPath, message, afterKey)` for an error about one key. The keyword is passed only when the
   * schema path does not end with it (the runtime takes its last token otherwise). The strings
   * are written in place rather than as module constants: a constant's name and declaration cost
   * more min+gzip than the strings, which gzip shares anyway.
   */
  report(path: Code, schemaPath: string, keyword: string, message: string, key?: { key: Code; after: string }): Code {
    const parts = [this.schemaPathCode(schemaPath), literal(message)];
    const derived = schemaPath.slice(schemaPath.lastIndexOf("/") + 1) === keyword;
    if (key && (key.after !== "" || !derived)) parts.push(literal(key.after));
    if (!derived) parts.push(literal(keyword));
    const args = join(parts, ", ");
    return key
      ? code`${this.runtime("validation", "pushKeyError")}(errors, ${path}, ${key.key}, ${args})`
      : code`${this.runtime("validation", "pushError")}(errors, ${path}, ${args})`;
  }

  /** A module-level `new RegExp(source, "u")` (no flag where only that compiles, Java's character classes spelled out: ir/regex-flags.ts), shared by every use of the same pattern. */
  regex(source: string): Code {
    let name = this.regexes.get(source);
    if (!name) {
      name = id(`pattern$${this.regexes.size}`);
      this.regexes.set(source, name);
      const compiled = compiledRegex(source);
      this.constants.push(code`const ${name} = new RegExp(${compiled?.source ?? source}, ${compiled?.flags ?? "u"});`);
    }
    return name;
  }

  /**
   * The function checking a named type in `mode`: `collect$X` (for both `is` and `collect`, see
   * {@link Scope}) or `eval$X`.
   */
  named(name: string, mode: Mode): Code {
    this.noteCall();
    const unified = unify(mode);
    const key = `${unified}:${name}`;
    let fn = this.namedHelpers.get(key);
    if (!fn) {
      this.typesByName ??= new Map(this.model.types.map((t) => [t.name, t]));
      const type = this.typesByName.get(name);
      if (!type) throw new Error(`internal: no named type ${name}`);
      const takesScope = this.dynamic.namedTakesScope(name);
      // Its schema's path (a view's is its source's place, from-json-schema.ts), else where it is named.
      const root = isNode(type.schema) ? type.schema.schemaPath : type.origin;
      const declared = this.folder.create({ name: id(`${unified}$${name}`), root, mode: unified, named: true, foldable: !takesScope });
      fn = declared;
      this.namedHelpers.set(key, declared);
      if (takesScope) this.takingScope.add(declared.text);
      // Queued, not compiled here: a 1,000-long chain of references would otherwise compile
      // 1,000 bodies nested in one another and overflow the stack. The outermost call drains.
      this.folder.place(declared);
      this.cyclic ??= typesInCycles(this.model.types);
      const context = { limited: this.cyclic.has(name), base: this.pathBase(name, root) };
      // A named type of the same structure as one compiled before (thousands, in an OpenAPI
      // document: every `{ type: string }` parameter) is that one's copy, when its code stands for
      // copies (fold.ts): the same group, with nothing compiled. Not behind the depth counter, nor
      // with a dynamic scope: their code depends on more than the structure.
      const copyKey = unified === "collect" && !takesScope && !context.limited && isNode(type.schema) ? this.structures.idOf(type.schema) : undefined;
      this.pending.push(() => {
        const original = copyKey === undefined ? undefined : this.namedByStructure.get(copyKey);
        if (original !== undefined) return this.folder.defineAsCopy(declared, original);
        this.folder.define(declared, this.declare(declared, type.schema, root, unified, context));
        if (copyKey !== undefined && this.folder.standsForCopies(declared)) this.namedByStructure.set(copyKey, declared);
      });
      this.drain();
    }
    return fn;
  }

  /**
   * A schema path in generated code. Inside a type nested deep in its schema (hoisted by the IR,
   * with a path of thousands of characters), its paths start from a module constant holding its
   * own path, itself built from its parent's: the code stays linear in the schema's depth, where
   * literal paths would make it quadratic (hundreds of megabytes at depth 2,000).
   */
  schemaPathCode(path: string): Code {
    // Read when the module is linked: in a folded function, relative to its `at` (fold.ts).
    return this.folder.path(path, this.compiling.base);
  }

  /** The module constant holding a named type's path, when it is long (see {@link schemaPathCode}). */
  private pathBase(name: string, origin: string): PathBase | undefined {
    if (origin.length < LONG_SCHEMA_PATH) return undefined;
    let base = this.pathBases.get(name);
    if (!base) {
      base = { origin, name: id(`at$${this.pathBases.size + 1}`), parent: this.compiling.base };
      // Declared only if some code reads it: not when every function of its type was folded.
      this.constants.push(this.folder.base(base));
      this.pathBases.set(name, base);
    }
    return base;
  }

  private readonly pathBases = new Map<string, PathBase>();
  /** By structure number (structure.ts): the first named type's collecting function that stands for its copies (see named). */
  private readonly namedByStructure = new Map<number, Code>();
  /** What the function being compiled is compiled with: its named type's (helpers inherit it). */
  private compiling: CompileContext = { limited: false };
  private typesByName: Map<string, IrNamedType> | undefined;
  private cyclic: Set<string> | undefined;
  /** The module's data depth counter, declared on first use. */
  private depthCounter: Code | undefined;
  private readonly pending: (() => void)[] = [];
  private draining = false;

  /** Compiles queued named-type bodies until none is left (only at the outermost call). */
  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) next();
    } finally {
      this.draining = false;
    }
  }

  /**
   * The helper function checking an anonymous subschema in `mode`, created on first use. A
   * collecting function is compiled once per structure (structure.ts): another copy of the
   * subschema calls the first copy's function with its own path as `at` (fold.ts's alias).
   */
  helper(schema: IrSchema, schemaPath: string, requested: Mode): Code {
    this.noteCall();
    const mode = unify(requested);
    let byMode = this.helpers.get(schema);
    if (!byMode) this.helpers.set(schema, (byMode = new Map()));
    let fn = byMode.get(mode);
    if (!fn) {
      const takesScope = this.dynamic.schemaTakesScope(schema);
      const key = mode === "collect" && !takesScope ? this.structureKey(schema, schemaPath) : undefined;
      const shared = key === undefined ? undefined : this.sharedHelpers.get(key);
      if (shared) {
        fn = this.folder.alias(shared, schemaPath);
        byMode.set(mode, fn);
        return fn;
      }
      fn = this.folder.create({ name: id(`${mode}$${++this.counter}`), root: schemaPath, mode, named: false, foldable: !takesScope });
      byMode.set(mode, fn);
      if (takesScope) this.takingScope.add(fn.text);
      const declaration = this.declare(fn, schema, schemaPath, mode);
      this.folder.place(fn);
      this.folder.define(fn, declaration);
      if (key !== undefined && this.folder.relocatable(fn)) this.sharedHelpers.set(key, fn);
    }
    return fn;
  }

  /**
   * Whether an inline subschema (a property's, an item's...) is checked by a call to a helper
   * rather than inline: when it is large and compiled more than once (structure.ts), so that its
   * copies share one function.
   */
  outlines(schema: IrSchema, schemaPath: string): boolean {
    return isNode(schema) && schema.schemaPath === schemaPath && this.structures.shared(schema) && !this.dynamic.schemaTakesScope(schema);
  }

  /** The key of a collecting helper's code by its subschema's structure (undefined: compiled for itself). */
  private structureKey(schema: IrSchema, schemaPath: string): string | undefined {
    if (!isNode(schema) || schema.schemaPath !== schemaPath) return undefined;
    const n = this.structures.idOf(schema);
    // Compiled in a recursive type's function, a helper counts the depth too: not the same code.
    return n === undefined ? undefined : `${this.compiling.limited ? "limited" : ""}:${n}`;
  }

  private get structures(): Structures {
    return (this.structuresOfModel ??= new Structures(this.model));
  }

  private structuresOfModel: Structures | undefined;
  /** Collecting helpers by {@link structureKey}: the function every copy of a structure calls. */
  private readonly sharedHelpers = new Map<string, Code>();

  /**
   * Declares a checking function. `context.limited`: behind the depth counter; a recursive type's
   * helpers (compiled while its body is) are limited too, since the recursion runs through them as well.
   */
  private declare(fn: Code, schema: IrSchema, schemaPath: string, mode: FunctionMode, context = this.compiling): Code {
    const body = new Body();
    const dyn = this.takesScope(fn) ? code`dyn` : undefined;
    const outer = this.compiling;
    const outerFrame = this.depthFrame;
    this.compiling = context;
    // A recursive type's collecting function may count its level only around the items loops
    // that call checks (depthLimited); not with a dynamic scope, whose calls go through it.
    this.depthFrame = context.limited && mode === "collect" && !dyn ? { out: placeholder("d", ++this.depthTokens), outside: false, open: 0, regions: [] } : undefined;
    let lines: Code;
    try {
      this.compileBody(this, schema, schemaPath, mode, body, dyn);
      lines = context.limited ? this.depthLimited(body.text(), schemaPath, mode, this.depthFrame) : body.text();
    } finally {
      this.compiling = outer;
      this.depthFrame = outerFrame;
    }
    const limited = context.limited;
    // The types (ts``) are the TypeScript's alone: the module's JavaScript is the same text without them.
    const scopeParameter = dyn ? code`, dyn${ts`?: ${this.dynamic.scopeType}`}` : code``;
    switch (mode) {
      case "eval":
        return code`function ${fn}(value${ts`: unknown`}, ev${ts`: ${this.runtime("evaluated", "Evaluated")}`}${scopeParameter})${ts`: boolean`} {
${lines}
${limited ? code`` : code`return true;`}
}`;
      case "collect":
        // Without `errors` (the fast path), the first failure returns false; with it, every error is pushed.
        return code`function ${fn}(value${ts`: unknown`}, path${ts`?: string`}, errors${ts`?: ${this.runtime("validation", "ValidationError")}[]`}${scopeParameter}${this.folder.rootParameter(fn)})${ts`: boolean`} {
${lines}
${limited ? code`` : code`return true;`}
}`;
    }
  }

  /** Is the function being compiled a recursive type's check (or a helper of one), behind the depth counter? */
  get inRecursion(): boolean {
    return this.compiling.limited;
  }

  /**
   * `return false;` in the function being compiled. A depth-limited one (see {@link depthLimited})
   * gives its level back first: no try/finally, which costs a recursive guard a tenth of its time.
   */
  get returnFalse(): Code {
    if (!this.compiling.limited) return code`return false;`;
    const frame = this.depthFrame;
    if (!frame) return code`return (${this.depth()}--, false);`;
    this.depth();
    return code`return ${frame.open === 0 ? frame.out : frame.regions[frame.regions.length - 1]!.ret};`;
  }

  /**
   * Opens an items loop over `array` from index `start` in the function being compiled: for a
   * recursive type's collecting function, the placeholders to write before and after the loop
   * (the outermost loop only; undefined otherwise). Closed by {@link closeItemsLoop}.
   */
  openItemsLoop(array: Code, start: number): { before: Code; after: Code } | undefined {
    const frame = this.depthFrame;
    if (!frame || frame.open++ > 0) return undefined;
    const n = this.depthTokens;
    this.depthTokens += 3;
    const region: DepthRegion = { before: placeholder("d", n + 1), after: placeholder("d", n + 2), ret: placeholder("d", n + 3), calls: false, array, start };
    frame.regions.push(region);
    return region;
  }

  closeItemsLoop(): void {
    if (this.depthFrame) this.depthFrame.open--;
  }

  /** A checking function is called from the code being emitted: inside an items loop or not. */
  private noteCall(): void {
    const frame = this.depthFrame;
    if (!frame) return;
    if (frame.open === 0) frame.outside = true;
    else frame.regions[frame.regions.length - 1]!.calls = true;
  }

  /** The depth bookkeeping of the function being compiled, if it is a recursive type's collecting function. */
  private depthFrame: DepthFrame | undefined;
  private depthTokens = 0;

  /**
   * The module's data depth counter, declared on first use; undefined if no function uses it. A
   * check that throws (a getter of the data, the call stack running out) leaves it raised: the
   * public functions' catch resets it (see emit/guards/index.ts).
   */
  get depthCounterName(): Code | undefined {
    return this.depthCounter;
  }

  private depth(): Code {
    if (!this.depthCounter) {
      this.depthCounter = id("depth$");
      // `var`, not `let`: V8 checks a module-level `let` for its temporal dead zone at every read
      // and write, and the counter is read (and mostly written) at every call of a recursive check.
      this.constants.push(code`/** How many checks of recursive types are nested now (see the limit in their functions). */
var ${this.depthCounter} = 0;`);
    }
    return this.depthCounter;
  }

  /** A recursive type's body behind the data depth counter (see {@link DATA_DEPTH_LIMIT}); it returns true itself. */
  private depthLimited(lines: Code, schemaPath: string, mode: FunctionMode, frame?: DepthFrame): Code {
    const depth = this.depth();
    const message = `is nested too deep to check: recursive types are checked at most ${DATA_DEPTH_LIMIT} calls deep`;
    const tooDeep =
      mode === "collect"
        ? code`{
  ${this.report(FUNCTION_PATH, schemaPath, "maxDepth", message)};
  return false;
}`
        : code`return false;`;
    const counted = code`(${depth}--, false)`;
    // When every call of a check is in an items loop, the loop counts the level, once for all its
    // items, and only when there is an item to check. A node of a tree without children (most of a
    // tree's nodes) then compares the counter and writes nothing: a recursive tree ~8% faster
    // (bench-guards-shapes). The counter at a call's entry is the same as when each function
    // counted itself: one per checking function of a recursive type under way. Otherwise the
    // function counts itself, and every `return false;` of the body counts the level back down.
    const aroundLoops = frame !== undefined && !frame.outside;
    let text = lines;
    if (frame) {
      text = substitute(text, frame.out, aroundLoops ? code`false` : counted);
      for (const region of frame.regions) {
        const counts = aroundLoops && region.calls;
        text = substitute(text, region.before, counts ? code`if (${region.array}.length > ${region.start}) {\n${depth}++;\n` : code``);
        text = substitute(text, region.after, counts ? code`\n${depth}--;\n}` : code``);
        text = substitute(text, region.ret, counts || !aroundLoops ? counted : code`false`);
      }
    }
    if (aroundLoops) {
      return code`if (${depth} >= ${DATA_DEPTH_LIMIT}) ${tooDeep}
${text}
return true;`;
    }
    return code`if (${depth} >= ${DATA_DEPTH_LIMIT}) ${tooDeep}
${depth}++;
${text}
${depth}--;
return true;`;
  }

  /**
   * The module's top: import declarations for the runtime pieces used (TypeScript), the same
   * imports as data for the JavaScript (values only, print/scripts.ts writes them per module
   * format), then the hoisted constants (TypeScript-only parts marked, emit/code.ts's ts).
   */
  preamble(): { imports: Code[]; scriptImports: ScriptImport[]; constants: Code[] } {
    // First: the dynamic scope's declarations import runtime types too.
    const dynamic = this.dynamicScopes?.declarations() ?? [];
    const imports: Code[] = [];
    const scriptImports: ScriptImport[] = [];
    for (const module of RUNTIME_MODULES) {
      const names = this.imports.get(module);
      if (!names) continue;
      const sorted = [...names].sort();
      const from = `./runtime/${module}.js`;
      imports.push(code`import { ${runtimeImports(sorted, TYPE_ONLY)} } from ${from};`);
      const values = sorted.filter((name) => !TYPE_ONLY.has(name));
      if (values.length > 0) scriptImports.push({ from, names: values.map((name) => [name, runtimeAlias(name)]) });
    }
    return { imports, scriptImports, constants: [...this.constants, ...dynamic] };
  }
}

