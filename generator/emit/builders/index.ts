/**
 * emitBuilders: the `builders` artifact (`builders.ts`). Plans every name first (object builders,
 * the root's chunk/group helpers, then short builders, which give way on a clash), then writes:
 * imports, `XInput` + `createX` per object type, short builders, `chunkX`, `groupXItems`.
 */
import { packageTypesOf, type EmitContext, type EmittedModule, type Emitter } from "../emitter";
import { reexportStatement } from "../runtime-names";
import { code, id, javaScriptText, join, lineComments, typeScriptCode, type Code } from "../code";
import { emitChunk } from "./chunking";
import { emitGrouping, planGrouping, type GroupPlan } from "./grouping";
import { chunkName, groupName, guardNames, ModuleNames, RUNTIME_NAMESPACE, RUNTIME_TYPE_EXPORTS } from "./names";
import { emitObjectBuilder, planObjectBuilder, type ObjectBuilder } from "./object-builders";
import { isObjectType, objectInfo, objectTypes, type ObjectInfo } from "./object-shape";
import { isNode, rootTypes } from "../../ir/model";
import { emitShortBuilder, planShortBuilders, type ShortBuilderPlan } from "./short-builders";
import { commentLines, type BuilderStatement } from "../declared";
import { guardWrappers } from "../guards/wrappers";
import type { StatedScript } from "../../print/scripts";

export const RUNTIME_TEMPLATE = "runtime/builders.ts";

/** The module's path and summary, known before it is emitted (on another thread: print/offload.ts). */
export const BUILDERS_MODULE = { path: "builders.ts", summary: "Builders" } as const;

export const buildersEmitter: Emitter = {
  templates: [RUNTIME_TEMPLATE],
  emit: (context) => [emitBuilders(context)],
};

/** Every name and shape builders.ts will have, decided before any code is written. */
export interface BuildersPlan {
  names: ModuleNames;
  objects: ObjectInfo[];
  /** Object type name → its `createX`. */
  builders: Map<string, ObjectBuilder>;
  roots: { root: ObjectInfo; chunk: string; grouping: GroupPlan | undefined }[];
  shorts: ShortBuilderPlan;
}

/** Plans builders.ts (emitBuilders writes it; emit/heuristics.ts reports its stamps and short builders). */
export function planBuilders({ model, options }: EmitContext): BuildersPlan {
  const names = new ModuleNames(model);
  // A type without assertX in an OpenAPI package (a single parameter's schema, an inline response
  // body's: guards/wrappers.ts) gets no builder either: nobody sends it.
  const objects = objectTypes(model, options.heuristics?.stamps).filter((o) => guardWrappers(model, o.name).includes("assert"));
  const builders = new Map<string, ObjectBuilder>(objects.map((info) => [info.name, planObjectBuilder(info, names)]));

  // Every root of the package (one per schema) gets chunkX and groupXItems when its type is an
  // object type (the client relies on it): a root typed `unknown` (a definitions-only schema) gets
  // none rather than an untyped one, and an OpenAPI document has no root type. createX only for `type: "object"`.
  const rootNames = rootTypes(model);
  const roots = rootNames.flatMap((name) => {
    const type = model.types.find((t) => t.name === name);
    const root = objects.find((o) => o.name === name) ?? (type && isNode(type.schema) && isObjectType(model, name) ? objectInfo(type.name, type.schema, options.heuristics?.stamps) : undefined);
    if (!root) return [];
    const chunk = chunkName(root.name);
    const group = groupName(root.name);
    for (const value of [chunk, group]) if (!names.takeValue(value)) throw new Error(`internal: ${value} is already taken`);
    return [{ root, chunk, grouping: planGrouping(root, group, chunk, names) }];
  });
  const shorts = planShortBuilders(model, builders, names, options.heuristics?.shortBuilders);
  return { names, objects, builders, roots, shorts };
}

