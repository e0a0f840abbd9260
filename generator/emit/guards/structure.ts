/**
 * Subschemas by structure. An OpenAPI document repeats the same inline shapes across its request
 * bodies (stripe: an address object ~30 times, `{gt, gte, lt, lte}` 53 times, payment method
 * options of hundreds of lines 2-6 times): compiled inline, each copy was compiled, printed and
 * built again. Two nodes get the same structure number when they hold the same keywords and their
 * subschemas have the same structure at the same places relative to them: then their code is the
 * same but for the schema paths under their own, and one function checks every copy, its path
 * passed as `at` (fold.ts). A subschema's path elsewhere (not under its parent's) is part of the
 * structure as it is, so it is the same in every copy.
 *
 * Numbers are given bottom-up (hash-consing): a node's key names its children by number, so keys
 * stay as small as the node itself whatever the depth, and the walk keeps its own stack.
 */
import { isNode, type IrModel, type IrNode, type IrSchema } from "../../ir/model";

/**
 * An inline subschema of at least this many nodes (itself and every subschema in it) that occurs
 * at least twice is checked by a function of its own, called from each place: smaller than that, a
 * copy's code is about the size of a call and its error path, and a call costs the fast path more.
 */
export const SHARED_MIN_NODES = 4;

/** The IrNode fields holding one subschema, a list of them, or named entries of them (every applicator). */
const ONE = ["items", "contains", "unevaluatedItems", "additionalProperties", "propertyNames", "unevaluatedProperties", "not", "if", "then", "else"] as const;
const LISTS = ["prefixItems", "allOf", "anyOf", "oneOf"] as const;
const ENTRIES = ["properties", "patternProperties", "dependentSchemas"] as const;
const ONE_FIELDS: ReadonlySet<string> = new Set(ONE);
const LIST_FIELDS: ReadonlySet<string> = new Set(LISTS);
const ENTRY_FIELDS: ReadonlySet<string> = new Set(ENTRIES);

/**
 * A subschema in a node's key: its place relative to the node (length-prefixed: a key of the
 * schema may hold any character), or its whole path when it is elsewhere; a boolean as it is.
 */
function place(node: IrNode, schema: IrSchema, children: IrNode[]): string {
  if (!isNode(schema)) return schema ? "T" : "F";
  children.push(schema);
  const root = node.schemaPath;
  const path = schema.schemaPath;
  if (path.length > root.length && path.startsWith(root) && path.charCodeAt(root.length) === SLASH) return `+${path.length - root.length}:${path.slice(root.length)}`;
  return path === root ? "+0:" : `=${path.length}:${path}`;
}

const SLASH = 47;

export class Structures {
  private readonly ids = new WeakMap<IrNode, number>();
  private readonly byKey = new Map<string, number>();
  /** By structure number: its node count, and how many inline copies the module compiles. */
  private readonly sizes: number[] = [];
  private copies: number[] = [];
  /** By structure number: its subschemas' numbers (a structure's, whichever copy numbered it). */
  private readonly children: number[][] = [];

  constructor(model: IrModel) {
    for (const type of model.types) if (isNode(type.schema)) this.number(type.schema);
    this.count(model);
  }

  /** The structure number of a node of the model. */
  idOf(node: IrNode): number | undefined {
    return this.ids.get(node);
  }

  /** Whether an inline subschema is worth a function shared by its copies (see {@link SHARED_MIN_NODES}). */
  shared(node: IrNode): boolean {
    const n = this.ids.get(node);
    return n !== undefined && this.sizes[n]! >= SHARED_MIN_NODES && this.copies[n]! >= 2;
  }

  /**
   * Numbers every node under `root`, children first, without recursion. A node's key is read on
   * its first visit (every field but its subschemas as JSON, each subschema's place) with its
   * children, and completed with their numbers when they have theirs: one pass over its fields.
   */
  private number(root: IrNode): void {
    const nodes: IrNode[] = [root];
    const keys: (string | undefined)[] = [undefined];
    const childrenOf: IrNode[][] = [[]];
    while (nodes.length > 0) {
      const top = nodes.length - 1;
      const node = nodes[top]!;
      const children = childrenOf[top]!;
      if (keys[top] === undefined) {
        keys[top] = this.ownKey(node, children);
        for (const child of children) {
          if (this.ids.has(child)) continue;
          nodes.push(child);
          keys.push(undefined);
          childrenOf.push([]);
        }
        continue;
      }
      const own = keys[top]!;
      nodes.pop();
      keys.pop();
      childrenOf.pop();
      if (this.ids.has(node)) continue;
      let key = own;
      let size = 1;
      const numbers: number[] = [];
      for (const child of children) {
        const n = this.ids.get(child)!;
        numbers.push(n);
        size += this.sizes[n]!;
        key += `#${n}`;
      }
      let n = this.byKey.get(key);
      if (n === undefined) {
        n = this.sizes.length;
        this.byKey.set(key, n);
        this.sizes.push(size);
        this.children.push(numbers);
      }
      this.ids.set(node, n);
    }
  }

  /** The node's key but for its children's numbers (appended in the order of `children`, filled here). */
  private ownKey(node: IrNode, children: IrNode[]): string {
    let key = "";
    for (const field of Object.keys(node) as (keyof IrNode)[]) {
      if (field === "schemaPath" || field === "annotations") continue;
      const value = node[field];
      if (value === undefined) continue;
      key += `${field}:`;
      if (ONE_FIELDS.has(field)) key += place(node, value as IrSchema, children);
      else if (LIST_FIELDS.has(field)) for (const schema of value as IrSchema[]) key += `${place(node, schema, children)},`;
      else if (ENTRY_FIELDS.has(field)) for (const e of value as { name?: string; pattern?: string; schema: IrSchema }[]) key += `${JSON.stringify(e.name ?? e.pattern)}${place(node, e.schema, children)},`;
      else key += JSON.stringify(value);
      key += ";";
    }
    return key;
  }

  /**
   * Counts the inline copies compiled, on the structures rather than the nodes (a child's number
   * is always below its parent's): each copy of a structure reaches its children, but a shared
   * structure's inline copies are compiled once, so together they reach its children once.
   * Approximate where a shared structure holds another: enough to tell one copy from several.
   */
  private count(model: IrModel): void {
    const size = this.sizes.length;
    const roots = new Array<number>(size).fill(0);
    for (const type of model.types) if (isNode(type.schema)) roots[this.ids.get(type.schema)!]!++;
    const reached = (through: (n: number, reach: number) => number): number[] => {
      const inline = new Array<number>(size).fill(0);
      for (let n = size - 1; n >= 0; n--) {
        const reach = inline[n]! + roots[n]!;
        if (reach === 0) continue;
        const passed = through(n, reach);
        for (const child of this.children[n]!) inline[child]! += passed;
      }
      return inline;
    };
    const raw = reached((_, reach) => reach);
    // A named type's root is compiled in its own function, its inline copies in one shared one.
    this.copies = reached((n, reach) => (raw[n]! >= 2 && this.sizes[n]! >= SHARED_MIN_NODES ? roots[n]! + Math.min(reach - roots[n]!, 1) : reach));
  }
}

