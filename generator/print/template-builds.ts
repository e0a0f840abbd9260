/**
 * The templates' `.d.ts` and JavaScript, built once when the generator is built (`npm run build`
 * runs scripts/build-templates.ts after tsc) instead of on every generation: templates are part of
 * the tool, not of the schema, and building them was a good share of a cold `generate`. Each entry
 * carries the sha256 of the template text it was built from, so an edited template (or a generator
 * run from its TypeScript sources, with no table) is simply built again.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { PRINT_DIR } from "../paths";
import type { Scripts } from "./scripts";

/** Where the build puts the table: next to this module in dist/. */
export const TEMPLATE_BUILDS_FILE = path.join(PRINT_DIR, "template-builds.json");

/** A template's declarations and its JavaScript without the generated header (see withHeaderOf). */
export interface TemplateBuild extends Scripts {
  sha256: string;
  declaration: string;
}

export type TemplateBuilds = Record<string, TemplateBuild>;

let table: TemplateBuilds | null | undefined;

/** What the build made of a template ("runtime/formats.ts") from exactly this text, if it did. */
export function prebuiltTemplate(templatePath: string, text: string): TemplateBuild | undefined {
  if (table === undefined) {
    try {
      table = JSON.parse(readFileSync(TEMPLATE_BUILDS_FILE, "utf8")) as TemplateBuilds;
    } catch {
      table = null;
    }
  }
  const entry = table?.[templatePath];
  return entry !== undefined && entry.sha256 === sha256(text) ? entry : undefined;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
