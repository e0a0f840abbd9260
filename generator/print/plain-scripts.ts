/**
 * The JavaScript of the two kinds of module that hold no code of their own, written here as esbuild
 * writes it (print/scripts.ts) instead of sent to esbuild's process: a module of types only, whose
 * body buildTypesOnlyScripts makes `export {};` (types.ts, transport.ts), and the package's
 * index.ts, nothing but `export * from "./x.js";` lines (under a blank line). A cold `generate --emit types` then never
 * starts esbuild (loading its API, spawning its process and talking to it were ~0.02 s of the main
 * thread's ~0.2 s); a `generate` of every artifact sends it two modules fewer.
 * Byte for byte esbuild's output (test/print/plain-scripts.test.ts compares the two on every
 * committed package and on made-up module lists); any other body, or a file name esbuild would have
 * to rework into an identifier, is left to esbuild (undefined).
 */
import type { Scripts } from "./scripts";

/** esbuild's CommonJS runtime helpers, as its `cjs` transform prints them (the re-export helper only where re-exports use it). */
const HELPERS_HEAD = `var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
`;
const RE_EXPORT_HELPER = `var __reExport = (target, mod, secondTarget) => (__copyProps(target, mod, "default"), secondTarget && __copyProps(secondTarget, mod, "default"));
`;
const TO_COMMON_JS_HELPER = `var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
`;

/** A file name esbuild uses as is in `<name>_exports` (it reworks digits in front, dashes, dots...). */
const PLAIN_NAME = /^(?:.*\/)?([A-Za-z][A-Za-z0-9]*)\.ts$/;
/** One `export * from "./x.js";` line whose specifier needs no escaping in a string literal. */
const RE_EXPORT_LINE = /^export \* from "(\.{1,2}\/[A-Za-z0-9_./-]+)";$/;

/**
 * The ESM and CommonJS esbuild makes of `body` (a module's text after its header) at `path`
 * ("index.ts", relative to `src/`), without the header; undefined when it is not one of the two kinds.
 */
export function plainScripts(path: string, body: string): Scripts | undefined {
  const name = PLAIN_NAME.exec(path)?.[1];
  if (name === undefined) return undefined;
  const exportsName = `${name}_exports`;
  const frame = `var ${exportsName} = {};\nmodule.exports = __toCommonJS(${exportsName});\n`;
  if (body === "export {};\n") return { esm: "", cjs: `${HELPERS_HEAD}${TO_COMMON_JS_HELPER}${frame}` };
  // The blank line prettier leaves under the header: esbuild keeps no blank lines.
  const code = body.replace(/^\n+/, "");
  if (!code.endsWith("\n")) return undefined;
  const lines = code.slice(0, -1).split("\n");
  const specifiers = lines.map((line) => RE_EXPORT_LINE.exec(line)?.[1]);
  if (specifiers.some((s) => s === undefined) || new Set(specifiers).size !== specifiers.length) return undefined;
  const cjs =
    `${HELPERS_HEAD}${RE_EXPORT_HELPER}${TO_COMMON_JS_HELPER}${frame}` +
    specifiers.map((s) => `__reExport(${exportsName}, require("${s}"), module.exports);\n`).join("") +
    `// Annotate the CommonJS export names for ESM import in node:\n0 && (module.exports = {\n` +
    specifiers.map((s) => `  ...require("${s}")`).join(",\n") +
    `\n});\n`;
  return { esm: code, cjs };
}
