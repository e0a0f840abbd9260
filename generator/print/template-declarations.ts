/**
 * The templates' `.d.ts`, built once when the generator is built (`npm run build` runs
 * scripts/build-template-declarations.ts after tsc) instead of on every generation: templates are
 * part of the tool, not of the schema, and building their declarations was a tenth of a cold
 * `generate`. Each entry carries the sha256 of the template text it was built from, so an edited
 * template (or a generator run from its TypeScript sources, with no table) is simply built again.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** Where the build puts the table: next to this module in dist/. */
export const TEMPLATE_DECLARATIONS_FILE = path.join(__dirname, "template-declarations.json");

export interface TemplateDeclarations {
  [templatePath: string]: { sha256: string; declaration: string };
}

let table: TemplateDeclarations | null | undefined;

/** The prebuilt `.d.ts` of a template ("runtime/formats.ts") for exactly this text, if the build made one. */
export function precompiledDeclaration(templatePath: string, text: string): string | undefined {
  if (table === undefined) {
    try {
      table = JSON.parse(readFileSync(TEMPLATE_DECLARATIONS_FILE, "utf8")) as TemplateDeclarations;
    } catch {
      table = null;
    }
  }
  const entry = table?.[templatePath];
  return entry !== undefined && entry.sha256 === sha256(text) ? entry.declaration : undefined;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
