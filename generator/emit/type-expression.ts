/**
 * Tiny builders for TypeScript type expressions that know operator precedence, so generated types
 * carry exactly the parentheses they need and no more. Built from emit/code.ts's typed values:
 * names through `id()`, values through `literal()`, so no schema text becomes type syntax.
 */
import { isBareKey } from "../identifiers";
import { code, id, join, literal, type Code } from "./code";

/** A type expression. `precedence`: 0 = union, 1 = intersection, 2 = anything that binds tighter (names, literals, T[], {...}). */
export class TypeExpr {
  constructor(
    readonly code: Code,
    readonly precedence: 0 | 1 | 2,
  ) {}

  /** The type as text, for ts-morph structures. */
  get text(): string {
    return this.code.text;
  }
}

export const UNKNOWN = new TypeExpr(code`unknown`, 2);
export const NEVER = new TypeExpr(code`never`, 2);

/** A type by name: a keyword type (`string`, `null`) or a declared type (a name from ir/naming.ts). */
export function typeRef(name: string): TypeExpr {
  return new TypeExpr(id(name), 2);
}

/** A property key in a type: bare when it is an identifier, quoted otherwise. */
export function keyCode(key: string): Code {
  return isBareKey(key) ? id(key) : literal(key);
}

export function unionType(members: readonly TypeExpr[]): TypeExpr {
  const unique = dedupe(members.filter((m) => m.text !== "never"));
  if (unique.some((m) => m.text === "unknown")) return UNKNOWN;
  if (unique.length === 0) return NEVER;
  if (unique.length === 1) return unique[0]!;
  return new TypeExpr(join(unique.map((m) => m.code), " | "), 0);
}

export function intersectionType(members: readonly TypeExpr[]): TypeExpr {
  const unique = dedupe(members.filter((m) => m.text !== "unknown"));
  if (unique.some((m) => m.text === "never")) return NEVER;
  if (unique.length === 0) return UNKNOWN;
  if (unique.length === 1) return unique[0]!;
  return new TypeExpr(join(unique.map((m) => (m.precedence === 0 ? code`(${m.code})` : m.code)), " & "), 1);
}

export function arrayType(element: TypeExpr): TypeExpr {
  return new TypeExpr(element.precedence < 2 ? code`(${element.code})[]` : code`${element.code}[]`, 2);
}

export interface TupleElement {
  type: TypeExpr;
  optional: boolean;
}

export function tupleType(elements: readonly TupleElement[], rest: TypeExpr | undefined): TypeExpr {
  const parts = elements.map((e) => (e.optional ? (e.type.precedence < 2 ? code`(${e.type.code})?` : code`${e.type.code}?`) : e.type.code));
  if (rest) parts.push(code`...${arrayType(rest).code}`);
  return new TypeExpr(code`[${join(parts, ", ")}]`, 2);
}

/** The literal type of a JSON value: "track", 3, null, { readonly a: 1 }, readonly [1, 2]. */
export function literalType(value: unknown): TypeExpr {
  if (Array.isArray(value)) return new TypeExpr(code`readonly [${join(value.map((v) => literalType(v).code), ", ")}]`, 2);
  if (typeof value === "object" && value !== null) {
    const members = Object.entries(value).map(([k, v]) => code`readonly ${keyCode(k)}: ${literalType(v).code}`);
    return new TypeExpr(code`{ ${join(members, "; ")} }`, 2);
  }
  return new TypeExpr(literal(value), 2);
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
