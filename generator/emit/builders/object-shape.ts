/**
 * What the builders need to know about an object type, read from the IR once: its declared
 * properties, which of them are constants (`const`, or a one-value `enum`), which have a
 * `default`, which are required, and which it can stamp (see `stamps.ts`).
 */
import { isNode, onlyRef, type IrModel, type IrNamedType, type IrNode, type IrSchema, type JsonValue } from "../../ir/model";
import type { StampSettings } from "../emitter";
import { findStampKeys, type StampKeys } from "./stamps";

export interface PropertyInfo {
  name: string;
  schema: IrSchema;
  required: boolean;
  /** The one value a `const` (or a one-value `enum`) allows. */
  constant?: { value: JsonValue };
  default?: { value: JsonValue };
}

export interface ObjectInfo {
  /** The named type's identifier. */
  name: string;
  node: IrNode;
  properties: PropertyInfo[];
  stamps: StampKeys;
}

/** The named types whose schema describes an object (`type: "object"`) — the ones that get `createX`. */
export function objectTypes(model: IrModel, stamps?: StampSettings): ObjectInfo[] {
  return model.types.filter((t): t is IrNamedType & { schema: IrNode } => isObjectNode(t.schema)).map((t) => objectInfo(t.name, t.schema, stamps));
}

/** JSON Schema `type: "object"` and nothing else: an object builder can produce exactly this. */
export function isObjectNode(schema: IrSchema): schema is IrNode {
  return isNode(schema) && schema.type?.length === 1 && schema.type[0] === "object";
}

/**
 * Whether a named type's TypeScript type is an object type, as `chunkX` (and the client's
 * splitting) needs: `type: "object"`, or nothing but a `$ref` to such a type. A root typed
 * `unknown` (a definitions-only schema) or a union with primitives gets no chunkX.
 */
export function isObjectType(model: IrModel, name: string, seen = new Set<string>()): boolean {
  const schema = model.types.find((t) => t.name === name)?.schema;
  if (schema === undefined || seen.has(name)) return false;
  if (isObjectNode(schema)) return true;
  const ref = onlyRef(schema);
  return ref !== undefined && isObjectType(model, ref, seen.add(name));
}

/** `properties` + `required` + `const`/`enum`/`default` of one object schema. */
export function objectInfo(name: string, node: IrNode, stamps?: StampSettings): ObjectInfo {
  const required = new Set(node.required ?? []);
  const properties: PropertyInfo[] = (node.properties ?? []).map((p) => ({
    name: p.name,
    schema: p.schema,
    required: required.has(p.name),
    constant: constantOf(p.schema),
    default: isNode(p.schema) ? p.schema.annotations.default : undefined,
  }));
  return { name, node, properties, stamps: findStampKeys(properties, stamps) };
}

function constantOf(schema: IrSchema): { value: JsonValue } | undefined {
  if (!isNode(schema)) return undefined;
  if (schema.const) return schema.const;
  if (schema.enum?.length === 1) return { value: schema.enum[0]! };
  return undefined;
}

/** The property is a plain `type: X` schema of that one JSON type (a `format` is allowed). */
export function hasSingleType(schema: IrSchema, type: "string" | "object" | "array"): schema is IrNode {
  return isNode(schema) && schema.type?.length === 1 && schema.type[0] === type && !schema.const && !schema.enum && !schema.ref;
}
