/**
 * The generated package's JavaScript: ESM and CommonJS from each TypeScript source with esbuild's
 * `transform` (type stripping plus the module format; no type check is needed, the generated code
 * is checked by its own tests). It runs in esbuild's own process, so both formats of every module
 * are built on the other core while this thread goes on. TypeScript's `transpileModule` did this
 * before: two full parse+emit passes on one core, most of a cold start and 16 s of 18 s on 3,000
 * definitions. A module whose emitter states its JavaScript (guards, builders, operations) is
 * written by printScripts below instead, without esbuild; the endpoint client's is still compiled.
 */
import { mark, markWhenDone } from "../pipeline/timings";
import { javaScriptText } from "../emit/code";
import { reindent } from "./reindent";

export interface ModuleSource {
  /** Relative to the package's `src/` ("runtime/formats.ts"). */
  path: string;
  source: string;
}

/** A module's JavaScript. */
export interface Scripts {
  esm: string;
  cjs: string;
}

/** What esbuild's transform needs of its API; loaded on first use (a fully cached run never starts it). */
type Esbuild = typeof import("esbuild");

/**
 * Starts esbuild's process now, so that it is up by the time the first source is formatted: for a
 * run that will certainly need it (no step cache), its start-up (~0.05 s) leaves the critical path.
 */
export function startEsbuild(): void {
  (require("esbuild") as Esbuild).transform("", { loader: "ts" }).catch(() => undefined);
}

/**
 * ESM and CommonJS for each module, in input order. Every job is handed to esbuild's process at
 * once, so they run there while this thread goes on (building declarations) until it awaits.
 */
export function transformScripts(modules: readonly ModuleSource[]): Promise<Scripts[]> {
  if (modules.length === 0) return Promise.resolve([]);
  const esbuild = require("esbuild") as Esbuild;
  return Promise.all(
    modules.map(async (m) => {
      const [esm, cjs] = await Promise.all([markWhenDone(transform(esbuild, m, "esm"), `esbuild: ESM of ${m.path}`), markWhenDone(transform(esbuild, m, "cjs"), `esbuild: CommonJS of ${m.path}`)]);
      return { esm: withHeaderOf(m.source, esm), cjs: withHeaderOf(m.source, cjs) };
    }),
  );
}

async function transform(esbuild: Esbuild, module: ModuleSource, format: "esm" | "cjs"): Promise<string> {
  try {
    const result = await esbuild.transform(module.source, {
      loader: "ts",
      format,
      // CommonJS for Node gets esbuild's annotation of its export names, which Node reads when an
      // ES module imports it (`import { isX } from ".../cjs/index.js"`).
      platform: format === "cjs" ? "node" : "neutral",
      target: "es2020",
      sourcefile: module.path,
      // `import type`-free imports of types only are dropped, as `isolatedModules` TypeScript would.
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: false, useDefineForClassFields: false } },
      charset: "utf8",
      logLevel: "silent",
    });
    return result.code;
  } catch (error) {
    const message = (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors
      ?.map((e) => (e.location ? `${e.location.line}:${e.location.column} ${e.text}` : e.text))
      .join("; ");
    throw new Error(`internal: generated ${module.path} does not compile: ${message ?? String(error)}`);
  }
}

/**
 * esbuild keeps no ordinary comments: the source's header (provenance, "do not edit"), its opening
 * `//` lines, is put back on top of the JavaScript built from it.
 */
export function withHeaderOf(source: string, code: string): string {
  return `${headerOf(source)}${code}`;
}

