/**
 * emitGuards: the `guards` artifact. For the root and every named type X: `isX` (fast boolean),
 * `validateX` (every error), `assertX` (throws SchemaValidationError) and `XSchema` (Standard
 * Schema v1; in an OpenAPI package a single parameter's type has `validateX` alone, see
 * wrappers.ts), all calling one function `collect$X` (fast without an error list, collecting with one). Keyword checks live in ../keywords/, one module per keyword family; all code is built with
 * emit/code.ts, so no text from the schema can become code.
 */
import { code, id, join, ts, typeScriptText, type Code } from "../code";
import { packageTypesOf, type EmitContext, type EmittedModule, type Emitter } from "../emitter";
import { reexportedAs, reexportStatement, runtimeImports } from "../runtime-names";
import { compileSchema } from "./compile-node";
import { GuardModule } from "./guard-module";
import { Body, FUNCTION_PATH, Locals, Scope, type Mode } from "./scope";
import type { IrSchema } from "../../ir/model";
import { guardNames } from "./artifact";
import { guardWrappers } from "./wrappers";
import type { StatedScript } from "../../print/scripts";

const VALIDATION = "runtime/validation.ts";

/** The runtime names guards.ts re-exports for users (they give way to a schema type of the same name). */
export const GUARDS_RUNTIME_EXPORTS = { values: ["SchemaValidationError"], types: ["StandardSchemaV1", "ValidationError", "ValidationResult"] } as const;

export const guardsEmitter: Emitter = {
  templates: ["runtime/validation.ts", "runtime/checks.ts", "runtime/formats.ts", "runtime/evaluated.ts"],
  emit: (context) => [emitGuards(context)],
};

/** Compiles a function body: `schema` checked against the parameter `value` in `mode`. */
function compileBody(module: GuardModule, schema: IrSchema, schemaPath: string, mode: Mode, body: Body, dyn?: Code): void {
  const scope = new Scope(module, mode, body, new Locals(), code`value`, FUNCTION_PATH, undefined, mode === "eval" ? code`ev` : undefined, compileSchema, dyn);
  compileSchema(scope, schema, schemaPath);
}

/**
 * The `guards` module for a model. Per type X (see wrappers.ts for which ones it gets) `isX`,
 * `validateX` and `assertX` are functions of their own calling `collect$X` (and `validateX`)
 * directly: made by one factory shared by every type (`validator(collect$X)`), the call to the
 * check inside the shared closure is megamorphic and never inlined. Measured in fresh processes,
 * 40 small types called in turn: isX through a factory took 2x the time of direct functions (58
 * vs 28 ns a call), validateX 1.4-2x on small values (on Koala's 6 types, within the noise). What
 * is shared is their cold code: `validateX` is its fast path, then the runtime's `invalid`
 * (collecting every error) or `tooDeep` (the call stack ran out), 8 lines where it had 22;
 * `XSchema` is the runtime's `standardSchema(validateX)`.
 */
