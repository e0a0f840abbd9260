/**
 * TypeScript (9 MB of JavaScript) loaded only when something runs it. Types are built with
 * ts-morph's structure printer, which needs nothing from TypeScript at run time; but loading
 * ts-morph loads TypeScript, whose reading, compiling (or code cache) and top-level code were about
 * a third of a cold `generate --emit types`'s CPU time. At load time ts-morph reads only TypeScript's
 * version and enums and creates one scanner.
 *
 * So, for the CLI (installed by cli.ts; the library leaves the caller's module loading alone),
 * @ts-morph/common's `require("./typescript")` gets a stand-in with the same export names: the
 * version and the enums as they were taken at build time (typescript-shape.json, written by
 * scripts/bundle-cli.ts from the installed file), a scanner that is created on its first use, and
 * every other export a getter that loads the real module then (`ts.transpileDeclaration`, for a
 * module whose declarations no emitter states, say).
 * The stand-in is used only when the shape was taken from this very file (@ts-morph/common's
 * version and the file's size agree). Otherwise, or when the shape file is missing or not one,
 * TypeScript loads as usual: slower, never wrong. With the stand-in, @ts-morph/common's glob
 * libraries (minimatch, tinyglobby: ~15 files that only matching paths against patterns uses) load
 * on first use as well. And @ts-morph/common itself is compiled without the text of TypeScript's
 * lib files (leanCommonSource), which it reads back when a Project first needs them.
 */
import { readFileSync, statSync } from "node:fs";
import nodeModule from "node:module";
import * as path from "node:path";

/** What the stand-in needs of one TypeScript build (typescript-shape.json). */
export interface TypeScriptShape {
  /** @ts-morph/common's version, which pins the TypeScript it carries. */
  common: string;
  /** The size of @ts-morph/common/dist/typescript.js. */
  size: number;
  version: string;
  /** Every export's name, in order. */
  keys: string[];
  /** Every export that is an enum (an object of numbers and strings with reverse mappings), as is. */
  enums: Record<string, Record<string, string | number>>;
}

/** Beside the CLI bundle (dist/generator/cli.js), which is the only module that installs the stand-in. */
export const TYPESCRIPT_SHAPE_FILE = path.join(__dirname, "typescript-shape.json");

const COMMON_MAIN = path.join("@ts-morph", "common", "dist", "ts-morph-common.js");

type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;
type Compile = (content: string, filename: string, ...rest: unknown[]) => unknown;

/**
 * Libraries @ts-morph/common loads with it and uses only inside functions that match file paths
 * against glob patterns (a Project adding files by pattern), which generate never calls: minimatch
 * and tinyglobby, with what they load (fdir, picomatch, brace-expansion...), about fifteen files.
 */
const GLOB_LIBRARIES = ["minimatch", "tinyglobby"];

/**
 * From now on, @ts-morph/common is compiled without its lib files (leanCommonSource, whatever the
 * shape file says: it checks the source itself), and
 * the first `require("./typescript")` of @ts-morph/common gets the stand-in when
 * `shapeFile` describes the file it would load; and when it does (the @ts-morph/common the build
 * saw), its glob libraries are loaded on first use (lazyLibrary). The hook is removed once
 * @ts-morph/common has required them all.
 */
export function installLazyTypeScript(shapeFile: string = TYPESCRIPT_SHAPE_FILE): void {
  const Module = nodeModule as unknown as { _load: Load; prototype: { _compile: Compile } };
  const load = Module._load;
  // @ts-morph/common's lib files are read on first use (leanCommonSource), once: the hook then steps aside.
  const compile = Module.prototype._compile;
  const leanCompile: Compile = function (this: unknown, content, filename, ...rest) {
    if (!filename.endsWith(COMMON_MAIN)) return compile.call(this, content, filename, ...rest);
    if (Module.prototype._compile === leanCompile) Module.prototype._compile = compile;
    return compile.call(this, leanCommonSource(content) ?? content, filename, ...rest);
  };
  Module.prototype._compile = leanCompile;
  const pending = new Set(["./typescript", ...GLOB_LIBRARIES]);
  let shape: TypeScriptShape | undefined;
  const hook: Load = function (this: unknown, request, parent, isMain) {
    if (!pending.has(request) || parent?.filename?.endsWith(COMMON_MAIN) !== true) return load.call(this, request, parent, isMain);
    pending.delete(request);
    if (pending.size === 0 && Module._load === hook) Module._load = load;
    const real = (): Record<string, unknown> => load.call(this, request, parent, isMain) as Record<string, unknown>;
    if (request !== "./typescript") return shape ? lazyLibrary(real) : real();
    shape = matchingShape(shapeFile, path.dirname(parent.filename));
    return shape ? standIn(shape, real) : real();
  };
  Module._load = hook;
}

