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
 * on first use as well.
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

/**
 * Libraries @ts-morph/common loads with it and uses only inside functions that match file paths
 * against glob patterns (a Project adding files by pattern), which generate never calls: minimatch
 * and tinyglobby, with what they load (fdir, picomatch, brace-expansion...), about fifteen files.
 */
const GLOB_LIBRARIES = ["minimatch", "tinyglobby"];

/**
 * From now on, the first `require("./typescript")` of @ts-morph/common gets the stand-in when
 * `shapeFile` describes the file it would load; and when it does (the @ts-morph/common the build
 * saw), its glob libraries are loaded on first use (lazyLibrary). The hook is removed once
 * @ts-morph/common has required them all.
 */
export function installLazyTypeScript(shapeFile: string = TYPESCRIPT_SHAPE_FILE): void {
  const Module = nodeModule as unknown as { _load: Load };
  const load = Module._load;
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

/** The exports of a TypeScript module as getters: the shape's version and enums, a lazy scanner, the rest from `loadReal()` on first use. */
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
  const exports: Record<string, unknown> = {};
  for (const key of shape.keys) {
    const known = key === "version" ? shape.version : key === "createScanner" ? createScanner : Object.hasOwn(shape.enums, key) ? shape.enums[key] : undefined;
    Object.defineProperty(exports, key, { enumerable: true, get: known !== undefined ? () => known : () => typescript()[key] });
  }
  return exports;
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
