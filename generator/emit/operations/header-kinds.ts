/**
 * What a header's schema says its JSON type is, for the client: how it reads a declared response
 * header's text back into a value (the kind code templates/runtime/response-headers.ts takes: "7" is
 * 7 when it says integer, "a,b" a list when it says array), and whether a header parameter is a
 * primitive (sent by params.ts serializePrimitiveHeader, which bundles no list or object code).
 */
import type { IrModel } from "../../ir/model";
import { findType } from "../../ir/model";
import { resolveNode } from "../../ir/resolve-node";
import type { IrHeader } from "../../load/openapi/operation-model";

/** The runtime's HeaderKind: a code, or an object's with its properties' codes (`["o", [["limit", "n"]], other]`). */
export type HeaderKind = string | [kind: "o" | "e", properties: [name: string, kind: string][], other?: string];

/** `type`: the named type of the header's schema (undefined: any value, read as text). */
export function headerKind(model: IrModel, header: IrHeader, type: string | undefined): HeaderKind {
  if (header.mediaType !== undefined) return /json/i.test(header.mediaType) ? "j" : "s";
  const node = type === undefined ? undefined : resolveNode(model, findType(model, type).schema);
  const types = node?.type ?? [];
  if (types.includes("array")) return `a${scalarKind(resolveNode(model, node?.items)?.type ?? [])}`;
  if (types.includes("object")) {
    const kind = header.explode ? "e" : "o";
    // Each property read by its own schema ("limit,100" → { limit: 100 } when limit says integer); text ones need no entry.
    const properties = (node?.properties ?? []).map((p): [string, string] => [p.name, scalarKind(resolveNode(model, p.schema)?.type ?? [])]).filter(([, k]) => k !== "s");
    const additional = node?.additionalProperties;
    const other = typeof additional === "object" ? scalarKind(resolveNode(model, additional)?.type ?? []) : "s";
    if (properties.length === 0 && other === "s") return kind;
    return other === "s" ? [kind, properties] : [kind, properties, other];
  }
  return scalarKind(types);
}

function scalarKind(types: readonly string[]): string {
  if (types.includes("integer") || types.includes("number")) return "n";
  if (types.includes("boolean")) return "b";
  return "s";
}

/** Whether the named type `type` is only ever a string, number, integer or boolean (null aside). */
export function isPrimitiveType(model: IrModel, type: string | undefined): boolean {
  const types = type === undefined ? [] : (resolveNode(model, findType(model, type).schema)?.type ?? []);
  return types.length > 0 && types.every((t) => t === "string" || t === "number" || t === "integer" || t === "boolean" || t === "null");
}
