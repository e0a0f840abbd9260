import type { Dialect } from "./model";

/**
 * Keywords that a dialect does not define: JSON Schema ignores unknown keywords, so in that dialect
 * they are annotations, not assertions (`unevaluatedProperties` in a draft-07 schema does nothing).
 */
const IGNORED: Record<Dialect, readonly string[]> = {
  "2020-12": ["additionalItems", "dependencies", "$recursiveRef", "$recursiveAnchor"],
  "2019-09": ["prefixItems", "$dynamicRef", "$dynamicAnchor", "dependencies"],
  "draft-07": ["prefixItems", "unevaluatedItems", "unevaluatedProperties", "dependentRequired", "dependentSchemas", "minContains", "maxContains", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "deprecated"],
  "draft-06": ["prefixItems", "unevaluatedItems", "unevaluatedProperties", "dependentRequired", "dependentSchemas", "minContains", "maxContains", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "if", "then", "else", "deprecated"],
  "draft-04": ["prefixItems", "unevaluatedItems", "unevaluatedProperties", "dependentRequired", "dependentSchemas", "minContains", "maxContains", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "if", "then", "else", "const", "contains", "propertyNames", "deprecated"],
};

const IGNORED_SETS = new Map<Dialect, ReadonlySet<string>>(Object.entries(IGNORED).map(([d, k]) => [d as Dialect, new Set(k)]));

export function keywordsIgnoredIn(dialect: Dialect): ReadonlySet<string> {
  return IGNORED_SETS.get(dialect)!;
}
