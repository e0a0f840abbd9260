/**
 * The mock server validates with the same guard the generated package ships: it generates the
 * `guards` artifact for the schema in memory and loads its CommonJS build from memory (no files),
 * so the server and the client can never disagree about what is valid.
 */
import * as path from "node:path";
import * as vm from "node:vm";

export interface GuardIssue {
  path: string;
  message: string;
  [key: string]: unknown;
}

export type GuardFn = (value: unknown) => { ok: true } | { ok: false; errors: GuardIssue[] };

/** Generates the root types' `validateX` for schemas in one generation (one package, as `generate --config` makes): one guard per schema, in order. */
export async function loadGeneratedValidators(schemas: readonly (string | object)[]): Promise<GuardFn[]> {
  const { generate } = await import("../pipeline/generate");
  const result = await generate({ schemas: schemas.map((schema) => ({ schema })), emit: ["guards"], build: true, format: false });
  const prefix = "dist/cjs/";
  const sources = new Map(result.files.filter((f) => f.path.startsWith(prefix) && f.path.endsWith(".js")).map((f) => [f.path.slice(prefix.length), f.contents]));
  const exports = requireFromMemory(sources, "guards.js");
  const roots = result.model.roots ?? [{ name: result.model.rootName }];
  return roots.map((root) => {
    const validate = exports[`validate${root.name}`];
    if (typeof validate !== "function") throw new Error(`internal: the generated guards do not export validate${root.name}`);
    return validate as GuardFn;
  });
}

/** A minimal CommonJS loader over in-memory files: relative requires only (generated code has no dependencies). */
function requireFromMemory(sources: ReadonlyMap<string, string>, entry: string): Record<string, unknown> {
  const cache = new Map<string, { exports: Record<string, unknown> }>();
  const load = (file: string): Record<string, unknown> => {
    const cached = cache.get(file);
    if (cached) return cached.exports;
    const text = sources.get(file);
    if (text === undefined) throw new Error(`internal: generated module ${file} not found`);
    const module = { exports: {} as Record<string, unknown> };
    cache.set(file, module);
    const wrapper = vm.runInThisContext(`(function (exports, require, module) {${text}\n})`, { filename: `generated:${file}` }) as (
      exports: unknown,
      require: (id: string) => unknown,
      module: unknown,
    ) => void;
    const localRequire = (id: string): unknown => {
      if (!id.startsWith(".")) throw new Error(`internal: generated ${file} requires "${id}"`);
      return load(path.posix.normalize(path.posix.join(path.posix.dirname(file), id)));
    };
    wrapper(module.exports, localRequire, module);
    return module.exports;
  };
  return load(entry);
}
