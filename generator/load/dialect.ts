import { CodegenError } from "../errors";
import { isJsonObject } from "./keywords";
import type { MetaSchemaRules } from "./vocabulary";

/** The JSON Schema dialects the generator reads; every one lands in the same 2020-12 model. */
export type Dialect = "2020-12" | "2019-09" | "draft-07" | "draft-06" | "draft-04";

const DIALECTS: { pattern: RegExp; dialect: Dialect }[] = [
  { pattern: /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/, dialect: "2020-12" },
  { pattern: /^https?:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/, dialect: "2019-09" },
  { pattern: /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/, dialect: "draft-07" },
  { pattern: /^https?:\/\/json-schema\.org\/draft-06\/schema#?$/, dialect: "draft-06" },
  { pattern: /^https?:\/\/json-schema\.org\/draft-04\/schema#?$/, dialect: "draft-04" },
];

/**
 * `$schema` → dialect; draft 2020-12 when absent. A custom meta-schema counts when the loader has
 * read it (`custom`, by URI without fragment). An unknown meta-schema is an error, not a guess.
 */
export function detectDialect(root: unknown, file: string | undefined, fallback: Dialect = "2020-12", custom?: ReadonlyMap<string, MetaSchemaRules>): Dialect {
  if (!isJsonObject(root) || root.$schema === undefined) return fallback;
  const uri = root.$schema;
  if (typeof uri !== "string") {
    throw new CodegenError("invalidSchema", `"$schema" must be a string`, { file, pointer: "#/$schema" });
  }
  const found = DIALECTS.find((d) => d.pattern.test(uri));
  const rules = found ? undefined : custom?.get(uri.replace(/#.*$/, ""));
  if (rules) return rules.dialect;
  if (!found) {
    throw new CodegenError(
      "unsupportedKeyword",
      `unsupported meta-schema "${uri}" (supported: draft 2020-12, 2019-09, draft-07, draft-06, draft-04)`,
      { file, pointer: "#/$schema" },
    );
  }
  return found.dialect;
}

/** The keyword that sets a base URI: `id` before draft-06. */
export function idKeyword(dialect: Dialect): "$id" | "id" {
  return dialect === "draft-04" ? "id" : "$id";
}

/**
 * The URI of a custom meta-schema the root of a document names in `$schema` (one to read for its
 * `$vocabulary`), or undefined: no `$schema`, a standard dialect, or an older json-schema.org draft
 * (refused by {@link detectDialect}).
 */
export function customMetaSchemaUri(root: unknown): string | undefined {
  if (!isJsonObject(root) || typeof root.$schema !== "string") return undefined;
  const uri = root.$schema;
  if (DIALECTS.some((d) => d.pattern.test(uri)) || /^https?:\/\/json-schema\.org\//.test(uri)) return undefined;
  return uri.replace(/#.*$/, "");
}