/** The `builders` module for a model. */
export function emitBuilders({ model, options }: EmitContext): EmittedModule {
  const { names, objects, builders, roots, shorts } = planBuilders({ model, options });

  const body: BuilderStatement[] = [];
  // A builder type name that met a schema type of the same name got a suffix: say so where users look.
  if (names.warnings.length) body.push(commentLines(lineComments(names.warnings)));
  if (shorts.skipped.length) body.push(commentLines(lineComments(["No short builder for:", ...shorts.skipped.map((line) => `  ${line}`)])));
  for (const builder of builders.values()) body.push(...emitObjectBuilder(builder));
  for (const short of shorts.builders) body.push(...emitShortBuilder(short));
  for (const { root, chunk } of roots) body.push(emitChunk(root, chunk));
  const objectsByName = new Map(objects.map((o) => [o.name, o]));
  for (const { root, grouping } of roots) if (grouping) body.push(...emitGrouping(model, root, objectsByName, grouping));

  const typeNames = model.types.map((t) => t.name);
  const packageTypes = packageTypesOf({ model, options });
  // The statements' code, TypeScript-only parts marked: the TypeScript keeps them, the JavaScript not.
  const statements = body.map((s) => typeScriptCode(s.code));
  const signatures = body.map((s) => s.declaration);
  const declared = body.map((s) => s.declared);
  const text = (codes: readonly Code[]): string[] => codes.map((c) => c.text);
  const head = imports(typeNames, packageTypes, statements);
  return {
    ...BUILDERS_MODULE,
    statements: text([...head.statements, ...statements]),
    // builders.d.ts: the same statements with function heads for functions, and the imports those name.
    declarations: text([...imports(typeNames, packageTypes, declared, { declarations: true }).statements, ...signatures]),
    javascript: script(head.guards, body),
  };
}

/**
 * builders.js as the emitter states it (print/scripts.ts, printScripts), not compiled from
 * builders.ts by esbuild: the statements without their TypeScript-only parts, and the imports of
 * exactly the values that code uses (the guards, the runtime namespace), as esbuild keeps them.
 */
function script(guards: readonly string[], body: readonly BuilderStatement[]): StatedScript {
  const statements = body.map((s) => s.code.text);
  // The runtime namespace is named in types too (runtime.BuilderInput): only a call keeps its import.
  // Its functions' code is what could call it; almost always the first (a createX) does.
  const callsRuntime = body.some((s) => s.exports.length > 0 && javaScriptText(s.code.text).includes(`${RUNTIME_NAMESPACE}.`));
  return {
    // The guards builders.ts imports are those its code calls (assertX, isX: never named in a type).
    imports: guards.length > 0 ? [{ from: "./guards.js", names: guards.map((name) => [name, name] as const) }] : [],
    namespaces: callsRuntime ? [{ from: "./runtime/builders.js", as: RUNTIME_NAMESPACE }] : [],
    reexports: [],
    statements,
    exports: body.flatMap((s) => s.exports),
  };
}

/**
 * Every identifier-like word of `text` (the longest runs of `$`, ID_Continue, ZWNJ, ZWJ), collected
 * in one pass (a search per name would be quadratic on thousands of types). The runs of word
 * characters and non-ASCII ones first, an ASCII regex: a run all ASCII is a word as it is, and only
 * a run with a non-ASCII character is split by the Unicode one (its words are those of the run: what
 * separates them there is non-ASCII). The Unicode regex over the whole text was a third of the
 * builders' time on mist.com's 2.2 MB builders.ts; this takes 45% less.
 */
function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const run of text.match(/[$\w\u0080-\uffff]+/g) ?? []) {
    if (ASCII_WORD.test(run)) words.add(run);
    else for (const word of run.match(/[$\p{ID_Continue}\u200C\u200D]+/gu) ?? []) words.add(word);
  }
  return words;
}
const ASCII_WORD = /^[$\w]+$/;

/**
 * Imports of exactly the types and guards the body mentions, the runtime as a namespace. For the
 * declarations (`body` is then their code without doc comments), only what they name, as
 * TypeScript keeps it.
 */
function imports(typeNames: readonly string[], packageTypes: ReadonlySet<string>, body: readonly Code[], { declarations = false } = {}): { statements: Code[]; guards: string[] } {
  // Every identifier-like word of the body, collected in one pass: a search per type name would
  // scan the whole body once per type (quadratic: seconds on thousands of definitions).
  const words = wordsOf(join(body, "\n").text);
  const mentioned = (name: string): boolean => words.has(name);
  const types = typeNames.filter(mentioned);
  const guards = typeNames.flatMap((t) => [guardNames(t).assert, guardNames(t).is]).filter(mentioned).sort();
  const out: Code[] = [];
  if (types.length) out.push(code`import type { ${join(types.map(id), ", ")} } from "./types.js";`);
  if (guards.length) out.push(code`import { ${join(guards.map(id), ", ")} } from "./guards.js";`);
  if (!declarations || mentioned(RUNTIME_NAMESPACE)) out.push(code`import * as ${id(RUNTIME_NAMESPACE)} from "./runtime/builders.js";`);
  // Re-exported for users, giving way to a schema type of the same name (emit/runtime-names.ts).
  out.push(...reexportStatement(RUNTIME_TYPE_EXPORTS, RUNTIME_TEMPLATE, packageTypes, true));
  return { statements: out, guards };
}
