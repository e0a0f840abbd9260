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

/** The node's subschemas that are nodes. Its own fields only: an IR node has a few of the 20 applicators. */
function childNodes(node: IrNode): IrNode[] {
  const out: IrNode[] = [];
  for (const field of Object.keys(node)) {
    if (ONE_FIELDS.has(field)) {
      const child = node[field as (typeof ONE)[number]]!;
      if (isNode(child)) out.push(child);
    } else if (LIST_FIELDS.has(field)) {
      for (const child of node[field as (typeof LISTS)[number]]!) if (isNode(child)) out.push(child);
    } else if (ENTRY_FIELDS.has(field)) {
      for (const entry of node[field as (typeof ENTRIES)[number]]!) if (isNode(entry.schema)) out.push(entry.schema);
    }
  }
  return out;
}

/** `path` relative to `root` ("" for the root itself), undefined when it is not under it. */
function relative(root: string, path: string): string | undefined {
  if (path === root) return "";
  return path.startsWith(root) && path[root.length] === "/" ? path.slice(root.length) : undefined;
}

export class Structures {
  private readonly ids = new WeakMap<IrNode, number>();
  private readonly byKey = new Map<string, number>();
  /** By structure number: its node count, and how many inline copies the module compiles. */
  private readonly sizes: number[] = [];
  private readonly copies: number[] = [];

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

  /** Numbers every node under `root`, children first, without recursion. */
  private number(root: IrNode): void {
    const stack: { node: IrNode; children: IrNode[] | undefined }[] = [{ node: root, children: undefined }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.children === undefined) {
        top.children = childNodes(top.node);
        for (const child of top.children) if (!this.ids.has(child)) stack.push({ node: child, children: undefined });
        continue;
      }
      stack.pop();
      if (!this.ids.has(top.node)) this.ids.set(top.node, this.structureOf(top.node, top.children));
    }
  }

  private structureOf(node: IrNode, children: readonly IrNode[]): number {
    let size = 1;
    for (const child of children) size += this.sizes[this.ids.get(child)!]!;
    // A subschema is its place relative to the node and its number; every other field its JSON.
    // Fields in the node's own order: the IR reader sets them in one order for equal nodes.
    const sub = (schema: IrSchema): string => {
      if (!isNode(schema)) return String(schema);
      const at = relative(node.schemaPath, schema.schemaPath);
      // Length-prefixed: a key of the schema may hold any character.
      return at === undefined ? `=${schema.schemaPath.length}:${schema.schemaPath}#${this.ids.get(schema)!}` : `+${at.length}:${at}#${this.ids.get(schema)!}`;
    };
    let key = "";
    for (const field of Object.keys(node) as (keyof IrNode)[]) {
      if (field === "schemaPath" || field === "annotations") continue;
      const value = node[field];
      if (value === undefined) continue;
      key += `${field}:`;
      if (ONE_FIELDS.has(field)) key += sub(value as IrSchema);
      else if (LIST_FIELDS.has(field)) key += (value as IrSchema[]).map(sub).join(",");
      else if (ENTRY_FIELDS.has(field)) key += (value as { name?: string; pattern?: string; schema: IrSchema }[]).map((e) => `${JSON.stringify(e.name ?? e.pattern)}:${sub(e.schema)}`).join(",");
      else key += JSON.stringify(value);
      key += ";";
    }
    let n = this.byKey.get(key);
    if (n === undefined) {
      n = this.sizes.length;
      this.byKey.set(key, n);
      this.sizes.push(size);
      this.copies.push(0);
    }
    return n;
  }

  /**
   * Counts the inline copies compiled: every node below a named type's root, but not below a
   * second copy of a shared structure (whose code is the first copy's). Approximate where a
   * shared structure holds another: enough to tell one copy from several.
   */
  private count(model: IrModel): void {
    const raw: number[] = this.sizes.map(() => 0);
    const walk = (visit: (node: IrNode) => boolean): void => {
      for (const type of model.types) {
        if (!isNode(type.schema)) continue;
        const stack: IrNode[] = [...childNodes(type.schema)];
        for (let node = stack.pop(); node !== undefined; node = stack.pop()) if (visit(node)) stack.push(...childNodes(node));
      }
    };
    walk((node) => {
      raw[this.ids.get(node)!]!++;
      return true;
    });
    const candidate = (n: number): boolean => raw[n]! >= 2 && this.sizes[n]! >= SHARED_MIN_NODES;
    const seen = new Set<number>();
    walk((node) => {
      const n = this.ids.get(node)!;
      this.copies[n]!++;
      if (!candidate(n)) return true;
      if (seen.has(n)) return false;
      seen.add(n);
      return true;
    });
  }
}