/** The source's header: its opening comment lines, each with its line break ("" when it has none). */
export function headerOf(source: string): string {
  const lines: string[] = [];
  for (const line of source.split("\n", 8)) {
    if (!/^\s*(\/\/|\/\*.*\*\/\s*$)/.test(line)) break;
    lines.push(line);
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/** Values a module imports from one module (or re-exports from it): `[name there, name here]` each. */
export interface ScriptImport {
  from: string;
  names: (readonly [string, string])[];
}

/**
 * A module imported whole under one name (`import * as runtime from "./runtime/builders.js"`, as
 * builders.ts names its runtime). In CommonJS the `require` result itself: the modules imported are
 * the package's own, marked `__esModule`, whose members the code reads (`runtime.defined(...)`),
 * where esbuild wraps it in a copy of the exports behind getters (`__toESM`).
 */
export interface NamespaceImport {
  from: string;
  as: string;
}

/**
 * A module's JavaScript as its emitter states it (EmittedModule.javascript): no compiler between
 * the emitter and the package's JavaScript. The emitter writes its code once, the TypeScript-only
 * parts marked (emit/code.ts's `ts`), and its TypeScript is that code with the parts, its
 * JavaScript that code without them; imports and exports, which differ by module format, are data.
 */
export interface StatedScript {
  /** The runtime values the code uses, imported under their local names. */
  imports: ScriptImport[];
  /** Modules the code uses whole, under one name each (none: omitted). */
  namespaces?: NamespaceImport[];
  /** Values the module re-exports from another module, under the names it exports them as. */
  reexports: ScriptImport[];
  /** The module's code but its imports and exports, in order, TypeScript-only parts marked. */
  statements: string[];
  /** The names of the code's own exports (declared by `statements`). */
  exports: string[];
  /**
   * The module's TypeScript statements, when they are `statements` with their TypeScript-only parts
   * kept and a few statements of TypeScript alone around them: `before` first, then `statements`,
   * with `inserted` placed before statement `insertAt` (guards.ts: its imports; its import of the
   * types and its re-exports, after the constants). The other thread then prints the TypeScript and
   * writes the JavaScript of a large module from one re-indenting of `statements` (print/offload.ts's printStated).
   */
  typeScript?: { before: string[]; inserted: string[]; insertAt: number };
}

/**
 * The ESM and CommonJS of a stated module (see StatedScript), as esbuild built them from the
 * TypeScript: the same exports, imports and code, re-indented (print/reindent.ts); the comments
 * but the header stay out, except those inside the code. CommonJS is esbuild's frame: the exports
 * are getters on an object marked `__esModule`, sorted by name, and the `0 && (module.exports =
 * {...})` annotation lets Node's cjs-module-lexer see their names when an ES module imports the
 * file. The imports are plain bindings read once (`var { isEmail: $isEmail } = require(...)`),
 * where esbuild read each through its module object at every call: the runtime's exports are
 * functions that never change.
 */
export function printScripts(header: string, script: StatedScript, indented = false): Scripts {
  const code = script.statements.map(javaScriptText).filter((text) => text !== "");
  // `indented`: each statement is re-indented already (printStated), and the TypeScript-only parts
  // dropped from it leave the rest as re-indenting it again would (test/print/print-stated.test.ts).
  const body = indented ? code.join("\n\n") : reindent(code.join("\n\n"));
  // Three searches for one character each: several times faster than a class over megabytes (stripe's guards: 0.6 against 4 ms).
  if (body.includes("\u0000") || body.includes("\u0001") || body.includes("\u0002")) throw new Error("internal: a placeholder or a TypeScript-only mark is left in the JavaScript");
  // Re-exports are exports like the module's own: one sorted list (a name is exported once).
  const names = [...script.exports, ...script.reexports.flatMap((r) => r.names.map(([, as]) => as))].sort();
  const list = (lines: string[]): string => lines.map((line) => `  ${line}`).join(",\n");
  const namespaces = script.namespaces ?? [];
  const esm = [
    ...namespaces.map(({ from, as }) => `import * as ${as} from ${JSON.stringify(from)};`),
    ...script.imports.map(({ from, names }) => `import { ${names.map(([name, local]) => (name === local ? name : `${name} as ${local}`)).join(", ")} } from ${JSON.stringify(from)};`),
    ...script.reexports.map(({ from, names }) => `export { ${names.map(([name, as]) => (name === as ? name : `${name} as ${as}`)).join(", ")} } from ${JSON.stringify(from)};`),
    body,
    ...(script.exports.length > 0 ? [`export {\n${list([...script.exports].sort())}\n};`] : []),
  ];
  // Getters to the module's own bindings (a `const` is read when used, after it is set) and to the re-exported modules'.
  const getters = [...script.exports.map((name) => [name, `() => ${name}`] as const)];
  const reexported = script.reexports.map(({ from, names }, i) => {
    const local = `__reexports${i}`;
    for (const [name, as] of names) getters.push([as, `() => ${local}.${name}`]);
    return `var ${local} = require(${JSON.stringify(from)});`;
  });
  getters.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const cjs = [
    [
      "var __defProp = Object.defineProperty;",
      "var __export = (target, all) => {",
      "  for (var name in all)",
      "    __defProp(target, name, { get: all[name], enumerable: true });",
      "  return target;",
      "};",
      `module.exports = __export(__defProp({}, "__esModule", { value: true }), {\n${list(getters.map(([name, get]) => `${name}: ${get}`))}\n});`,
    ].join("\n"),
    ...namespaces.map(({ from, as }) => `var ${as} = require(${JSON.stringify(from)});`),
    ...script.imports.map(({ from, names }) => `var { ${names.map(([name, local]) => (name === local ? name : `${name}: ${local}`)).join(", ")} } = require(${JSON.stringify(from)});`),
    ...reexported,
    body,
    `// Annotate the CommonJS export names for ESM import in node:\n0 && (module.exports = {\n${list(names)}\n});`,
  ];
  const scripts = { esm: `${header}${esm.join("\n")}\n`, cjs: `${header}${cjs.join("\n")}\n` };
  mark(`wrote the JavaScript of a module (${scripts.esm.length} characters of ESM)`);
  return scripts;
}