/**
 * A library loaded on its first use: every property read loads it (once) and reads the real one.
 * `in` answers true, so that @ts-morph/common's namespace interop (`"default" in module`) takes it
 * as it is instead of copying its exports, which would load it.
 */
export function lazyLibrary(loadReal: () => Record<string, unknown>): Record<string, unknown> {
  let real: Record<string, unknown> | undefined;
  return new Proxy({}, { get: (_, name) => (real ??= loadReal())[name as string], has: () => true });
}

/** The shape in `shapeFile` if it is one and was taken from the TypeScript in `commonDist` (@ts-morph/common/dist). */
export function matchingShape(shapeFile: string, commonDist: string): TypeScriptShape | undefined {
  try {
    const shape = JSON.parse(readFileSync(shapeFile, "utf8")) as unknown;
    if (!isShape(shape)) return undefined;
    const { common, size } = installedTypeScript(commonDist);
    return common === shape.common && size === shape.size ? shape : undefined;
  } catch {
    // No shape file, or no such TypeScript: the real one loads.
    return undefined;
  }
}

/** The TypeScript in @ts-morph/common's dist folder `commonDist`: its file, and what identifies it (the package's version, the file's size). */
export function installedTypeScript(commonDist: string): { file: string; common: string; size: number } {
  const file = path.join(commonDist, "typescript.js");
  const common = (JSON.parse(readFileSync(path.join(commonDist, "..", "package.json"), "utf8")) as { version: string }).version;
  return { file, common, size: statSync(file).size };
}

function isShape(value: unknown): value is TypeScriptShape {
  if (typeof value !== "object" || value === null) return false;
  const shape = value as Partial<TypeScriptShape>;
  return (
    typeof shape.common === "string" &&
    typeof shape.size === "number" &&
    typeof shape.version === "string" &&
    Array.isArray(shape.keys) &&
    shape.keys.every((k) => typeof k === "string") &&
    typeof shape.enums === "object" &&
    shape.enums !== null &&
    Object.values(shape.enums).every((e) => typeof e === "object" && e !== null)
  );
}

/**
 * The exports of a TypeScript module: the shape's version and enums, a lazy scanner, the rest from
 * `loadReal()` on first use. A Proxy, not an object of 2,248 getters: defining them was ~15 ms of a
 * cold start. Every export name is an own key of it, as of the real module; `in` answers true for
 * any name, so that @ts-morph/common's namespace interop (`"default" in module`) takes it as it is
 * instead of copying every export onto another object (lazyLibrary does the same).
 */
export function standIn(shape: TypeScriptShape, loadReal: () => Record<string, unknown>): Record<string, unknown> {
  let real: Record<string, unknown> | undefined;
  const typescript = (): Record<string, unknown> => (real ??= loadReal());
  // ts-morph creates a scanner as it loads, and scans with it only to place a comma in printed code.
  const createScanner = (...args: unknown[]): object => {
    let scanner: Record<string | symbol, unknown> | undefined;
    return new Proxy(
      {},
      {
        get(_, name) {
          scanner ??= (typescript().createScanner as (...a: unknown[]) => Record<string | symbol, unknown>)(...args);
          return scanner[name];
        },
      },
    );
  };
  const known = new Map<string | symbol, unknown>(Object.entries(shape.enums));
  known.set("version", shape.version);
  known.set("createScanner", createScanner);
  const names = new Set<string | symbol>(shape.keys);
  const value = (name: string | symbol): unknown => (known.has(name) ? known.get(name) : names.has(name) ? typescript()[name as string] : undefined);
  return new Proxy({} as Record<string, unknown>, {
    get: (_, name) => value(name),
    has: () => true,
    ownKeys: () => [...shape.keys],
    getOwnPropertyDescriptor: (_, name) => (names.has(name) ? { enumerable: true, configurable: true, get: () => value(name) } : undefined),
  });
}

