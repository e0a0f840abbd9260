import type { Dialect } from "../ir/model";
import { CodegenError } from "../errors";
import { isJsonObject } from "./keywords";

const DIALECTS: { pattern: RegExp; dialect: Dialect }[] = [
  { pattern: /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/, dialect: "2020-12" },
  { pattern: /^https?:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/, dialect: "2019-09" },
  { pattern: /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/, dialect: "draft-07" },
  { pattern: /^https?:\/\/json-schema\.org\/draft-06\/schema#?$/, dialect: "draft-06" },
  { pattern: /^https?:\/\/json-schema\.org\/draft-04\/schema#?$/, dialect: "draft-04" },
];

/** `$schema` → dialect; draft 2020-12 when absent. An unknown meta-schema is an error, not a guess. */
export function detectDialect(root: unknown, file: string | undefined, fallback: Dialect = "2020-12"): Dialect {
  if (!isJsonObject(root) || root.$schema === undefined) return fallback;
  const uri = root.$schema;
  if (typeof uri !== "string") {
    throw new CodegenError("invalidSchema", `"$schema" must be a string`, { file, pointer: "#/$schema" });
  }
  const found = DIALECTS.find((d) => d.pattern.test(uri));
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
