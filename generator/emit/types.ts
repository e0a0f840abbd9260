/**
 * emitTypes: the `types` artifact — one exported type per named IR type.
 *
 * Object schemas become interfaces; anything that needs `|` or `&` becomes a type alias. The
 * "one of these properties is required" pattern (`anyOf`/`oneOf` of `required`-only branches next
 * to `properties`) becomes an intersection with a union of required members, so `{}` does not
 * compile where the schema needs `profile_id` or `email`.
 */
import { patternMatches } from "../ir/regex-flags";
import { isNode, jsonTypeOf, type IrNamedType, type IrNode, type IrSchema, type JsonType, type JsonValue } from "../ir/model";
import { code, docComment, join, type Code } from "./code";
import type { EmitContext, EmittedModule, Emitter } from "./emitter";
import { docsFor } from "./jsdoc";
import { KEYWORDS } from "./keywords/index";
import type { KeywordDefinition, TypeParts } from "./keywords/keyword";
import { printTypeDeclarations, type PropertyDeclaration, type TypeDeclaration } from "../print/type-declarations";
import { arrayType, intersectionType, keyCode, literalType, NEVER, tupleType, TypeExpr, typeRef, unionType, UNKNOWN } from "./type-expression";

export const typesEmitter: Emitter = {
  templates: [],
  emit: (context) => [emitTypes(context)],
};

/** The `types` module for a model. */
export function emitTypes({ model }: EmitContext): EmittedModule {
  return { ...TYPES_MODULE, statements: typeStatements(model.types) };
}

/**
 * The types module without its statements: what generate() knows of it when another thread
 * builds them (print/format-thread.ts's printTypes, on a large document).
 */
export const TYPES_MODULE: Omit<EmittedModule, "statements"> = {
  path: "types.ts",
  summary: "TypeScript types",
  // Types only: the formatted source is its own declaration file.
  declarations: "source",
  typesOnly: true,
};

/**
 * The module's statements: one text, a declaration per named type (print/type-declarations.ts
 * prints them as ts-morph's printer does). It reads nothing but the types (no emit options, no
 * other model field), so a structured clone of them gives the same statements on another thread.
 */
export function typeStatements(types: readonly IrNamedType[]): string[] {
  return types.length === 0 ? [] : [printTypeDeclarations(typeDeclarations(types))];
}

/** What typeStatements prints: an interface or a type alias per named type. */
export function typeDeclarations(types: readonly IrNamedType[]): TypeDeclaration[] {
  return types.map((named): TypeDeclaration => {
    const docs = docsFor(named.schema, named.name);
    const shape = isNode(named.schema) ? interfaceShape(named.schema) : undefined;
    if (shape) return { kind: "interface", name: named.name, docs, properties: shape.properties.map(propertyDeclaration), index: shape.index?.text };
    return { kind: "alias", name: named.name, docs, type: typeOf(named.schema).text };
  });
}

/** The TypeScript type of any subschema. Exported for emitters that need a parameter type. */
export function typeOf(schema: IrSchema): TypeExpr {
  if (schema === true) return UNKNOWN;
  if (schema === false) return NEVER;
  const parts: TypeExpr[] = [];
  for (const keyword of TYPED_KEYWORDS) {
    const part = keyword.typescript!(schema, TYPE_PARTS);
    if (part instanceof TypeExpr) parts.push(part);
    else if (part) parts.push(...part);
  }
  return intersectionType(parts);
}

/** The keyword modules that contribute to a TypeScript type: references first (`X & {...}`), then in vocabulary order. */
const TYPED_KEYWORDS: readonly KeywordDefinition[] = [...KEYWORDS.filter((k) => k.readFirst), ...KEYWORDS.filter((k) => !k.readFirst)].filter((k) => k.typescript);

const TYPE_PARTS: TypeParts = {
  typeOf,
  valueType: (node) => ownType(node),
  unionOf: (list) => (list && !requiredBranches(list) ? unionType(list.map(typeOf)) : undefined),
};

