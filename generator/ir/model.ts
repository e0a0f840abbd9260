/**
 * The intermediate representation: the one contract between reading a schema and emitting code.
 *
 * Emitters read only this, never raw JSON Schema. It is keyword-faithful rather than a union of
 * TypeScript-ish kinds: runtime guards must agree with JSON Schema to the letter, so every
 * validation keyword survives normalization with its value checked and typed. The TypeScript view
 * (object/array/union/literal) is derived from it in `emit/types`, where its approximations belong.
 *
 * What normalization has already done for every emitter:
 * - `$ref` is resolved (files, `$id`, `$anchor`, JSON pointers) and replaced by the *name* of a
 *   named type, so shared subschemas are emitted once and cycles are plain references;
 * - older drafts are read into draft 2020-12 keywords (`items` arrays become `prefixItems`,
 *   `dependencies` becomes `dependentRequired`/`dependentSchemas`, ...), each by its keyword's
 *   module in `emit/keywords/`;
 * - every keyword value has the right JSON type, or generation failed with its schema path.
 */

import type { Dialect } from "../load/dialect";
import type { IrOperation, IrSecurityScheme, IrServer } from "../load/openapi/operation-model";
import { escapePointerToken } from "../load/keywords";
import { placeOfPointer } from "../load/openapi/schema-sites";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type JsonType = "string" | "number" | "integer" | "boolean" | "null" | "array" | "object";

/** The JSON type of a value, "integer" for a number without a fraction (it is also a "number"). */
export function jsonTypeOf(value: JsonValue): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as JsonType;
}

export const JSON_TYPES: readonly JsonType[] = ["string", "number", "integer", "boolean", "null", "array", "object"];

/** A subschema: a boolean schema (`true` accepts everything, `false` nothing) or a node. */
export type IrSchema = boolean | IrNode;

export interface IrProperty {
  name: string;
  schema: IrSchema;
}

export interface IrPatternProperty {
  /** The ECMA-262 regular expression source, as written in the schema. */
  pattern: string;
  schema: IrSchema;
}

export interface IrAnnotations {
  title?: string;
  description?: string;
  /** `examples`, plus the OpenAPI-style singular `example`. */
  examples?: JsonValue[];
  /** Wrapped so that `default: null` is distinguishable from "no default". */
  default?: { value: JsonValue };
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  $comment?: string;
  contentMediaType?: string;
  contentEncoding?: string;
}

/** One JSON Schema object, with every keyword checked and typed. Absent keyword = absent field. */
export interface IrNode {
  /** Where this subschema is, as a URI fragment of its document: "#/$defs/TrackEvent". */
  schemaPath: string;

  /** `$ref`: the name of the named type it points to. Applies in conjunction with the siblings. */
  ref?: string;
  /**
   * `$dynamicRef` (2019-09: `$recursiveRef`) whose static target declares the same dynamic anchor:
   * at run time it applies the outermost schema resource in the dynamic scope that declares
   * `anchor`, else `ref` (the static target, which is also its TypeScript type). A dynamic
   * reference without a matching anchor is a plain `ref`.
   */
  dynamicRef?: { ref: string; anchor: string };
  /**
   * Entering this subschema enters a schema resource that declares these dynamic anchors (only
   * those some dynamic reference looks up): anchor name → the named type declaring it.
   */
  dynamicScope?: { anchor: string; type: string }[];

  // Any instance
  type?: JsonType[];
  /** Wrapped so that `const: null` is distinguishable from "no const". */
  const?: { value: JsonValue };
  enum?: JsonValue[];

  // Strings
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;

  // Numbers
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;

  // Arrays
  prefixItems?: IrSchema[];
  items?: IrSchema;
  contains?: IrSchema;
  minContains?: number;
  maxContains?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  unevaluatedItems?: IrSchema;

