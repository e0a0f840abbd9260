/**
 * `chunkX(request)` for the root object type, driven by `maxItems`: a request whose arrays hold
 * more items than allowed becomes as many requests as needed, each with the identity (every
 * non-array property) and a slice of each array, in order. Arrays without `maxItems` stay whole in
 * the first part. Every part goes through `assertX`, so what comes out is valid or nothing is.
 */
import { code, docComment, id, join, literal } from "../code";
import { exportedFunction, type BuilderStatement } from "../declared";
import { isNode } from "../../ir/model";
import { guardNames, withArticle } from "./names";
import type { ObjectInfo } from "./object-shape";

export interface ArrayProperty {
  name: string;
  /** `maxItems`, or Infinity. */
  maxItems: number;
}

/** The declared array properties of an object type (`type: "array"`), with their limits. */
export function arrayProperties(info: ObjectInfo): ArrayProperty[] {
  return info.properties
    .filter((p) => isNode(p.schema) && p.schema.type?.length === 1 && p.schema.type[0] === "array")
    .map((p) => ({ name: p.name, maxItems: (isNode(p.schema) ? p.schema.maxItems : undefined) ?? Infinity }));
}

/** `chunkX` for the root type. */
export function emitChunk(root: ObjectInfo, chunk: string): BuilderStatement {
  const arrays = arrayProperties(root);
  const limits = join(
    arrays.map((a) => code`[${a.name}, ${literal(a.maxItems)}]`),
    ", ",
  );
  const limited = arrays.filter((a) => a.maxItems !== Infinity);
  const described = limited.length ? limited.map((a) => `\`${a.name}\`: ${a.maxItems}`).join(", ") : "none in this schema";
  const doc = docComment([
    `Splits ${withArticle(root.name)} whose arrays hold more than their \`maxItems\` (${described}) into`,
    `as many requests as needed, in order; each keeps every non-array property (the identity).`,
    `A request within the limits comes back alone. Every part is checked with ${guardNames(root.name).assert},`,
    `unless \`options.validate\` is false (for a caller that checks the parts itself, or means not to).`,
    ``,
    `@throws SchemaValidationError with the guard's errors when a part is not valid.`,
  ]);
  const params = [
    { name: code`request`, type: id(root.name) },
    { name: code`options`, type: code`{ validate?: boolean | undefined }`, optional: true },
  ];
  return exportedFunction(doc, id(chunk), params, code`${id(root.name)}[]`, [
    // Without array properties there is nothing to split; the root need not even be an object
    // (chunkByLimits takes objects), so a `string | null` root's package still type-checks.
    arrays.length === 0 ? code`  const parts = [request];` : code`  const parts = runtime.chunkByLimits(request, [${limits}]);`,
    code`  if (options?.validate !== false) for (const part of parts) ${id(guardNames(root.name).assert)}(part);`,
    code`  return parts;`,
  ]);
}
