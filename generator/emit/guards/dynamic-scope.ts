/**
 * `$dynamicRef` in a static guard. The dynamic scope (the schema resources entered so far, at run
 * time) is passed down as one more parameter, `dyn`: an object mapping each dynamic anchor to the
 * functions of the outermost resource entered that declares it. Entering a resource that declares
 * anchors (a node with `dynamicScope`) adds those the scope does not have yet, so the outermost
 * wins; a `$dynamicRef` calls its anchor's entry, or its static target when there is none.
 *
 * Only functions that can reach a dynamic reference take `dyn` (and the anchors' and static
 * targets' functions, which are called through the scope): a schema without `$dynamicRef` gets
 * exactly the code it got before, and pays nothing.
 */
import { code, id, join, literal, ts, type Code } from "../code";
import { isNode, type IrModel, type IrNode, type IrSchema } from "../../ir/model";
import type { GuardModule } from "./guard-module";

/**
 * Pushes the subschemas of a node (every applicator) onto a walk's stack, in a fixed order: no
 * array or spread per node, since the walks below visit every node of every named type (stripe's
 * 1,900 types: ~0.05 s of the main thread with an array per node, before TurboFan is on).
 */
function pushChildren(node: IrNode, stack: IrSchema[]): void {
  const { items, contains, unevaluatedItems, additionalProperties, propertyNames, unevaluatedProperties, not, if: condition, then, else: otherwise } = node;
  if (items !== undefined) stack.push(items);
  if (contains !== undefined) stack.push(contains);
  if (unevaluatedItems !== undefined) stack.push(unevaluatedItems);
  if (additionalProperties !== undefined) stack.push(additionalProperties);
  if (propertyNames !== undefined) stack.push(propertyNames);
  if (unevaluatedProperties !== undefined) stack.push(unevaluatedProperties);
  if (not !== undefined) stack.push(not);
  if (condition !== undefined) stack.push(condition);
  if (then !== undefined) stack.push(then);
  if (otherwise !== undefined) stack.push(otherwise);
  pushAll(stack, node.prefixItems);
  pushAll(stack, node.allOf);
  pushAll(stack, node.anyOf);
  pushAll(stack, node.oneOf);
  pushEntries(stack, node.properties);
  pushEntries(stack, node.patternProperties);
  pushEntries(stack, node.dependentSchemas);
}

function pushAll(stack: IrSchema[], list: readonly IrSchema[] | undefined): void {
  if (list !== undefined) for (let i = 0; i < list.length; i++) stack.push(list[i]!);
}

function pushEntries(stack: IrSchema[], entries: readonly { readonly schema: IrSchema }[] | undefined): void {
  if (entries !== undefined) for (let i = 0; i < entries.length; i++) stack.push(entries[i]!.schema);
}

/** Every node of a subschema, without recursion (a deep schema must not overflow the stack). */
function* nodesOf(schema: IrSchema): Generator<IrNode> {
  const stack: IrSchema[] = [schema];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (!isNode(next)) continue;
    yield next;
    pushChildren(next, stack);
  }
}

/**
 * Whether some node of a subschema is a dynamic reference. Asked of every named type of every
 * module, most of which have none: the walk of nodesOf() without a generator step per node.
 */
function hasDynamicRef(schema: IrSchema): boolean {
  const stack: IrSchema[] = [schema];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (!isNode(next)) continue;
    if (next.dynamicRef) return true;
    pushChildren(next, stack);
  }
  return false;
}

/** The key of an anchor in a scope object: "#" first, so no anchor can be an Object.prototype member. */
function anchorKey(anchor: string): Code {
  return literal(`#${anchor}`);
}

export class DynamicScopes {
  /** Named types whose functions take `dyn`. */
  private readonly taking = new Set<string>();
  private readonly memo = new WeakMap<object, boolean>();
  /** Scope constants by their entries ("anchor:type,..."), in creation order. */
  private readonly scopes = new Map<string, { name: Code; entries: { anchor: string; type: string }[] }>();
  /** Every named type some scope points to, in order of first use. */
  private readonly targets: string[] = [];
  /** A dynamic reference is applied in eval mode (unevaluated*): the scope must carry eval functions too. */
  private needEval = false;

