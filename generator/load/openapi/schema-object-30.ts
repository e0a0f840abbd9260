/**
 * The OpenAPI 3.0 Schema Object (a draft-04/05 dialect of its own) → JSON Schema 2020-12, so that
 * everything after loading reads one dialect. Pure: returns new objects and never touches its input.
 * Iterative (map-schema-graph.ts): schemas may be nested thousands of levels deep. A subschema
 * object met twice (a dereferenced graph, even a cyclic one) is converted once and shared.
 *
 * The rules:
 * - `nullable: true` means "null, or what the rest says". Without `$ref`/`allOf`/`anyOf`/`oneOf`/`not`
 *   it adds "null" to `type` and, when present, to `enum` (no other 3.0 keyword can refuse null);
 *   with one of them the schema becomes `anyOf: [rest, { type: "null" }]`, its annotations on the
 *   outside. This follows what authors mean (`allOf: [$ref]` + `nullable` is the usual way to make a
 *   reference nullable); the letter of 3.0.3 ("only if `type` is in the same Schema Object") would
 *   keep null out of an `enum` that lacks it, and ignore `nullable` beside `$ref` or without `type`.
 * - `$ref`: its siblings are dropped (3.0: "properties adjacent to $ref are ignored"), except
 *   `nullable`, the one sibling honoured, by the wrapping above.
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` + `minimum`/`maximum` → numeric ones; `false` → dropped.
 * - `example` → `examples: [example]`.
 * - kept as they are: `discriminator` (read later by the union emitter), `xml`, `externalDocs`,
 *   `x-*` extensions (2020-12 keeps unknown keywords as annotations), every JSON Schema keyword.
 */
import { isJsonObject, type JsonObject } from "../keywords";
import { mapSchemaGraph } from "./map-schema-graph";

const SINGLE_SCHEMA = new Set(["items", "additionalProperties", "not"]);
const SCHEMA_ARRAY = new Set(["allOf", "anyOf", "oneOf"]);
const APPLICATORS = ["$ref", "allOf", "anyOf", "oneOf", "not"];
/** Keywords that describe rather than constrain: they move outside a nullable wrapper, so names and docs stay. */
const ANNOTATIONS = new Set(["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "externalDocs", "xml"]);

/**
 * Converts one 3.0 Schema Object (and every subschema in it). `converted` maps source objects to
 * their conversions: pass one map for all the schemas of a document to share the work.
 */
export function fromSchemaObject30(schema: unknown, converted: Map<object, JsonObject> = new Map()): unknown {
  return mapSchemaGraph(schema, () => ({}), (source, target, convert) => Object.assign(target, withNullable(source, keywordsOf(source, convert))), converted);
}

/** Every keyword but `nullable`, rewritten; subschemas through `convert` (which queues them). */
function keywordsOf(source: JsonObject, convert: (value: unknown) => unknown): JsonObject {
  if (typeof source.$ref === "string") return { $ref: source.$ref };
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === "nullable") continue;
    if (key === "exclusiveMinimum" || key === "exclusiveMaximum") {
      if (typeof value !== "boolean") out[key] = value;
    } else if (key === "minimum" || key === "maximum") {
      const exclusive = key === "minimum" ? "exclusiveMinimum" : "exclusiveMaximum";
      out[source[exclusive] === true ? exclusive : key] = value;
    } else if (key === "example") {
      out.examples = [...(Array.isArray(source.examples) ? source.examples : []), value];
    } else if (key === "examples" && "example" in source) {
      continue; // merged where `example` is
    } else if (key === "properties" && isJsonObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, convert(child)]));
    } else if (SINGLE_SCHEMA.has(key)) {
      out[key] = convert(value);
    } else if (SCHEMA_ARRAY.has(key) && Array.isArray(value)) {
      out[key] = value.map(convert);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** `nullable: true` applied to the converted keywords (see the rules above). */
function withNullable(source: JsonObject, keywords: JsonObject): JsonObject {
  if (source.nullable !== true) return keywords;
  if (APPLICATORS.some((keyword) => keyword in keywords)) {
    const outer: JsonObject = {};
    const inner: JsonObject = {};
    for (const [key, value] of Object.entries(keywords)) {
      if (ANNOTATIONS.has(key) || key.startsWith("x-")) outer[key] = value;
      else inner[key] = value;
    }
    return { anyOf: [inner, { type: "null" }], ...outer };
  }
  const out = { ...keywords };
  if (typeof out.type === "string") out.type = [out.type, "null"];
  else if (Array.isArray(out.type) && !out.type.includes("null")) out.type = [...out.type, "null"];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}