/** What the node's own keywords (type, const, enum, object and array keywords) say, without applicators. */
function ownType(node: IrNode): TypeExpr {
  // With `type` beside them, only the listed values of those types pass: `{ type: "integer", enum:
  // ["x", 1, 2.5] }` is `1`, and mercedes-benz's `{ type: "object", enum: ["PKW", "VAN"] }` is never.
  if (node.const) return ofTypes(node, node.const.value) ? literalType(node.const.value) : NEVER;
  if (node.enum) return unionType(node.enum.filter((value) => ofTypes(node, value)).map(literalType));
  const types = node.type ?? impliedTypes(node);
  if (!types) return UNKNOWN;
  const members: TypeExpr[] = [];
  for (const type of types) {
    if (type === "integer" && types.includes("number")) continue;
    members.push(typeForJsonType(type, node));
  }
  return unionType(members);
}

/** Whether a JSON value is of one of the node's `type`s (any value when it has none). */
function ofTypes(node: IrNode, value: JsonValue): boolean {
  if (node.type === undefined) return true;
  const kind = jsonTypeOf(value);
  return node.type.some((type) => type === kind || (type === "number" && kind === "integer"));
}

/**
 * Without `type`, object and array keywords only constrain values of that type; every other JSON
 * type still passes. The exact type is then the union of all JSON types with those constraints.
 */
function impliedTypes(node: IrNode): JsonType[] | undefined {
  const constrainsObjects = node.properties || node.additionalProperties !== undefined || node.required || node.patternProperties || requiredBranches(node.anyOf) || requiredBranches(node.oneOf);
  const constrainsArrays = node.items !== undefined || node.prefixItems;
  if (!constrainsObjects && !constrainsArrays) return undefined;
  return ["object", "array", "string", "number", "boolean", "null"];
}

function typeForJsonType(type: JsonType, node: IrNode): TypeExpr {
  switch (type) {
    case "string":
      return typeRef("string");
    case "number":
    case "integer":
      return typeRef("number");
    case "boolean":
      return typeRef("boolean");
    case "null":
      return typeRef("null");
    case "array":
      return arrayTypeOf(node);
    case "object":
      return objectTypeOf(node);
  }
}

function arrayTypeOf(node: IrNode): TypeExpr {
  const rest = node.items === undefined ? UNKNOWN : typeOf(node.items);
  if (!node.prefixItems) return arrayType(rest);
  const minimum = node.minItems ?? 0;
  const elements = node.prefixItems.map((item, index) => ({ type: typeOf(item), optional: index >= minimum }));
  // A closed tuple with fewer slots than minItems accepts nothing; leave that to the guard.
  return tupleType(elements, node.items === false ? undefined : rest);
}

function objectTypeOf(node: IrNode): TypeExpr {
  const shape = objectShape(node);
  const members = shape.properties.map((p) => code`${p.docs ? blockComment(p.docs) : code``}${p.key}${p.optional ? code`?` : code``}: ${p.type.code};`);
  if (shape.index) members.push(code`[key: string]: ${shape.index.code};`);
  // `{}` in TypeScript also accepts strings and numbers; an object with no declared members is a Record.
  const base = members.length ? new TypeExpr(code`{ ${join(members, " ")} }`, 2) : new TypeExpr(code`Record<string, never>`, 2);
  return intersectionType([base, ...requiredUnions(node)]);
}

/** A JSDoc block for a member of an inline type literal (prettier keeps it above the member). */
function blockComment(text: string): Code {
  return code`
${docComment([text])}
`;
}

/** One member of an object type. */
interface PropertyShape {
  key: Code;
  type: TypeExpr;
  optional: boolean;
  /** Its JSDoc text (docsFor), if any. */
  docs?: string;
}

interface ObjectShape {
  properties: PropertyShape[];
  index?: TypeExpr;
}

/** An interface member. */
function propertyDeclaration(p: PropertyShape): PropertyDeclaration {
  return { name: p.key.text, type: p.type.text, optional: p.optional, docs: p.docs };
}

function objectShape(node: IrNode): ObjectShape {
  const required = new Set(node.required ?? []);
  const properties: PropertyShape[] = (node.properties ?? []).map((property) => ({
    key: keyCode(property.name),
    type: typeOf(property.schema),
    optional: !required.has(property.name),
    docs: docsFor(property.schema),
  }));
  // `required` names without a `properties` entry are still required, with the value the rest of
  // the object's keywords give that key (and tsc wants it to fit the index signature).
  const declared = new Set((node.properties ?? []).map((p) => p.name));
  for (const name of node.required ?? []) {
    if (!declared.has(name)) properties.push({ key: keyCode(name), type: undeclaredPropertyType(node, name), optional: false });
  }
  return { properties, index: indexType(node) };
}

