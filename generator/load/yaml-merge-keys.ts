/**
 * YAML merge keys (`<<: *defaults`, `<<: [*a, *b]`) applied to a parsed YAML document. They are a
 * YAML 1.1 type that YAML 1.2's core schema, which json-schema-ref-parser parses with, leaves out:
 * there `<<` is a key like any other, and the OpenAPI schema refused the document ("must NOT have
 * additional property \"<<\""). Hand-written OpenAPI documents use them to share a schema's
 * properties or a response's headers, and the tools they are written against read them (js-yaml's
 * default schema, which openapi-typescript and Swagger UI parse with).
 *
 * As YAML 1.1 defines them: the mapping's own keys win, then the merged mappings in order (the
 * first that has a key gives it); the merged keys take the place of `<<`. A `<<` whose value is
 * not a mapping or a list of mappings is left as it is (and refused where the schema has no such
 * key, with its pointer).
 */
import { setOwn } from "../own-property";

const MERGE = "<<";

/** `root` with every merge key applied, in place (a mapping an alias shares is merged once). */
export function applyMergeKeys<T>(root: T): T {
  const done = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null || done.has(value)) return;
    done.add(value);
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    const mapping = value as Record<string, unknown>;
    const sources = Object.prototype.hasOwnProperty.call(mapping, MERGE) ? mergedMappings(mapping[MERGE]) : undefined;
    if (sources !== undefined) {
      // The merged mappings' own merge keys first: what they give is what they hold once merged.
      sources.forEach(visit);
      const entries = Object.entries(mapping);
      const own = new Set(entries.map(([key]) => key).filter((key) => key !== MERGE));
      const merged: [string, unknown][] = [];
      const taken = new Set<string>();
      for (const [key, item] of entries) {
        if (key !== MERGE) {
          merged.push([key, item]);
          continue;
        }
        for (const source of sources) {
          for (const [from, given] of Object.entries(source)) {
            if (own.has(from) || taken.has(from)) continue;
            taken.add(from);
            merged.push([from, given]);
          }
        }
      }
      for (const key of Object.keys(mapping)) delete mapping[key];
      for (const [key, item] of merged) setOwn(mapping, key, item);
    }
    for (const key of Object.keys(mapping)) visit(mapping[key]);
  };
  visit(root);
  return root;
}

/** The mappings a merge key's value names: one mapping, or a list of them; undefined for anything else. */
function mergedMappings(value: unknown): Record<string, unknown>[] | undefined {
  const isMapping = (item: unknown): item is Record<string, unknown> => typeof item === "object" && item !== null && !Array.isArray(item);
  if (isMapping(value)) return [value];
  if (Array.isArray(value) && value.length > 0 && value.every(isMapping)) return value;
  return undefined;
}
