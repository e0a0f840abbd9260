/**
 * Discriminators through `allOf` inheritance (the specification's Pet/Cat/Dog example): a component
 * schema with a `discriminator` and no `oneOf`/`anyOf`, which other components extend with
 * `allOf: [{ $ref: Pet }, {...}]`. Where `Pet` is used, the value is one of its children, picked by
 * the tag; where a child extends it, only Pet's own constraints apply. So the document is read as:
 *
 * - `PetBase`: Pet as written, without its `discriminator` (a free name: `PetBase2`, ... when taken);
 * - `Pet`: `{ oneOf: [Cat, Dog], discriminator: { propertyName, mapping } }`, its branches those
 *   readDiscriminator finds (the mapping's targets, then each component that extends Pet by its
 *   name), Pet's `description` kept; a mapping to Pet itself picks PetBase;
 * - every `allOf` entry `{ $ref: "#/components/schemas/Pet" }` in the document points to PetBase.
 *
 * Then the oneOf discriminator does the rest, as for any other (emit/keywords/discriminator.ts):
 * a union narrowed by the tag, a guard that checks the one branch the tag picks, and one error for
 * an unknown tag. Without a child (no mapping, no component extending it) Pet stays as written.
 * The input is not changed: the document is copied when there is something to rewrite.
 *
 * A union that its own branches extend (swagger-core's and springdoc's output for a Jackson
 * `@JsonSubTypes` hierarchy with `@Schema(oneOf = ...)`, or a sealed class: `Shape: { properties,
 * oneOf: [Circle, Square], discriminator }`, `Circle: { allOf: [{ $ref: Shape }, {...}] }`) is read
 * the same way: Shape stays as written, `ShapeBase` is Shape without its `oneOf`/`anyOf` and
 * `discriminator`, and the branches' `allOf` entries point to ShapeBase. As written, validating a
 * Circle validates a Shape, which validates a Circle, ... and the document was refused ("reference
 * cycle ... never descends into the value"); other `allOf` references to Shape keep their meaning.
 */
import { escapePointerToken, isJsonObject, type JsonObject } from "../keywords";
import { componentSchemaName } from "./names";
import { readDiscriminator } from "./discriminator";
import { setOwn } from "../../own-property";

const componentRef = (name: string): string => `#/components/schemas/${escapePointerToken(name)}`;

/** The components each rewritten document gained, by name, with the component each was made from ("PetBase" → "Pet"). */
const madeBases = new WeakMap<JsonObject, ReadonlyMap<string, string>>();

/** The bases splitAllOfDiscriminators made in `document` ("PetBase" → "Pet"): a message about a base names its source's place. */
export function basesMadeIn(document: JsonObject): ReadonlyMap<string, string> {
  return madeBases.get(document) ?? new Map();
}