export function emitGuards({ model, options }: EmitContext): EmittedModule {
  const module = new GuardModule(model, options, compileBody);
  // The exported functions and constants, TypeScript-only parts marked (ts``): the TypeScript is
  // their text without the marks, the JavaScript without what they mark (print/scripts.ts).
  const api: Code[] = [];
  const exported: string[] = [];
  // The same exports without bodies: guards.d.ts as it is (see EmittedModule.declarations).
  const signatures: Code[] = [];
  // One function checks X: called with the value alone it is the fast path (false at the first
  // failure, nothing allocated); called with a list it collects every error. All are compiled
  // before the public functions are written, which must know whether there is a depth counter.
  // A type with no export (a request parameter's schema: wrappers.ts) is compiled only where a check
  // that is refers to it (its parameter object's).
  const wrappersOf = model.types.map(({ name }) => new Set(guardWrappers(model, name)));
  const checks = model.types.map(({ name }, i) => (wrappersOf[i]!.size > 0 ? module.named(name, "collect") : undefined));
  module.finish();
  // A check that throws leaves the depth counter of recursive types raised (guard-module.ts).
  const depth = module.depthCounterName;
  const reset = depth ? code`${depth} = 0;
    ` : code``;
  const used = new Set<string>();
  const runtime = (name: string): Code => {
    used.add(name);
    return module.runtime("validation", name);
  };
  for (const [index, { name }] of model.types.entries()) {
    const check = checks[index];
    if (check === undefined) continue;
    const type = id(name);
    const wrappers = wrappersOf[index]!;
    const validate = id(guardNames.validate(name));
    if (wrappers.has("is")) {
      const is = id(guardNames.is(name));
      const doc = code`/** Whether \`value\` is a valid ${type}. The fast path: no allocation when it is. */`;
      // The call stack is the last depth limit (data or schemas nested deeper than the recursive
      // types' counter foresees, see DATA_DEPTH_LIMIT): running out of it is "invalid, too deep",
      // never a RangeError. A try/catch costs nothing while nothing is thrown. The runtime's
      // tooDeep rethrows anything else (its result, an object, is "not valid" here): smaller than
      // repeating the test and the throw in every isX.
      exported.push(is.text);
      api.push(code`${ts`${doc}
export `}function ${is}(value${ts`: unknown`})${ts`: value is ${type}`} {
  try {
    return ${check}(value);
  } catch (error) {
    ${reset}return !${runtime("tooDeep")}(error);
  }
}`);
      signatures.push(code`${doc}
export declare function ${is}(value: unknown): value is ${type};`);
    }
    const result = code`${runtime("ValidationResult")}<${type}>`;
    const validateDoc = code`/** Checks \`value\` against ${type}'s schema and returns it typed, or every error. */`;
    exported.push(validate.text);
    api.push(code`${ts`${validateDoc}
export `}function ${validate}(value${ts`: unknown`})${ts`: ${result}`} {
  try {
    return ${check}(value) ? { ok: true, value: value${ts` as ${type}`} } : ${runtime("invalid")}(${module.checkValue(check)}, value);
  } catch (error) {
    ${reset}return ${runtime("tooDeep")}(error);
  }
}`);
    signatures.push(code`${validateDoc}
export declare function ${validate}(value: unknown): ${result};`);
    if (wrappers.has("assert")) {
      const assert = id(guardNames.assert(name));
      const doc = code`/** Throws a SchemaValidationError listing every error unless \`value\` is a valid ${type}. */`;
      exported.push(assert.text);
      api.push(code`${ts`${doc}
export `}function ${assert}(value${ts`: unknown`})${ts`: asserts value is ${type}`} {
  const result = ${validate}(value);
  if (!result.ok) throw new ${runtime("SchemaValidationError")}(${name}, result.errors);
}`);
      signatures.push(code`${doc}
export declare function ${assert}(value: unknown): asserts value is ${type};`);
    }
    if (wrappers.has("standardSchema")) {
      const standard = id(guardNames.standardSchema(name));
      const schemaType = code`${runtime("StandardSchemaV1")}<${type}>`;
      const doc = code`/** ${type} as a Standard Schema v1 validator (https://standardschema.dev). */`;
      exported.push(standard.text);
      api.push(code`${ts`${doc}
export `}const ${standard}${ts`: ${schemaType}`} = /* @__PURE__ */ ${runtime("standardSchema")}(${validate});`);
      signatures.push(code`${doc}
export declare const ${standard}: ${schemaType};`);
    }
  }
  // The check functions first: the constants the preamble declares are those they read.
  const linked = module.link();
  const typeImport = code`import type { ${join(model.types.filter((_, i) => checks[i] !== undefined).map((t) => id(t.name)), ", ")} } from "./types.js";`;
  // The runtime stays internal; what users need to name (errors, results) is re-exported here,
  // giving way to a schema type of the same name (emit/runtime-names.ts).
  const packageTypes = packageTypesOf({ model, options });
  const reexports = [
    ...reexportStatement(GUARDS_RUNTIME_EXPORTS.values, VALIDATION, packageTypes, false),
    ...reexportStatement(GUARDS_RUNTIME_EXPORTS.types, VALIDATION, packageTypes, true),
  ].map((c) => c.text);
  const preamble = module.preamble();
  // The module's code (its imports and exports aside), TypeScript-only parts marked.
  const constants = preamble.constants.map(linked.resolve).filter((text) => text !== "");
  const functions = [...api.map(linked.resolve), ...linked.functions];
  const imports = preamble.imports.map(linked.resolve);
  // The same code as JavaScript, written without a compiler (print/scripts.ts): the TypeScript-only
  // parts are dropped there, on the CLI's worker thread for a large module.
  const javascript: StatedScript = {
    imports: preamble.scriptImports,
    reexports: [{ from: `./${VALIDATION.replace(/\.ts$/, ".js")}`, names: GUARDS_RUNTIME_EXPORTS.values.map((name) => [name, reexportedAs(name, packageTypes)]) }],
    statements: [...constants, ...functions],
    exports: exported,
    // `statements` above, as StatedScript.typeScript describes them.
    typeScript: { before: imports, inserted: [typeImport.text, ...reexports], insertAt: constants.length },
  };
  // The signatures name only these runtime types: the value imports the bodies need stay out.
  // (Written as TypeScript writes what is left of the module's own import, sorted.)
  const declared = ["StandardSchemaV1", "ValidationResult"].filter((name) => used.has(name));
  const declarationImports = declared.length > 0 ? [code`import { ${runtimeImports(declared, new Set(declared))} } from "./runtime/validation.js";`.text] : [];
  const declarations = [...declarationImports, typeImport.text, ...reexports, ...signatures.map((c) => c.text)];
  const emitted: EmittedModule = { path: "guards.ts", summary: "Runtime guards", statements: [], declarations, javascript };
  // The TypeScript statements, made when first read: a large document's guards.ts is printed on the
  // other thread from `javascript` (print/offload.ts's printStated), and its megabytes of statements
  // are then never needed here. Not enumerable, so that a copy of the module's other fields
  // (pipeline/generate.ts keeps its path and subpath) does not make them.
  let statements: string[] | undefined;
  Object.defineProperty(emitted, "statements", {
    get: () => (statements ??= [...imports, ...constants.map(typeScriptText), typeImport.text, ...reexports, ...functions.map(typeScriptText)]),
    enumerable: false,
  });
  return emitted;
}
