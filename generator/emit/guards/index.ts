/**
 * emitGuards: the `guards` artifact. For the root and every named type X: `isX` (fast boolean),
 * `validateX` (every error), `assertX` (throws SchemaValidationError) and `XSchema` (Standard
 * Schema v1), all calling one function `collect$X` (fast without an error list, collecting with one). Keyword checks live in checks/, one file per keyword; all code is built with
 * emit/code.ts, so no text from the schema can become code.
 */
import { code, id, join, type Code } from "../code";
import type { EmitContext, EmittedModule, Emitter } from "../emitter";
import { compileSchema } from "./compile-node";
import { GuardModule } from "./guard-module";
import { Body, Locals, Scope, type Mode } from "./scope";
import type { IrSchema } from "../../ir/model";
import { derivedNames } from "../../ir/naming";

export const guardsEmitter: Emitter = {
  artifact: "guards",
  requires: ["types"],
  templates: ["runtime/validation.ts", "runtime/checks.ts", "runtime/formats.ts", "runtime/evaluated.ts"],
  emit: (context) => [emitGuards(context)],
};

/** Compiles a function body: `schema` checked against the parameter `value` in `mode`. */
function compileBody(module: GuardModule, schema: IrSchema, schemaPath: string, mode: Mode, body: Body): void {
  const scope = new Scope(module, mode, body, new Locals(), code`value`, code`path`, undefined, mode === "eval" ? code`ev` : undefined, compileSchema);
  compileSchema(scope, schema, schemaPath);
}

/** The `guards` module for a model. */
export function emitGuards({ model, options }: EmitContext): EmittedModule {
  const module = new GuardModule(model, options, compileBody);
  const errorType = module.runtime("validation", "ValidationError");
  const resultType = module.runtime("validation", "ValidationResult");
  const schemaType = module.runtime("validation", "StandardSchemaV1");
  const errorClass = module.runtime("validation", "SchemaValidationError");
  const standardSchema = module.runtime("validation", "standardSchema");

  const api: Code[] = [];
  for (const { name } of model.types) {
    const type = id(name);
    // One function checks X: called with the value alone it is the fast path (false at the first
    // failure, nothing allocated); called with a list it collects every error.
    const check = module.named(name, "collect");
    const is = id(derivedNames.is(name));
    const validate = id(derivedNames.validate(name));
    const assert = id(derivedNames.assert(name));
    const standard = id(derivedNames.standardSchema(name));
    api.push(
      code`/** Whether \`value\` is a valid ${type}. The fast path: no allocation when it is. */
export function ${is}(value: unknown): value is ${type} {
  return ${check}(value);
}`,
      code`/** Checks \`value\` against ${type}'s schema and returns it typed, or every error. */
export function ${validate}(value: unknown): ${resultType}<${type}> {
  if (${check}(value)) return { ok: true, value: value as ${type} };
  const errors: ${errorType}[] = [];
  ${check}(value, "", errors);
  return { ok: false, errors };
}`,
      code`/** Throws a SchemaValidationError listing every error unless \`value\` is a valid ${type}. */
export function ${assert}(value: unknown): asserts value is ${type} {
  if (${check}(value)) return;
  const errors: ${errorType}[] = [];
  ${check}(value, "", errors);
  throw new ${errorClass}(${name}, errors);
}`,
      code`/** ${type} as a Standard Schema v1 validator (https://standardschema.dev). */
export const ${standard}: ${schemaType}<${type}> = ${standardSchema}(${validate});`,
    );
  }
  const helpers = [...module.functions.values()];
  const typeImport = code`import type { ${join(model.types.map((t) => id(t.name)), ", ")} } from "./types.js";`;
  // The runtime stays internal; what users need to name (errors, results) is re-exported here.
  const reexports = [
    code`export { SchemaValidationError } from "./runtime/validation.js";`,
    code`export type { StandardSchemaV1, ValidationError, ValidationResult } from "./runtime/validation.js";`,
  ];
  const statements = [...module.preamble(), typeImport, ...reexports, ...api, ...helpers].map((c) => c.text);
  return { path: "guards.ts", summary: "Runtime guards", statements };
}
