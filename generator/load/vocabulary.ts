/**
 * Custom meta-schemas and `$vocabulary`. A schema whose `$schema` is not one of the standard
 * dialects names a meta-schema document; that document's own `$schema` gives the dialect, and its
 * `$vocabulary` says which of the dialect's vocabularies apply. The keywords of a vocabulary left
 * out are unknown keywords there (annotations, no assertion); an unknown vocabulary marked
 * optional (`false`) is ignored; an unknown required one (`true`) stops generation, since its
 * keywords would be silently ignored otherwise.
 */
import type { Dialect } from "./dialect";
import { CodegenError } from "../errors";
import { isJsonObject } from "./keywords";

/** What a custom meta-schema means for the documents that name it in `$schema`. */
export interface MetaSchemaRules {
  dialect: Dialect;
  /** Keywords of the dialect whose vocabulary the meta-schema does not include. */
  ignored: ReadonlySet<string>;
}

const APPLICATOR_2020 = ["prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties", "dependentSchemas", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not"];
const VALIDATION = ["type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required", "dependentRequired"];
const UNEVALUATED = ["unevaluatedItems", "unevaluatedProperties"];

/**
 * The standard vocabularies by URI → the assertion/applicator keywords they define. Meta-data and
 * content keywords only annotate, so including them or not changes no guard.
 */
const VOCABULARIES: Partial<Record<Dialect, Record<string, readonly string[]>>> = {
  "2020-12": {
    "https://json-schema.org/draft/2020-12/vocab/core": [],
    "https://json-schema.org/draft/2020-12/vocab/applicator": APPLICATOR_2020,
    "https://json-schema.org/draft/2020-12/vocab/unevaluated": UNEVALUATED,
    "https://json-schema.org/draft/2020-12/vocab/validation": VALIDATION,
    "https://json-schema.org/draft/2020-12/vocab/meta-data": [],
    "https://json-schema.org/draft/2020-12/vocab/format-annotation": ["format"],
    "https://json-schema.org/draft/2020-12/vocab/format-assertion": ["format"],
    "https://json-schema.org/draft/2020-12/vocab/content": [],
  },
  "2019-09": {
    "https://json-schema.org/draft/2019-09/vocab/core": [],
    "https://json-schema.org/draft/2019-09/vocab/applicator": [...APPLICATOR_2020.filter((k) => k !== "prefixItems"), "additionalItems", ...UNEVALUATED],
    "https://json-schema.org/draft/2019-09/vocab/validation": VALIDATION,
    "https://json-schema.org/draft/2019-09/vocab/meta-data": [],
    "https://json-schema.org/draft/2019-09/vocab/format": ["format"],
    "https://json-schema.org/draft/2019-09/vocab/content": [],
  },
};

/**
 * The rules a custom meta-schema sets, from its `$vocabulary`. `dialect` is the dialect the
 * meta-schema itself is written in; `where` names it in errors.
 */
export function metaSchemaRules(metaSchema: unknown, dialect: Dialect, where: { file: string; pointer: string }): MetaSchemaRules {
  const declared = isJsonObject(metaSchema) ? metaSchema.$vocabulary : undefined;
  const known = VOCABULARIES[dialect];
  // No `$vocabulary` (or a dialect without vocabularies): the meta-schema's own dialect, all of it.
  if (declared === undefined || known === undefined) return { dialect, ignored: new Set() };
  if (!isJsonObject(declared)) throw new CodegenError("invalidSchema", `"$vocabulary" must be an object`, { ...where, pointer: `${where.pointer}/$vocabulary` });
  const active = new Set<string>();
  for (const [uri, required] of Object.entries(declared)) {
    if (typeof required !== "boolean") {
      throw new CodegenError("invalidSchema", `"$vocabulary" values must be booleans`, { ...where, pointer: `${where.pointer}/$vocabulary` });
    }
    if (known[uri] !== undefined) active.add(uri);
    else if (required) {
      throw new CodegenError(
        "unsupportedKeyword",
        `unsupported vocabulary "${uri}": the meta-schema requires it ("${uri}": true) and the generator does not know its keywords`,
        { ...where, pointer: `${where.pointer}/$vocabulary` },
      );
    }
  }
  const ignored = new Set<string>();
  for (const [uri, keywords] of Object.entries(known)) if (!active.has(uri)) keywords.forEach((k) => ignored.add(k));
  // `format` belongs to two vocabularies (annotation and assertion): either one keeps it.
  for (const uri of active) for (const keyword of known[uri]!) ignored.delete(keyword);
  return { dialect, ignored };
}
