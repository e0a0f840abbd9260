/**
 * An OpenAPI 3.0 document with every Schema Object rewritten to JSON Schema 2020-12
 * (schema-object-30.ts), so that the rest of the pipeline reads 3.0 and 3.1 documents alike. Only
 * schemas change: an `example` of a Media Type or Parameter stays as it is, Reference Objects are
 * left alone. Pure: the objects on the way to a schema are copied, the input is never touched.
 * Iterative: callbacks nest path items in operations in path items, as deep as the author likes.
 */
import { HTTP_METHODS } from "./operation-model";
import { isJsonObject, type JsonObject } from "../keywords";
import { fromSchemaObject30 } from "./schema-object-30";
import { setOwn } from "../../own-property";

type Kind = "schema" | "pathItem" | "operation" | "parameter" | "header" | "mediaType" | "encoding" | "requestBody" | "response" | "callback";
type Container = JsonObject | unknown[];

/** What each kind of object holds: field → the kind of its value, or of each entry (`each`) of a map or list. */
const CHILDREN: Record<Exclude<Kind, "schema">, [field: string, kind: Kind, each: boolean][]> = {
  pathItem: [["parameters", "parameter", true], ...HTTP_METHODS.map((m): [string, Kind, boolean] => [m, "operation", false])],
  operation: [["parameters", "parameter", true], ["requestBody", "requestBody", false], ["responses", "response", true], ["callbacks", "callback", true]],
  parameter: [["schema", "schema", false], ["content", "mediaType", true]],
  header: [["schema", "schema", false], ["content", "mediaType", true]],
  mediaType: [["schema", "schema", false], ["encoding", "encoding", true]],
  encoding: [["headers", "header", true]],
  requestBody: [["content", "mediaType", true]],
  response: [["headers", "header", true], ["content", "mediaType", true]],
  callback: [], // every entry is a path item: see below
};

const COMPONENTS: [field: string, kind: Kind][] = [
  ["schemas", "schema"], ["parameters", "parameter"], ["headers", "header"], ["requestBodies", "requestBody"], ["responses", "response"], ["callbacks", "callback"],
];

/** The 3.0 document with its Schema Objects in JSON Schema 2020-12. */
export function fromDocument30(document: JsonObject): JsonObject {
  const converted = new Map<object, JsonObject>();
  const out: JsonObject = { ...document };
  const pending: [holder: Container, key: string, kind: Kind][] = [];
  const eachOf = (holder: JsonObject, field: string, kind: Kind) => {
    const value = holder[field];
    if (!isJsonObject(value) && !Array.isArray(value)) return;
    const copy: Container = Array.isArray(value) ? [...value] : { ...value };
    holder[field] = copy;
    for (const key of Object.keys(copy)) pending.push([copy, key, kind]);
  };

  eachOf(out, "paths", "pathItem");
  if (isJsonObject(out.components)) {
    const components: JsonObject = { ...out.components };
    out.components = components;
    for (const [field, kind] of COMPONENTS) eachOf(components, field, kind);
  }
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [holder, key, kind] = next;
    const slot = holder as Record<string, unknown>;
    const value = slot[key];
    if (!isJsonObject(value)) continue;
    if (kind === "schema") {
      setOwn(slot, key, fromSchemaObject30(value, converted));
      continue;
    }
    if (typeof value.$ref === "string") continue; // a Reference Object: its target is converted where it is
    const copy: JsonObject = { ...value };
    setOwn(slot, key, copy);
    if (kind === "callback") {
      for (const expression of Object.keys(copy)) if (!expression.startsWith("x-")) pending.push([copy, expression, "pathItem"]);
      continue;
    }
    for (const [field, childKind, each] of CHILDREN[kind]) {
      if (each) eachOf(copy, field, childKind);
      else if (field in copy) pending.push([copy, field, childKind]);
    }
  }
  return out;
}

/** Keywords only a Schema Object has among the objects of an OpenAPI 3.0 document (`required` counts as a list). */
const SCHEMA_KEYWORDS = ["type", "properties", "items", "allOf", "anyOf", "oneOf", "not", "additionalProperties", "nullable", "enum", "format", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "multipleOf", "discriminator"];
/** Values that are data, not objects of the document: never converted nor walked into. */
const DATA_FIELDS = new Set(["example", "examples", "default", "enum", "const", "value"]);

function isSchemaObject30(value: JsonObject): boolean {
  return SCHEMA_KEYWORDS.some((keyword) => keyword in value) || Array.isArray(value.required);
}

/**
 * Another file that a 3.0 document references (a split document's schemas, or its parameters,
 * bodies and responses), with every Schema Object in it rewritten as fromDocument30 rewrites the
 * document's own: a 3.0 document's files speak its dialect (`nullable`, boolean `exclusiveMinimum`).
 * Which objects are schemas is read off each object (a file says nothing of what it holds): one with
 * a schema keyword (`type`, `properties`, `nullable`, ...) is converted with its subschemas; any other
 * (a file of schemas by name, a parameter, a response) is walked into, data (`example`, `default`,
 * ...) and `x-` extensions aside. A file that names its own `$schema` is left as it is. Pure.
 */
export function fromFile30(root: unknown): unknown {
  if (!isJsonObject(root) || typeof root.$schema === "string") return root;
  const converted = new Map<object, JsonObject>();
  if (isSchemaObject30(root)) return fromSchemaObject30(root, converted);
  const out: JsonObject = { ...root };
  const pending: Container[] = [out];
  for (let holder = pending.pop(); holder; holder = pending.pop()) {
    const slot = holder as Record<string, unknown>;
    for (const key of Object.keys(holder)) {
      if (!Array.isArray(holder) && (DATA_FIELDS.has(key) || key.startsWith("x-"))) continue;
      const value = slot[key];
      if (Array.isArray(value)) {
        const copy = [...value];
        setOwn(slot, key, copy);
        pending.push(copy);
      } else if (isJsonObject(value)) {
        if (isSchemaObject30(value)) {
          setOwn(slot, key, fromSchemaObject30(value, converted));
          continue;
        }
        const copy: JsonObject = { ...value };
        setOwn(slot, key, copy);
        pending.push(copy);
      }
    }
  }
  return out;
}