/** The shape of the TypeScript module `typescript` (its file `size` bytes, carried by @ts-morph/common `common`). */
export function typescriptShape(typescript: Record<string, unknown>, common: string, size: number): TypeScriptShape {
  const keys = Object.keys(typescript);
  const enums: TypeScriptShape["enums"] = {};
  for (const key of keys) {
    const value = typescript[key];
    if (isEnum(value)) enums[key] = { ...value };
  }
  return { common, size, version: String(typescript.version), keys, enums };
}

/** A TypeScript enum object: only numbers and strings, and a number's name found back by its value. */
function isEnum(value: unknown): value is Record<string, string | number> {
  if (typeof value !== "object" || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(([, v]) => typeof v === "number" || typeof v === "string") &&
    entries.some(([k, v]) => typeof v === "number" && (value as Record<string, unknown>)[v] === k)
  );
}

/** Where @ts-morph/common (0.28) declares the text of TypeScript's lib .d.ts files, and the function that hands them out. */
const LIB_FILES_START = "\nconst libFiles = [{";
const LIB_FILES_END = "}];\n\nfunction getLibFiles() {\n    return libFiles;\n}\n";

/**
 * @ts-morph/common's source without its lib files: 2.8 MB of its 2.9 MB are the text of
 * TypeScript's lib .d.ts files, one array literal, which V8 scans and allocates at load (about
 * 25 ms of a first run's CPU, compiled with no code cache; their strings fill the code cache
 * otherwise) and which only a Project reads (getLibFiles(), for its in-memory lib folder), never
 * a structure printed. The array is cut out and getLibFiles() reads it back from the same file on
 * its first call. Line numbers stay those of the file (getLibFiles() on one line, then blank lines).
 * Undefined, so that the module is compiled as it is, when the source is not the one this was
 * written for (another @ts-morph/common): the markers not found once each, or `libFiles` named
 * elsewhere but in a local copy (onlyLocalLibFiles).
 */
export function leanCommonSource(content: string): string | undefined {
  // The array is found from both ends of the file: a search through its 2.8 MB took up to 10 ms.
  // In between, only strings, whose text cannot hold the markers' raw line breaks.
  const start = content.indexOf(LIB_FILES_START);
  const end = content.lastIndexOf(LIB_FILES_END);
  if (start < 0 || end < start) return undefined;
  const before = content.slice(0, start);
  const after = content.slice(end + LIB_FILES_END.length);
  if ([before, after].some((part) => part.includes(LIB_FILES_START) || part.includes(LIB_FILES_END)) || !onlyLocalLibFiles(before + after)) return undefined;
  const literalStart = start + LIB_FILES_START.length - 2;
  const literalEnd = end + 2;
  // Reads the file again, as Node did (a byte-order mark dropped), and checks that it is still the one loaded.
  const getLibFiles = [
    "let libFiles;",
    "function getLibFiles() {",
    "if (libFiles === undefined) {",
    'const text = require("node:fs").readFileSync(__filename, "utf8").replace(/^\\uFEFF/, "");',
    `const literal = text.slice(${literalStart}, ${literalEnd});`,
    `if (text.length !== ${content.length} || !literal.startsWith("[{") || !literal.endsWith("}]")) throw new Error(__filename + " changed after it was loaded: run again");`,
    'libFiles = require("node:vm").runInThisContext("(" + literal + ")", { filename: __filename });',
    "}",
    "return libFiles;",
    "}",
  ];
  const removedLines = countLines(content, start + 1, end + LIB_FILES_END.length - 1);
  const padding = "\n".repeat(removedLines);
  return `${content.slice(0, start + 1)}${getLibFiles.join(" ")}${padding}${content.slice(end + LIB_FILES_END.length - 1)}`;
}

/**
 * Whether every `libFiles` left in `rest` is a local `const libFiles = getLibFiles();` or a use of
 * one declared shortly before (the lib folder's loop in @ts-morph/common 0.28), so that none reads
 * the module's array, which is gone.
 */
function onlyLocalLibFiles(rest: string): boolean {
  let declared = -Infinity;
  for (const match of rest.matchAll(/\blibFiles\b/g)) {
    if (rest.startsWith("libFiles = getLibFiles();", match.index) && rest.slice(match.index - 6, match.index) === "const ") declared = match.index;
    else if (match.index - declared > 200) return false;
  }
  return true;
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}
