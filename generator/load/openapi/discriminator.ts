/**
 * The tag → branch table of a Schema Object with a `discriminator`: what the narrowed union type
 * and its guard (which checks one branch, and names the tags for an unknown one) are built from.
 *
 * The branches, in this order (OpenAPI 3.0/3.1 "Discriminator Object"):
 * 1. each `mapping` entry: tag → its target, the name of a component schema when there is one by
 *    that name ("Dog" = #/components/schemas/Dog), else a reference;
 * 2. implicit: each `oneOf`/`anyOf` reference to a component schema not targeted by the mapping, with
 *    the component's name as its tag;
 * 3. without `oneOf`/`anyOf` (inheritance through `allOf`, the specification's Pet/Cat/Dog example):
 *    each component schema whose `allOf` references this one, by its name, unless the mapping targets it.
 * A tag that the mapping already has is not added again. In 2 and 3, a component's
 * `x-ms-discriminator-value` (AutoRest's extension, which Azure's documents use instead of a mapping:
 * AzureCliScript is tagged "AzureCLI", as its `kind` enum says) is its tag in place of its name;
 * so is the one value the component pins the property to (`enum: [CAT]` or `const: CAT`, in its
 * `properties` or an inline `allOf` member's): under its name, "Cat", no value passes the branch
 * (openapi-examples-validator's requestbody-inheritance documents, npm: no Pet could be sent).
 * A tag is a string but where the branch pins the property to a number or a boolean: then it is that
 * value, also for a mapping key that spells it. Microsoft.AspNetCore.OpenApi (.NET 9) writes
 * System.Text.Json's integer type discriminators as `mapping: {"1": VehicleCar}` with `$type: {enum: [1]}`
 * in VehicleCar: read as the string "1", no car could be sent or answered. (pydantic spells a
 * boolean's key as Python does, "True".)
 */
import { escapePointerToken, isJsonObject, type JsonObject } from "../keywords";
import { componentSchemaName } from "./names";
import { canonicalJson } from "../canonical-json";

/** The value of a discriminating property: a string, or the number or boolean a branch pins it to. */
export type DiscriminatorTag = string | number | boolean;

export interface DiscriminatorBranch {
  /** The value of the discriminating property. */
  tag: DiscriminatorTag;
  /** The branch's schema: "#/components/schemas/Dog" (or a reference to another file, as written). */
  ref: string;
  /** An inline alternative of the `oneOf`/`anyOf` (its pointer under the schema's): no reference to write elsewhere. */
  inline?: true;
}

export interface Discriminator {
  propertyName: string;
  branches: DiscriminatorBranch[];
}