  // Objects
  properties?: IrProperty[];
  patternProperties?: IrPatternProperty[];
  additionalProperties?: IrSchema;
  propertyNames?: IrSchema;
  required?: string[];
  dependentRequired?: { name: string; required: string[] }[];
  dependentSchemas?: IrProperty[];
  minProperties?: number;
  maxProperties?: number;
  unevaluatedProperties?: IrSchema;

  // Applicators
  allOf?: IrSchema[];
  anyOf?: IrSchema[];
  oneOf?: IrSchema[];
  not?: IrSchema;
  if?: IrSchema;
  then?: IrSchema;
  else?: IrSchema;

  /**
   * OpenAPI's `discriminator` on this node's `oneOf` or `anyOf` (load/openapi/discriminator.ts): the
   * property whose value picks the one branch to check, each tag with the named type it picks.
   */
  discriminator?: IrDiscriminator;

  annotations: IrAnnotations;
}

export interface IrDiscriminator {
  keyword: "oneOf" | "anyOf";
  propertyName: string;
  /** A tag is a string, or the number or boolean the branch pins the property to (load/openapi/discriminator.ts). */
  branches: { tag: string | number | boolean; type: string }[];
}

/** The name of a keyword field of {@link IrNode}: what a keyword module claims (emit/keywords/). */
export type IrKeyword = Exclude<keyof IrNode, "schemaPath" | "annotations">;

/**
 * Every keyword field of IrNode, at run time. A `Record` over {@link IrKeyword}, so the compiler
 * rejects a field missing here or one IrNode does not have: adding a field to IrNode means adding
 * it here, and then the claim test (test/emit/keywords.test.ts) asks for its keyword module.
 */
const KEYWORD_FIELDS: Record<IrKeyword, true> = {
  ref: true,
  dynamicRef: true,
  dynamicScope: true,
  type: true,
  const: true,
  enum: true,
  minLength: true,
  maxLength: true,
  pattern: true,
  format: true,
  minimum: true,
  maximum: true,
  exclusiveMinimum: true,
  exclusiveMaximum: true,
  multipleOf: true,
  prefixItems: true,
  items: true,
  contains: true,
  minContains: true,
  maxContains: true,
  minItems: true,
  maxItems: true,
  uniqueItems: true,
  unevaluatedItems: true,
  properties: true,
  patternProperties: true,
  additionalProperties: true,
  propertyNames: true,
  required: true,
  dependentRequired: true,
  dependentSchemas: true,
  minProperties: true,
  maxProperties: true,
  unevaluatedProperties: true,
  allOf: true,
  anyOf: true,
  oneOf: true,
  discriminator: true,
  not: true,
  if: true,
  then: true,
  else: true,
};

export const IR_KEYWORDS: readonly IrKeyword[] = Object.keys(KEYWORD_FIELDS) as IrKeyword[];

/** A schema that gets its own exported type (and guard, builder, ...). */
export interface IrNamedType {
  /** A valid, unique TypeScript identifier chosen by `ir/naming.ts`. */
  name: string;
  /** Where the name came from, for messages: "#/$defs/TrackEvent" or "file.json#/...". */
  origin: string;
  schema: IrSchema;
}

/** The JSON Schema dialect a document was read by (defined in load/dialect.ts, where it is detected). */
export type { Dialect };

export interface IrModel {
  /**
   * The schema's name, which names the package, its client and its modules' headers: a JSON
   * Schema's root type; an OpenAPI document's API (its title, or the name it was given), which is
   * no type (see `rootType`).
   */
  rootName: string;
  /**
   * The root type's name (`rootName`, also `types[0].name`); absent for an OpenAPI document, which
   * is no schema: its components, bodies, responses and parameters are the types, its operations
   * the client, and nothing stands for the document itself (no `X = unknown` that accepts anything).
   */
  rootType?: string;
  /** The root type first (if any), then `$defs` in document order, then other referenced schemas in discovery order. */
  types: IrNamedType[];
  source: {
    /** The schema file as the user named it, when it came from a file. */
    file?: string;
    /** sha256 of the canonical JSON of every document read, hex. */
    hash: string;
    dialect: Dialect;
  };
  /** Non-fatal findings (a name collision resolved with a suffix, ...), one line each. */
  warnings: string[];
  /**
   * The package's schemas, one per schema given to generate(), in order (`roots[0].name` is
   * `rootName`, `roots[0].type` is `rootType`). Set by generate(); a package of several schemas has several (see ir/merge-models.ts).
   */
  roots?: IrRoot[];
  /** Set for an OpenAPI document: its operations, security schemes, and the type each schema site became. */
  api?: IrApi;
}

