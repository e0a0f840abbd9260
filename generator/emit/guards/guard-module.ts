/**
 * Module-level state of one guards.ts: the runtime imports actually used, hoisted constants
 * (regular expressions), and one helper function per (subschema, mode) compiled on demand, so a
 * shared subschema or a recursive named type is compiled once and called.
 */
import type { EmitOptions } from "../emitter";
import { code, id, type Code } from "../code";
import type { IrModel, IrNamedType, IrSchema } from "../../ir/model";
import { DynamicScopes } from "./dynamic-scope";
import { Body, type Mode } from "./scope";
import { runtimeAlias, runtimeImports } from "../runtime-names";

export type RuntimeModule = "validation" | "checks" | "formats" | "evaluated";

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
  /** Function declarations, in creation order, by name. */
  readonly functions = new Map<string, Code>();
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

  /** Compiles what only the end of the module knows about (the dynamic scope's eval functions). Call before reading `functions`. */
  finish(): void {
    this.dynamicScopes?.finish();
  }

  /**
   * A runtime export, imported from `./runtime/<module>.js` on first use under its `$` alias
   * (`$isEmail`), so no runtime name ever takes a name from the schema (emit/runtime-names.ts).
   */
  runtime(module: RuntimeModule, name: string): Code {
    let names = this.imports.get(module);
    if (!names) this.imports.set(module, (names = new Set()));
    names.add(name);
    return id(runtimeAlias(name));
  }

  /** A module-level `new RegExp(source, "u")`, shared by every use of the same pattern. */
  regex(source: string): Code {
    let name = this.regexes.get(source);
    if (!name) {
      name = id(`pattern$${this.regexes.size}`);
      this.regexes.set(source, name);
      this.constants.push(code`const ${name} = new RegExp(${source}, "u");`);
    }
    return name;
  }

  /**
   * The function checking a named type in `mode`: `collect$X` (for both `is` and `collect`, see
   * {@link Scope}) or `eval$X`.
   */
  named(name: string, mode: Mode): Code {
    const unified = unify(mode);
    const key = `${unified}:${name}`;
    let fn = this.namedHelpers.get(key);
    if (!fn) {
      const declared = id(`${unified}$${name}`);
      fn = declared;
      this.namedHelpers.set(key, declared);
      if (this.dynamic.namedTakesScope(name)) this.takingScope.add(declared.text);
      this.typesByName ??= new Map(this.model.types.map((t) => [t.name, t]));
      const type = this.typesByName.get(name);
      if (!type) throw new Error(`internal: no named type ${name}`);
      // Queued, not compiled here: a 1,000-long chain of references would otherwise compile
      // 1,000 bodies nested in one another and overflow the stack. The outermost call drains.
      this.functions.set(declared.text, code``);
      this.pending.push(() => this.functions.set(declared.text, this.declare(declared, type.schema, type.origin, unified)));
      this.drain();
    }
    return fn;
  }

  private typesByName: Map<string, IrNamedType> | undefined;
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

  /** The helper function checking an anonymous subschema in `mode`, created on first use. */
  helper(schema: IrSchema, schemaPath: string, requested: Mode): Code {
    const mode = unify(requested);
    let byMode = this.helpers.get(schema);
    if (!byMode) this.helpers.set(schema, (byMode = new Map()));
    let fn = byMode.get(mode);
    if (!fn) {
      fn = id(`${mode}$${++this.counter}`);
      byMode.set(mode, fn);
      if (this.dynamic.schemaTakesScope(schema)) this.takingScope.add(fn.text);
      this.functions.set(fn.text, this.declare(fn, schema, schemaPath, mode));
    }
    return fn;
  }

  private declare(fn: Code, schema: IrSchema, schemaPath: string, mode: FunctionMode): Code {
    const body = new Body();
    const dyn = this.takesScope(fn) ? code`dyn` : undefined;
    this.compileBody(this, schema, schemaPath, mode, body, dyn);
    const lines = body.text();
    const scopeParameter = dyn ? code`, dyn?: ${this.dynamic.scopeType}` : code``;
    switch (mode) {
      case "eval":
        return code`function ${fn}(value: unknown, ev: ${this.runtime("evaluated", "Evaluated")}${scopeParameter}): boolean {
${lines}
return true;
}`;
      case "collect":
        // Without `errors` (the fast path), the first failure returns false; with it, every error is pushed.
        return code`function ${fn}(value: unknown, path = "", errors?: ${this.runtime("validation", "ValidationError")}[]${scopeParameter}): boolean {
${lines}
return true;
}`;
    }
  }

  /** Import declarations for the runtime pieces used, then the hoisted constants. */
  preamble(): Code[] {
    // First: the dynamic scope's declarations import runtime types too.
    const dynamic = this.dynamicScopes?.declarations() ?? [];
    const order: RuntimeModule[] = ["validation", "checks", "formats", "evaluated"];
    const out: Code[] = [];
    for (const module of order) {
      const names = this.imports.get(module);
      if (names) out.push(code`import { ${runtimeImports([...names].sort(), TYPE_ONLY)} } from ${`./runtime/${module}.js`};`);
    }
    return [...out, ...this.constants, ...dynamic];
  }
}

