/**
 * emitGuards: the `guards` artifact. For the root and every named type X: `isX` (fast boolean),
 * `validateX` (every error), `assertX` (throws SchemaValidationError) and `XSchema` (Standard
 * Schema v1), all calling one function `collect$X` (fast without an error list, collecting with one). Keyword checks live in ../keywords/, one module per keyword family; all code is built with
 * emit/code.ts, so no text from the schema can become code.
 */
import { code, id, join, type Code } from "../code";
import { packageTypesOf, type EmitContext, type EmittedModule, type Emitter } from "../emitter";
import { reexportStatement, runtimeImports } from "../runtime-names";
import { compileSchema } from "./compile-node";
import { GuardModule } from "./guard-module";
import { Body, FUNCTION_PATH, Locals, Scope, type Mode } from "./scope";
import type { IrSchema } from "../../ir/model";
import { guardNames } from "./artifact";

const VALIDATION = "runtime/validation.ts";

/** The runtime names guards.ts re-exports for users (they give way to a schema type of the same name). */
export const GUARDS_RUNTIME_EXPORTS = { values: ["SchemaValidationError"], types: ["StandardSchemaV1", "ValidationError", "ValidationResult"] } as const;

export const guardsEmitter: Emitter = {
  templates: ["runtime/validation.ts", "runtime/checks.ts", "runtime/formats.ts", "runtime/evaluated.ts"],
  emit: (context) => [emitGuards(context)],
};

/** The error of a value whose checks ran out of call stack. */
const STACK_MESSAGE = "is nested too deep to check: the call stack ran out";

/** Compiles a function body: `schema` checked against the parameter `value` in `mode`. */
function compileBody(module: GuardModule, schema: IrSchema, schemaPath: string, mode: Mode, body: Body, dyn?: Code): void {
  const scope = new Scope(module, mode, body, new Locals(), code`value`, FUNCTION_PATH, undefined, mode === "eval" ? code`ev` : undefined, compileSchema, dyn);
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
  // The same exports without bodies: guards.d.ts as it is (see EmittedModule.declarations).
  const signatures: Code[] = [];
  // One function checks X: called with the value alone it is the fast path (false at the first
  // failure, nothing allocated); called with a list it collects every error. All are compiled
  // before the public functions are written, which must know whether there is a depth counter.
  const checks = model.types.map(({ name }) => module.named(name, "collect"));
  module.finish();
  // A check that throws leaves the depth counter of recursive types raised (guard-module.ts).
  const depth = module.depthCounterName;
  const reset = depth ? code`${depth} = 0;
    ` : code``;
  for (const [index, { name }] of model.types.entries()) {
    const type = id(name);
    const check = checks[index]!;
    const is = id(guardNames.is(name));
    const validate = id(guardNames.validate(name));
    const assert = id(guardNames.assert(name));
    const standard = id(guardNames.standardSchema(name));
    const docs = {
      is: code`/** Whether \`value\` is a valid ${type}. The fast path: no allocation when it is. */`,
      validate: code`/** Checks \`value\` against ${type}'s schema and returns it typed, or every error. */`,
      assert: code`/** Throws a SchemaValidationError listing every error unless \`value\` is a valid ${type}. */`,
      standard: code`/** ${type} as a Standard Schema v1 validator (https://standardschema.dev). */`,
    };
    // The call stack is the last depth limit (data or schemas nested deeper than the recursive
    // types' counter foresees, see DATA_DEPTH_LIMIT): running out of it is "invalid, too deep",
    // never a RangeError. A try/catch costs nothing while nothing is thrown.
    api.push(
      code`${docs.is}
export function ${is}(value: unknown): value is ${type} {
  try {
    return ${check}(value);
  } catch (error) {
    ${reset}if (error instanceof RangeError) return false;
    throw error;
  }
}`,
      code`${docs.validate}
export function ${validate}(value: unknown): ${resultType}<${type}> {
  try {
    if (${check}(value)) return { ok: true, value: value as ${type} };
    const errors: ${errorType}[] = [];
    ${check}(value, "", errors);
    return { ok: false, errors };
  } catch (error) {
    ${reset}if (!(error instanceof RangeError)) throw error;
    return { ok: false, errors: [{ path: "", schemaPath: "#", keyword: "maxDepth", message: ${STACK_MESSAGE} }] };
  }
}`,
      code`${docs.assert}
export function ${assert}(value: unknown): asserts value is ${type} {
  const result = ${validate}(value);
  if (!result.ok) throw new ${errorClass}(${name}, result.errors);
}`,
      code`${docs.standard}
export const ${standard}: ${schemaType}<${type}> = /* @__PURE__ */ ${standardSchema}(${validate});`,
    );
    signatures.push(
      code`${docs.is}
export declare function ${is}(value: unknown): value is ${type};`,
      code`${docs.validate}
export declare function ${validate}(value: unknown): ${resultType}<${type}>;`,
      code`${docs.assert}
export declare function ${assert}(value: unknown): asserts value is ${type};`,
      code`${docs.standard}
export declare const ${standard}: ${schemaType}<${type}>;`,
    );
  }
  const helpers = [...module.functions.values()];
  const typeImport = code`import type { ${join(model.types.map((t) => id(t.name)), ", ")} } from "./types.js";`;
  // The runtime stays internal; what users need to name (errors, results) is re-exported here,
  // giving way to a schema type of the same name (emit/runtime-names.ts).
  const packageTypes = packageTypesOf({ model, options });
  const reexports = [
    ...reexportStatement(GUARDS_RUNTIME_EXPORTS.values, VALIDATION, packageTypes, false),
    ...reexportStatement(GUARDS_RUNTIME_EXPORTS.types, VALIDATION, packageTypes, true),
  ].map((c) => c.text);
  const statements = [...module.preamble().map((c) => c.text), typeImport.text, ...reexports, ...[...api, ...helpers].map((c) => c.text)];
  // The signatures name only these runtime types: the value imports the bodies need stay out.
  // (Written as TypeScript writes what is left of the module's own import, sorted.)
  const declarationImports = code`import { ${runtimeImports(["StandardSchemaV1", "ValidationResult"], new Set(["StandardSchemaV1", "ValidationResult"]))} } from "./runtime/validation.js";`;
  const declarations = [declarationImports.text, typeImport.text, ...reexports, ...signatures.map((c) => c.text)];
  return { path: "guards.ts", summary: "Runtime guards", statements, declarations };
}