/** An OpenAPI document's operations beside its types (see load/openapi/operation-model.ts). */
export interface IrApi {
  operations: IrOperation[];
  /** The requests the API sends (3.1 `webhooks`, operations' `callbacks`): their schemas are named types, no client function calls them. */
  webhooks: IrOperation[];
  securitySchemes: IrSecurityScheme[];
  /** The document's servers: the client's default base URL is the first (an operation's own servers are its IrOperation.servers). */
  servers: IrServer[];
  /**
   * The named type of each schema site (apiSiteKey): a body's or response's schema, a parameter's,
   * and each operation's parameter objects (`<Stem>Params<Location>`, after the naming stage).
   */
  siteTypes: Readonly<Record<string, string>>;
}

/**
 * The key of a schema site in `IrApi.siteTypes`: "#/paths/~1pets/get/..." in the document,
 * "<uri>#/get/..." in another file it references (a path item's, a response's), and
 * "parameters#/$defs/<Name>" for a parameter object. `document`: "", the file's URI, or "parameters".
 */
export function apiSiteKey(document: string, pointer: string): string {
  return `${document}#${pointer}`;
}

/**
 * The type a site of the operation model became, by its pointer there (IrParameter.schemaPointer,
 * a media type's or a header's): "#/paths/..." in the document, or "<uri>#/..." in another file (a
 * path item's or a response's own file). Read without the file's URI, every body, response and
 * parameter written in another file was `unknown` and unchecked.
 */
export function siteTypeAt(api: IrApi, pointer: string): string | undefined {
  const at = placeOfPointer(pointer);
  return api.siteTypes[apiSiteKey(at.document ?? "", at.pointer)];
}

/**
 * The named type of an object the reader put together in the parameters document (an operation's
 * parameters of one location, a response's headers), by the name it was given there.
 */
export function builtObjectType(api: IrApi, name: string | undefined): string | undefined {
  return name === undefined ? undefined : api.siteTypes[apiSiteKey("parameters", `/$defs/${escapePointerToken(name)}`)];
}

/** One schema of the package: its name and its root type (none for an OpenAPI document; see IrModel.rootType). */
export interface IrRoot {
  name: string;
  /** The root type's name (`name`, after merging); absent for an OpenAPI document. */
  type?: string;
  /** The schema file as the user named it. */
  file?: string;
  /** sha256 of that schema's documents. */
  hash: string;
}

/** The root types of the package's schemas, in order: none for an OpenAPI document (IrModel.rootType). */
export function rootTypes(model: IrModel): string[] {
  if (!model.roots) return model.rootType === undefined ? [] : [model.rootType];
  return model.roots.flatMap((r) => (r.type === undefined ? [] : [r.type]));
}

export function isNode(schema: IrSchema): schema is IrNode {
  return typeof schema === "object";
}

/** The referenced type's name when the node is nothing but a `$ref` (annotations aside). */
export function onlyRef(schema: IrSchema): string | undefined {
  if (!isNode(schema) || !schema.ref) return undefined;
  for (const key of Object.keys(schema)) {
    if (key !== "ref" && key !== "schemaPath" && key !== "annotations") return undefined;
  }
  return schema.ref;
}

export function findType(model: IrModel, name: string): IrNamedType {
  const found = model.types.find((t) => t.name === name);
  if (!found) throw new Error(`internal: no named type ${name}`);
  return found;
}
