/**
 * How the client reads a declared response header's text back into a value: the kind code
 * templates/runtime/response-headers.ts takes, from what the header's schema says its JSON type is
 * ("7" is 7 when it says integer, "a,b" a list when it says array).
 */
import type { IrModel } from "../../ir/model";
import { findType } from "../../ir/model";
import { resolveNode } from "../../ir/resolve-node";
import type { IrHeader } from "../../load/openapi/operation-model";

/** `type`: the named type of the header's schema (undefined: any value, read as text). */
export function headerKind(model: IrModel, header: IrHeader, type: string | undefined): string {
  if (header.mediaType !== undefined) return /json/i.test(header.mediaType) ? "j" : "s";
  const node = type === undefined ? undefined : resolveNode(model, findType(model, type).schema);
  const types = node?.type ?? [];
  if (types.includes("array")) return `a${scalarKind(resolveNode(model, node?.items)?.type ?? [])}`;
  if (types.includes("object")) return header.explode ? "e" : "o";
  return scalarKind(types);
}

function scalarKind(types: readonly string[]): string {
  if (types.includes("integer") || types.includes("number")) return "n";
  if (types.includes("boolean")) return "b";
  return "s";
}