  constructor(
    private readonly module: GuardModule,
    model: IrModel,
  ) {
    // Most schemas have no dynamic reference: then no function takes `dyn`, found without
    // collecting every type's references (below) first.
    if (!model.types.some((type) => hasDynamicRef(type.schema))) return;
    // Seeds: types holding a dynamic reference, and every function called through the scope.
    const refs = new Map<string, Set<string>>();
    let dynamic = false;
    for (const type of model.types) {
      const out = new Set<string>();
      for (const node of nodesOf(type.schema)) {
        if (node.ref) out.add(node.ref);
        if (node.dynamicRef) {
          dynamic = true;
          this.taking.add(type.name).add(node.dynamicRef.ref);
        }
      }
      refs.set(type.name, out);
    }
    if (!dynamic) return;
    for (const type of model.types) for (const node of nodesOf(type.schema)) for (const entry of node.dynamicScope ?? []) this.taking.add(entry.type);
    // Then whatever references a type that takes it, until nothing changes.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, targets] of refs) {
        if (this.taking.has(name)) continue;
        if ([...targets].some((t) => this.taking.has(t))) {
          this.taking.add(name);
          changed = true;
        }
      }
    }
  }

  /** Whether the function of a named type takes `dyn`. */
  namedTakesScope(name: string): boolean {
    return this.taking.has(name);
  }

  /** Whether the helper function of an anonymous subschema takes `dyn`: it can reach a dynamic reference. */
  schemaTakesScope(schema: IrSchema): boolean {
    if (this.taking.size === 0 || !isNode(schema)) return false;
    let known = this.memo.get(schema);
    if (known === undefined) {
      known = false;
      for (const node of nodesOf(schema)) {
        if (node.dynamicRef || (node.ref !== undefined && this.taking.has(node.ref))) {
          known = true;
          break;
        }
      }
      this.memo.set(schema, known);
    }
    return known;
  }

  /** The type of the `dyn` parameter. */
  get scopeType(): Code {
    return id("DynamicScope$");
  }

  /** The statements entering `node`'s resource (when it declares anchors) into the scope `dyn`; the new scope's variable. */
  enter(node: IrNode, dyn: Code, local: (prefix: string) => Code, line: (statement: Code) => void): Code {
    if (!node.dynamicScope) return dyn;
    const entered = local("dyn");
    line(code`const ${entered} = enterDynamicScope$(${dyn}, ${this.scopeConstant(node.dynamicScope)});`);
    return entered;
  }

  /**
   * The function a dynamic reference applies: the scope's entry for `anchor` (its collect or eval
   * function), else the static target's.
   */
  target(dyn: Code, anchor: string, ref: string, mode: "collect" | "eval"): Code {
    if (mode === "eval") this.needEval = true;
    return code`(${dyn}?.[${anchorKey(anchor)}]?.${id(mode)} ?? ${this.module.named(ref, mode)})`;
  }

  private scopeConstant(entries: { anchor: string; type: string }[]): Code {
    const key = entries.map((e) => `${e.anchor}:${e.type}`).join(",");
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = { name: id(`dynamicScope$${this.scopes.size + 1}`), entries };
      this.scopes.set(key, scope);
      for (const entry of entries) {
        if (!this.targets.includes(entry.type)) this.targets.push(entry.type);
        this.module.named(entry.type, "collect");
      }
    }
    return scope.name;
  }

  /** Compiles the eval functions the scope must carry, once every other function is compiled. */
  finish(): void {
    for (let done = 0; this.needEval && done < this.targets.length; done++) this.module.named(this.targets[done]!, "eval");
  }

  /** The scope's types, its entering helper and the scope constants; nothing when no function takes `dyn`. */
  declarations(): Code[] {
    if (this.taking.size === 0) return [];
    const error = this.module.runtime("validation", "ValidationError");
    const evaluated = this.module.runtime("evaluated", "Evaluated");
    // The types are the TypeScript's alone (emit/code.ts's ts): the JavaScript has the function and the constants.
    const out: Code[] = [
      ts`/** The dynamic scope of \`$dynamicRef\`: per anchor ("#name"), the functions of the outermost schema resource entered that declares it. */
type DynamicScope$ = Readonly<Record<string, DynamicTarget$>>;`,
      ts`interface DynamicTarget$ {
  collect: (value: unknown, path?: string, errors?: ${error}[], dyn?: DynamicScope$) => boolean;
  eval?: (value: unknown, ev: ${evaluated}, dyn?: DynamicScope$) => boolean;
}`,
      code`/** Entering a schema resource: its anchors join the scope, except those an outer resource set (the outermost wins). */
function enterDynamicScope$(outer${ts`: DynamicScope$ | undefined`}, entered${ts`: DynamicScope$`})${ts`: DynamicScope$`} {
  if (outer === undefined) return entered;
  for (const anchor in entered) if (!(anchor in outer)) return { ...entered, ...outer };
  return outer;
}`,
    ];
    for (const { name, entries } of this.scopes.values()) {
      const members = entries.map(({ anchor, type }) => {
        const collect = this.module.named(type, "collect");
        return this.needEval ? code`${anchorKey(anchor)}: { collect: ${collect}, eval: ${this.module.named(type, "eval")} }` : code`${anchorKey(anchor)}: { collect: ${collect} }`;
      });
      out.push(code`const ${name}${ts`: DynamicScope$`} = { ${join(members, ", ")} };`);
    }
    return out;
  }
}
