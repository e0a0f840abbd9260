/**
 * Tiny builders for TypeScript type expressions that know operator precedence, so generated types
 * carry exactly the parentheses they need and no more.
 */
import { literal, propertyKey } from "./code";

/** 0 = union, 1 = intersection, 2 = anything that binds tighter (names, literals, T[], {...}). */
export interface TypeExpr {
  text: string;
  precedence: 0 | 1 | 2;
}

export const UNKNOWN: TypeExpr = { text: "unknown", precedence: 2 };
export const NEVER: TypeExpr = { text: "never", precedence: 2 };

export function typeRef(text: string): TypeExpr {
  return { text, precedence: 2 };
}

export function unionType(members: readonly TypeExpr[]): TypeExpr {
  const unique = dedupe(members.filter((m) => m.text !== "never"));
  if (unique.some((m) => m.text === "unknown")) return UNKNOWN;
  if (unique.length === 0) return NEVER;
  if (unique.length === 1) return unique[0]!;
  return { text: unique.map((m) => m.text).join(" | "), precedence: 0 };
}

export function intersectionType(members: readonly TypeExpr[]): TypeExpr {
  const unique = dedupe(members.filter((m) => m.text !== "unknown"));
  if (unique.some((m) => m.text === "never")) return NEVER;
  if (unique.length === 0) return UNKNOWN;
  if (unique.length === 1) return unique[0]!;
  return { text: unique.map((m) => (m.precedence === 0 ? `(${m.text})` : m.text)).join(" & "), precedence: 1 };
}

export function arrayType(element: TypeExpr): TypeExpr {
  return { text: element.precedence < 2 ? `(${element.text})[]` : `${element.text}[]`, precedence: 2 };
}

export interface TupleElement {
  type: TypeExpr;
  optional: boolean;
}

export function tupleType(elements: readonly TupleElement[], rest: TypeExpr | undefined): TypeExpr {
  const parts = elements.map((e) => (e.optional ? `${e.type.precedence < 2 ? `(${e.type.text})` : e.type.text}?` : e.type.text));
  if (rest) parts.push(`...${arrayType(rest).text}`);
  return { text: `[${parts.join(", ")}]`, precedence: 2 };
}

/** The literal type of a JSON value: "track", 3, null, { readonly a: 1 }, readonly [1, 2]. */
export function literalType(value: unknown): TypeExpr {
  if (Array.isArray(value)) return { text: `readonly [${value.map((v) => literalType(v).text).join(", ")}]`, precedence: 2 };
  if (typeof value === "object" && value !== null) {
    const members = Object.entries(value).map(([k, v]) => `readonly ${propertyKey(k)}: ${literalType(v).text}`);
    return { text: `{ ${members.join("; ")} }`, precedence: 2 };
  }
  if (typeof value === "number" && value < 0) return { text: literal(value).text, precedence: 2 };
  return { text: literal(value).text, precedence: 2 };
}

function dedupe(members: readonly TypeExpr[]): TypeExpr[] {
  const seen = new Set<string>();
  const out: TypeExpr[] = [];
  for (const member of members) {
    if (seen.has(member.text)) continue;
    seen.add(member.text);
    out.push(member);
  }
  return out;
}