/** The index signature, or none when the schema admits no undeclared keys. */
function indexType(node: IrNode): TypeExpr | undefined {
  const closed = node.additionalProperties === false || (node.additionalProperties === undefined && node.unevaluatedProperties === false);
  if (closed && !node.patternProperties) return undefined;
  const extra = node.additionalProperties ?? node.unevaluatedProperties;
  const extraType = extra === undefined ? UNKNOWN : typeOf(extra);
  if (extraType.text === "unknown") return UNKNOWN;
  // TypeScript requires every declared property to fit the index signature.
  const declared = (node.properties ?? []).map((p) => typeOf(p.schema));
  const patterns = (node.patternProperties ?? []).map((p) => typeOf(p.schema));
  const optional = (node.properties ?? []).some((p) => !(node.required ?? []).includes(p.name)) ? [typeRef("undefined")] : [];
  return unionType([extraType, ...patterns, ...declared, ...optional]);
}

/**
 * `anyOf: [{required: [a]}, {required: [b]}]` → `{ a: A } | { b: B }`; with `oneOf` the other
 * branches' keys are `never`, since exactly one branch may hold.
 */
function requiredUnions(node: IrNode): TypeExpr[] {
  const unions: TypeExpr[] = [];
  for (const [list, exclusive] of [
    [node.anyOf, false],
    [node.oneOf, true],
  ] as const) {
    const branches = requiredBranches(list);
    if (!branches) continue;
    const all = [...new Set(branches.flat())];
    unions.push(
      unionType(
        branches.map((keys) => {
          const members = keys.map((key) => code`${keyCode(key)}: ${propertyType(node, key).code};`);
          if (exclusive) {
            // Keys that only other branches require must be absent for this one to be the only match.
            for (const other of all) if (!keys.includes(other)) members.push(code`${keyCode(other)}?: never;`);
          }
          return new TypeExpr(code`{ ${join(members, " ")} }`, 2);
        }),
      ),
    );
  }
  return unions;
}

function propertyType(node: IrNode, key: string): TypeExpr {
  const property = node.properties?.find((p) => p.name === key);
  return property ? typeOf(property.schema) : undeclaredPropertyType(node, key);
}

/**
 * The type of a key that `properties` does not declare: each `patternProperties` schema whose
 * pattern matches it, else `additionalProperties`, else any value (`unevaluatedProperties` is left
 * out: an applicator beside it may declare the key).
 * lix's `data` requires `vector_clock` and gives its other keys arrays of objects: `vector_clock:
 * unknown` beside that index signature failed tsc (TS2411).
 */
function undeclaredPropertyType(node: IrNode, key: string): TypeExpr {
  // A pattern that compiles no way here is not taken to match: the guard decides.
  const matching = (node.patternProperties ?? []).filter(({ pattern }) => patternMatches(pattern, key) === true);
  if (matching.length > 0) return intersectionType(matching.map((p) => typeOf(p.schema)));
  return node.additionalProperties === undefined ? UNKNOWN : typeOf(node.additionalProperties);
}

/** The `required` lists when every branch is nothing but `required` (annotations aside), else undefined. */
export function requiredBranches(list: readonly IrSchema[] | undefined): string[][] | undefined {
  if (!list || list.length === 0) return undefined;
  const branches: string[][] = [];
  for (const branch of list) {
    if (!isNode(branch) || !branch.required) return undefined;
    const keywords = Object.keys(branch).filter((k) => k !== "schemaPath" && k !== "annotations" && k !== "required");
    if (keywords.length > 0) return undefined;
    branches.push(branch.required);
  }
  return branches;
}

/** An object node that reads best as an `interface`: only object keywords, nothing to intersect. */
function interfaceShape(node: IrNode): ObjectShape | undefined {
  const isObjectOnly = node.type?.length === 1 && node.type[0] === "object";
  const hasCombinators = node.ref || node.dynamicRef || node.allOf || node.anyOf || node.oneOf || node.const || node.enum;
  if (!isObjectOnly || hasCombinators) return undefined;
  if (!node.properties && !node.required) return undefined;
  return objectShape(node);
}
