/**
 * What the client emitter needs to know about each endpoint, worked out from the options and the
 * IR: the path's parameters, the method's name, and which arrays carry an idempotency key.
 * Nothing here is specific to one service: Koala's values come from `npm run generate`'s flags.
 */
import { CodegenError } from "../../errors";
import { code, type Code } from "../code";
import { findType, isNode, type IrModel, type IrNode, type IrSchema } from "../../ir/model";
import { toValueName } from "../../ir/naming";
import { isIdempotencyCandidate } from "../builders/stamps";

/** One piece of a path template: literal text, or a `{name}` parameter. */
export type PathPart = { text: string } | { param: string; option: string };

export interface EndpointPlan {
  /** The root type posted as the body. */
  typeName: string;
  path: string;
  parts: PathPart[];
  /** The client method ("batch", "accountsBatch"). */
  method: string;
  /** Top-level arrays whose object items get `key` when they lack it. */
  idempotency?: { key: string; arrays: string[]; root?: boolean };
}

/** "/web/projects/{publicKey}/batch" → literal and parameter parts; a malformed template is a usage error. */
export function parsePath(template: string): PathPart[] {
  if (!template.startsWith("/")) throw new CodegenError("usage", `endpoint path "${template}" must start with "/"`);
  const parts: PathPart[] = [];
  for (const piece of template.split(/(\{[^{}]*\})/)) {
    if (piece === "") continue;
    const param = /^\{([^{}]*)\}$/.exec(piece);
    if (param) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(param[1]!)) throw new CodegenError("usage", `endpoint path "${template}": parameter "{${param[1]}}" is not a name`);
      parts.push({ param: param[1]!, option: toValueName(param[1]!) });
    } else if (/[{}]/.test(piece)) {
      throw new CodegenError("usage", `endpoint path "${template}" has an unmatched brace`);
    } else {
      parts.push({ text: piece });
    }
  }
  return parts;
}

/** The method name: the literal segments after the last parameter ("/accounts/batch" → "accountsBatch"), else the last one. */
export function methodName(parts: readonly PathPart[]): string {
  const lastParam = parts.map((p) => "param" in p).lastIndexOf(true);
  const tail = parts.slice(lastParam + 1).flatMap((p) => ("text" in p ? p.text.split("/") : [])).filter(Boolean);
  const words = tail.length > 0 ? tail : parts.flatMap((p) => ("text" in p ? p.text.split("/") : [])).filter(Boolean).slice(-1);
  return toValueName(words.join(" ") || "send");
}

/**
 * The arrays of the root whose object items have a free string property `key` (given, or found by
 * name/description across the items' types: exactly one candidate, or none is used). A `key` given
 * (OpenAPI's `x-idempotency-key`) may also be a free string property of the root itself: `root`.
 */
export function idempotencyFor(model: IrModel, typeName: string, key: string | false | undefined): EndpointPlan["idempotency"] {
  if (key === false) return undefined;
  const root = resolve(model, findType(model, typeName).schema);
  const arrays = (root?.properties ?? []).flatMap((p) => {
    const array = resolve(model, p.schema);
    const items = array?.items === undefined ? undefined : resolve(model, array.items);
    return items ? [{ array: p.name, items }] : [];
  });
  let chosen = key;
  if (chosen === undefined) {
    const candidates = new Set(
      arrays.flatMap(({ items }) =>
        (items.properties ?? [])
          .filter((p) => isString(model, p.schema) && isIdempotencyCandidate(p.name, p.schema))
          .map((p) => p.name),
      ),
    );
    if (candidates.size !== 1) return undefined;
    chosen = [...candidates][0]!;
  }
  const keyName = chosen;
  const withKey = arrays.filter(({ items }) => (items.properties ?? []).some((p) => p.name === keyName && isString(model, p.schema))).map((a) => a.array);
  const atRoot = key !== undefined && (root?.properties ?? []).some((p) => p.name === keyName && isString(model, p.schema));
  if (atRoot) return { key: keyName, arrays: withKey, root: true };
  return withKey.length > 0 ? { key: keyName, arrays: withKey } : undefined;
}

/** A node with `$ref` followed (one level of sibling-free refs is what schemas write for items). */
function resolve(model: IrModel, schema: IrSchema, depth = 0): IrNode | undefined {
  if (!isNode(schema)) return undefined;
  if (schema.ref && !schema.properties && !schema.items) return depth > 8 ? undefined : resolve(model, findType(model, schema.ref).schema, depth + 1);
  return schema;
}

function isString(model: IrModel, schema: IrSchema): boolean {
  const node = resolve(model, schema);
  return node?.type?.length === 1 && node.type[0] === "string" && node.const === undefined && node.enum === undefined;
}

/** An idempotency plan as the runtime's withIdempotencyKeys takes it: `{ key, arrays }`, plus `root: true` for a key of the body itself. */
export function idempotencyCode(idempotency: NonNullable<EndpointPlan["idempotency"]>): Code {
  return code`{ key: ${idempotency.key}, arrays: ${idempotency.arrays}${idempotency.root ? code`, root: true` : code``} }`;
}