/** `schema` is at `pointer` in `document` (used to find the `allOf` children of a base schema). */
export function readDiscriminator(schema: JsonObject, pointer: string, document: JsonObject): Discriminator | undefined {
  const discriminator = schema.discriminator;
  if (!isJsonObject(discriminator) || typeof discriminator.propertyName !== "string") return undefined;
  const branches: DiscriminatorBranch[] = [];
  const add = (tag: DiscriminatorTag, ref: string) => {
    if (!branches.some((b) => b.tag === tag)) branches.push({ tag, ref });
  };
  const components = componentSchemas(document);
  const mapping = isJsonObject(discriminator.mapping) ? discriminator.mapping : {};
  for (const [key, target] of Object.entries(mapping)) {
    if (typeof target !== "string") continue;
    const ref = Object.prototype.hasOwnProperty.call(components, target) ? componentRef(target) : target;
    const name = componentSchemaName(ref);
    const pinned = name === undefined ? undefined : pinnedValue(components[name], discriminator.propertyName);
    // (pydantic writes a boolean tag's key as Python spells it: "True".)
    const spells = pinned !== undefined && typeof pinned !== "string" && (String(pinned) === key || (typeof pinned === "boolean" && String(pinned) === key.toLowerCase()));
    add(spells ? pinned : key, ref);
  }
  const mapped = new Set(branches.map((b) => b.ref));
  const keyword = Array.isArray(schema.oneOf) ? "oneOf" : Array.isArray(schema.anyOf) ? "anyOf" : undefined;
  const alternatives = keyword === undefined ? undefined : (schema[keyword] as unknown[]);
  // An inline alternative (not a `$ref`) has no name to be tagged by: it is a branch where the
  // mapping names it by value (pydantic's mapping of a nested union, `mapping: {cat: {oneOf: [...]}}`,
  // as FastAPI writes it: a mapping value must be a string, but the union is one of the `oneOf`'s
  // alternatives), or where it pins the property itself. One that is neither would be refused by the
  // tag's check though its `oneOf` accepts it (FastAPI's `pet: Cat | Dog` with Cat a union of two
  // cats: every cat): the discriminator is then no use, and the schema is checked as written.
  for (const [index, alternative] of (alternatives ?? []).entries()) {
    // (One that is no object, `{type: "null"}` beside the branches, is not the tag's to pick: the tag is read on objects only.)
    if (!isJsonObject(alternative) || typeof alternative.$ref === "string" || !admitsObjects(alternative)) continue;
    const ref = `${pointer}/${keyword}/${index}`;
    // (Compared as canonical JSON: a mapping value written as a copy of the alternative, its keys in any order.)
    const written = canonicalJson(alternative);
    const named = Object.entries(mapping).find(([, target]) => isJsonObject(target) && canonicalJson(target) === written);
    const pinned = named === undefined ? pinnedValue(alternative, discriminator.propertyName) : undefined;
    if (named === undefined && pinned === undefined) return undefined;
    // (Two alternatives with one tag: it could pick only one of them, and refuse the other's values.)
    const tag = named?.[0] ?? pinned!;
    if (branches.some((b) => b.tag === tag)) return undefined;
    branches.push({ tag, ref, inline: true });
    mapped.add(ref);
  }
  const candidates = alternatives ? referencesIn(alternatives) : allOfChildren(pointer, components);
  for (const ref of candidates) {
    const name = componentSchemaName(ref);
    if (name === undefined || mapped.has(ref)) continue;
    const component = components[name];
    const declared = isJsonObject(component) ? component["x-ms-discriminator-value"] : undefined;
    add(typeof declared === "string" ? declared : (pinnedValue(component, discriminator.propertyName) ?? name), ref);
  }
  return { propertyName: discriminator.propertyName, branches };
}

/** The one string, number or boolean a component allows for `property`, by `const` or a one-value `enum`, where it says so itself. */
function pinnedValue(component: unknown, property: string): DiscriminatorTag | undefined {
  if (!isJsonObject(component)) return undefined;
  const places = [component, ...(Array.isArray(component.allOf) ? component.allOf.filter((s) => isJsonObject(s) && s.$ref === undefined) : [])] as JsonObject[];
  for (const place of places) {
    const schema = isJsonObject(place.properties) ? place.properties[property] : undefined;
    if (!isJsonObject(schema)) continue;
    const values = "const" in schema ? [schema.const] : Array.isArray(schema.enum) && schema.enum.length === 1 ? schema.enum : [];
    if (typeof values[0] === "string" || typeof values[0] === "number" || typeof values[0] === "boolean") return values[0];
  }
  return undefined;
}

/** Whether a schema's own `type` lets an object through (no `type`: it does). */
function admitsObjects(schema: JsonObject): boolean {
  return typeof schema.type === "string" ? schema.type === "object" : Array.isArray(schema.type) ? schema.type.includes("object") : true;
}

function referencesIn(schemas: unknown[]): string[] {
  return schemas.filter(isJsonObject).flatMap((s) => (typeof s.$ref === "string" ? [s.$ref] : []));
}

/** Component schemas whose `allOf` references the schema at `pointer`, in document order. */
function allOfChildren(pointer: string, components: JsonObject): string[] {
  return Object.entries(components)
    .filter(([, child]) => isJsonObject(child) && Array.isArray(child.allOf) && referencesIn(child.allOf).includes(pointer))
    .map(([name]) => componentRef(name));
}

function componentSchemas(document: JsonObject): JsonObject {
  return isJsonObject(document.components) && isJsonObject(document.components.schemas) ? document.components.schemas : {};
}

const componentRef = (name: string): string => `#/components/schemas/${escapePointerToken(name)}`;
