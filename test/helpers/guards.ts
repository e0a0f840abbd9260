import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { generate, type GenerateOptions } from "../../generator/index";
import { loadGenerated } from "../../generator/run-generated";
import { rfcNarrowedFormats } from "./rfc-formats";

export type Guards = Record<string, (value: unknown) => any>;

/** Generates types + guards for a schema in memory (no prettier, no dist) and loads guards.ts. */
export async function guardsFor(schema: object | string, options: Partial<GenerateOptions> = {}): Promise<Guards> {
  const { files } = await generate({ schema, emit: ["guards"], build: false, format: false, ...options });
  return loadGenerated(files) as Guards;
}

/**
 * ajv the way the issue compares against: draft 2020-12, formats from ajv-formats (narrowed to
 * the RFCs where ajv-formats is looser than the guards: test/helpers/rfc-formats.ts), all errors.
 */
export function ajvFor(schema: object, allErrors = false) {
  const ajv = new Ajv2020({ allErrors, strict: false, logger: false });
  addFormats(ajv);
  for (const [name, check] of rfcNarrowedFormats()) ajv.addFormat(name, check);
  return ajv.compile(schema);
}