export function splitAllOfDiscriminators(document: JsonObject): JsonObject {
  const schemasOf = (doc: JsonObject): JsonObject | undefined => (isJsonObject(doc.components) && isJsonObject(doc.components.schemas) ? doc.components.schemas : undefined);
  const isBase = (schema: unknown): schema is JsonObject => isJsonObject(schema) && isJsonObject(schema.discriminator) && schema.oneOf === undefined && schema.anyOf === undefined;
  const found = schemasOf(document);
  if (!found) return document;
  const extending = unionsExtendedByBranches(found);
  if (!Object.values(found).some(isBase) && extending.size === 0) return document;
  const copy = structuredClone(document) as JsonObject;
  const components = schemasOf(copy)!;
  const bases = new Map<string, string>(); // "#/components/schemas/Pet" → "#/components/schemas/PetBase"
  const taken = new Set(Object.keys(components));
  const ordered: JsonObject = {};
  // A union its branches extend: its base's name first, then the branches' `allOf` entries moved to
  // it, then the base made from the union (its own `allOf` already moved, for a union inside a union).
  const unionBases = new Map<string, string>(); // "Shape" → "ShapeBase"
  for (const name of extending.keys()) {
    let baseName = `${name}Base`;
    for (let n = 2; taken.has(baseName); n++) baseName = `${name}Base${n}`;
    taken.add(baseName);
    unionBases.set(name, baseName);
  }
  for (const [name, extenders] of extending) {
    const ref = componentRef(name);
    const baseRef = componentRef(unionBases.get(name)!);
    for (const extender of extenders) {
      const schema = components[extender] as JsonObject;
      schema.allOf = (schema.allOf as unknown[]).map((entry) => (isJsonObject(entry) && entry.$ref === ref ? { ...entry, $ref: baseRef } : entry));
    }
  }
  for (const [name, schema] of Object.entries(components)) {
    const unionBase = unionBases.get(name);
    if (unionBase !== undefined) {
      const { discriminator: _d, oneOf: _o, anyOf: _a, ...base } = schema as JsonObject;
      setOwn(ordered, name, schema);
      setOwn(ordered, unionBase, base);
      continue;
    }
    const table = isBase(schema) ? readDiscriminator(schema, componentRef(name), copy) : undefined;
    if (!table || table.branches.length === 0) {
      setOwn(ordered, name, schema);
      continue;
    }
    let baseName = `${name}Base`;
    for (let n = 2; taken.has(baseName); n++) baseName = `${name}Base${n}`;
    taken.add(baseName);
    const ref = componentRef(name);
    const baseRef = componentRef(baseName);
    bases.set(ref, baseRef);
    const { discriminator, ...base } = schema as JsonObject;
    const target = (branch: string): string => (branch === ref ? baseRef : branch);
    setOwn(ordered, name, {
      ...(typeof base.description === "string" && { description: base.description }),
      oneOf: [...new Set(table.branches.map((b) => target(b.ref)))].map(($ref) => ({ $ref })),
      discriminator: { ...(discriminator as JsonObject), mapping: Object.fromEntries(table.branches.map((b) => [String(b.tag), target(b.ref)])) },
    });
    // The base right after the union, so the document's order (and the types') stays readable.
    setOwn(ordered, baseName, base);
  }
  if (bases.size === 0 && unionBases.size === 0) return document;
  (copy.components as JsonObject).schemas = ordered;
  pointAllOfAtBases(copy, bases);
  const made = new Map<string, string>([...unionBases].map(([name, base]) => [base, name]));
  for (const [ref, baseRef] of bases) made.set(componentSchemaName(baseRef)!, componentSchemaName(ref)!);
  madeBases.set(copy, made);
  return copy;
}

/**
 * Component unions with a `discriminator` and `oneOf`/`anyOf`, each with the components whose own
 * `allOf` references it back and that one of its branches is or extends (through `allOf`, an
 * abstract class between a sealed parent and its subtypes): the cycle that swagger-core writes for
 * a subtype hierarchy.
 */
function unionsExtendedByBranches(components: JsonObject): Map<string, string[]> {
  const componentOf = (ref: unknown): [string, JsonObject] | undefined => {
    const name = typeof ref === "string" ? componentSchemaName(ref) : undefined;
    const schema = name !== undefined && Object.prototype.hasOwnProperty.call(components, name) ? components[name] : undefined;
    return isJsonObject(schema) ? [name!, schema] : undefined;
  };
  const found = new Map<string, string[]>();
  for (const [name, schema] of Object.entries(components)) {
    if (!isJsonObject(schema) || !isJsonObject(schema.discriminator)) continue;
    const ref = componentRef(name);
    const extenders = new Set<string>();
    // The branches, then what they extend, breadth first (each component once).
    const pending = [schema.oneOf, schema.anyOf].filter(Array.isArray).flat().filter(isJsonObject).map((s) => s.$ref);
    const seen = new Set<string>([name]);
    for (let next = 0; next < pending.length; next++) {
      const component = componentOf(pending[next]);
      if (!component || seen.has(component[0])) continue;
      const [branchName, branch] = component;
      seen.add(branchName);
      if (!Array.isArray(branch.allOf)) continue;
      const parents = branch.allOf.filter(isJsonObject).map((e) => e.$ref);
      if (parents.includes(ref)) extenders.add(branchName);
      pending.push(...parents);
    }
    if (extenders.size > 0) found.set(name, [...extenders]);
  }
  return found;
}

/** Every `allOf` entry that references a base's union now references the base itself (examples aside). */
function pointAllOfAtBases(root: JsonObject, bases: ReadonlyMap<string, string>): void {
  const pending: unknown[] = [root];
  const seen = new Set<object>();
  for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      pending.push(...value);
      continue;
    }
    const object = value as JsonObject;
    if (Array.isArray(object.allOf)) {
      object.allOf = object.allOf.map((entry) => (isJsonObject(entry) && typeof entry.$ref === "string" && bases.has(entry.$ref) ? { ...entry, $ref: bases.get(entry.$ref)! } : entry));
    }
    for (const [key, child] of Object.entries(object)) if (key !== "example" && key !== "examples" && key !== "const" && key !== "enum" && key !== "default") pending.push(child);
  }
}
