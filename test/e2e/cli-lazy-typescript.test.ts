/**
 * The CLI gives ts-morph a stand-in for TypeScript until something runs it (generator/lazy-typescript.ts):
 * a run that only prints structures never loads TypeScript's 9 MB; one that runs it gets the real
 * module; a shape file that is missing, corrupt or taken from another TypeScript means the real
 * module from the start. Real child processes; which files they load is read from NODE_DEBUG=module
 * or from their own require.cache.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { leanCommonSource, matchingShape, standIn, type TypeScriptShape } from "../../generator/lazy-typescript";
import { KOALA_CONFIG, KOALA_OPENAPI, KOALA_SCHEMA, REPO_ROOT } from "../helpers/paths";
import { syntheticOpenApi } from "../helpers/synthetic-openapi";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const tmp = tempDir("koala-lazy-typescript-");
const SHAPE = path.join(REPO_ROOT, "dist", "generator", "typescript-shape.json");
const COMMON_DIST = path.dirname(require.resolve("@ts-morph/common", { paths: [path.dirname(require.resolve("ts-morph"))] }));
const TYPESCRIPT_FILE = path.join(COMMON_DIST, "typescript.js");

/** Which of ts-morph, TypeScript's file and @ts-morph/common's glob libraries a CLI run loaded (read with NODE_DEBUG=module). */
function cliLoads(args: string[]): { tsMorph: boolean; typeScript: boolean; globs: boolean } {
  const result = runCli(args, { env: { NODE_DEBUG: "module" } });
  expect(result.status).toBe(0);
  return {
    tsMorph: /[\\/]node_modules[\\/]ts-morph[\\/]/.test(result.stderr),
    typeScript: result.stderr.includes(TYPESCRIPT_FILE),
    globs: /[\\/]node_modules[\\/](minimatch|tinyglobby)[\\/]/.test(result.stderr),
  };
}

test("generate, types alone and every artifact of the Koala config and of its OpenAPI document, loads neither ts-morph nor TypeScript", () => {
  const none = { tsMorph: false, typeScript: false, globs: false };
  // Types are printed as text (print/type-declarations.ts); every other module states its declarations.
  expect(cliLoads(["generate", "--schema", KOALA_SCHEMA, "--out", path.join(tmp, "types"), "--emit", "types", "--quiet"])).toEqual(none);
  expect(cliLoads(["generate", "--config", KOALA_CONFIG, "--out", path.join(tmp, "all"), "--quiet"])).toEqual(none);
  expect(cliLoads(["generate", "--schema", KOALA_OPENAPI, "--out", path.join(tmp, "openapi"), "--quiet"])).toEqual(none);
  // A document of 700-odd types, whose types are built on the other thread (print/offload.ts): not there either.
  const large = path.join(tmp, "large.json");
  writeFileSync(large, JSON.stringify(syntheticOpenApi(56)));
  expect(cliLoads(["generate", "--schema", large, "--out", path.join(tmp, "large"), "--quiet"])).toEqual(none);
});

/**
 * A fresh process that installs the stand-in with `shapeFile`, loads ts-morph, prints a structure,
 * then runs TypeScript (transpileDeclaration): what it printed and built, and whether TypeScript's
 * file was loaded after each step.
 */
/** The .ts files a Project adds by glob in standInProcess. */
const GLOB_DIR = path.join(tmp, "glob");
mkdirSync(GLOB_DIR);
for (const name of ["a.ts", "b.ts", "c.txt"]) writeFileSync(path.join(GLOB_DIR, name), "export const x = 1;\n");

function standInProcess(shapeFile: string): {
  afterLoad: boolean;
  afterPrint: boolean;
  afterRun: boolean;
  printed: string;
  declaration: string;
  kind: string;
  version: string;
  /** Which of @ts-morph/common's glob libraries were loaded after printing, and after a Project used them. */
  globsAfterPrint: string[];
  globsAfterUse: string[];
  added: string[];
  matched: string[];
} {
  const script = `
    const path = require("node:path");
    require(${JSON.stringify(path.join(REPO_ROOT, "dist", "generator", "lazy-typescript.js"))}).installLazyTypeScript(process.argv[1]);
    const loaded = () => Object.keys(require.cache).includes(${JSON.stringify(TYPESCRIPT_FILE)});
    const morph = require("ts-morph");
    const afterLoad = loaded();
    const printed = morph.printStructure({ kind: morph.StructureKind.SourceFile, statements: [
      { kind: morph.StructureKind.Interface, name: "A", isExported: true, docs: ["An A."], properties: [{ name: "x", type: "string", hasQuestionToken: true }] },
      { kind: morph.StructureKind.TypeAlias, name: "B", isExported: true, type: '"a" | "b"' },
    ] });
    const afterPrint = loaded();
    const declaration = morph.ts.transpileDeclaration("export const a: number = 1;", { compilerOptions: { declaration: true } }).outputText;
    const kind = morph.ts.SyntaxKind[morph.ts.SyntaxKind.InterfaceDeclaration];
    const afterRun = loaded();
    const globs = () => ["minimatch", "tinyglobby"].filter((name) => Object.keys(require.cache).some((f) => f.includes(path.sep + name + path.sep)));
    const globsAfterPrint = globs();
    const project = new morph.Project({ skipAddingFilesFromTsConfig: true });
    const added = project.addSourceFilesAtPaths(path.join(process.argv[2], "*.ts")).map((f) => f.getBaseName()).sort();
    const matched = project.getSourceFiles(path.join(process.argv[2], "**", "a.ts")).map((f) => f.getBaseName());
    process.stdout.write(JSON.stringify({ afterLoad, afterPrint, afterRun, printed, declaration, kind, version: morph.ts.version, globsAfterPrint, globsAfterUse: globs(), added, matched }));
  `;
  const result = spawnSync(process.execPath, ["-e", script, shapeFile, GLOB_DIR], { cwd: REPO_ROOT, encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

const real = require(TYPESCRIPT_FILE) as Record<string, unknown>;

test("with the build's shape, TypeScript loads when something runs it, and answers as the real one", () => {
  const lazy = standInProcess(SHAPE);
  expect(lazy).toMatchObject({ afterLoad: false, afterPrint: false, afterRun: true, kind: "InterfaceDeclaration", version: real.version });
  // The glob libraries, too, load when a Project first matches paths, and match as the real ones.
  expect(lazy).toMatchObject({ globsAfterPrint: [], globsAfterUse: ["minimatch", "tinyglobby"], added: ["a.ts", "b.ts"], matched: ["a.ts"] });
  expect(lazy.printed).toBe('/** An A. */\nexport interface A {\n    x?: string;\n}\n\nexport type B = "a" | "b";\n');
  expect(lazy.declaration).toBe("export declare const a: number;\n");
});

test("a missing, corrupt or foreign shape file means the real TypeScript from the start, same answers", () => {
  const expected = standInProcess(SHAPE);
  const shape = JSON.parse(readFileSync(SHAPE, "utf8")) as TypeScriptShape;
  const variants: Record<string, string | undefined> = {
    missing: undefined,
    corrupt: '{"common": "0.29',
    "not a shape": JSON.stringify({ ...shape, keys: "version" }),
    "another file size": JSON.stringify({ ...shape, size: shape.size + 1 }),
    "another @ts-morph/common": JSON.stringify({ ...shape, common: `${shape.common}-other` }),
  };
  for (const [name, text] of Object.entries(variants)) {
    const file = path.join(tmp, `${name.replace(/\W+/g, "-")}.json`);
    if (text !== undefined) writeFileSync(file, text);
    expect({ name, ...standInProcess(file) }).toEqual({ name, ...expected, afterLoad: true, afterPrint: true, globsAfterPrint: ["minimatch", "tinyglobby"] });
  }
});

test("the build's shape is the installed TypeScript's: every export name, its version and its enums", () => {
  const shape = matchingShape(SHAPE, COMMON_DIST);
  expect(shape).toBeDefined();
  let loads = 0;
  const exports = standIn(shape!, () => {
    loads++;
    return real;
  });
  expect(Object.keys(exports)).toEqual(Object.keys(real));
  expect(exports.version).toBe(real.version);
  for (const name of Object.keys(shape!.enums)) expect(exports[name]).toEqual(real[name]);
  expect(Object.keys(shape!.enums)).toEqual(expect.arrayContaining(["SyntaxKind", "ScriptTarget", "ModuleKind", "NewLineKind"]));
  expect(loads).toBe(0);
});

test("the stand-in loads the real module once, on the first export that needs it, scanners included", () => {
  const shape = matchingShape(SHAPE, COMMON_DIST)!;
  let loads = 0;
  const exports = standIn(shape, () => {
    loads++;
    return real;
  });
  const createScanner = exports.createScanner as (target: number, skipTrivia: boolean) => { setText(text: string): void; scan(): number };
  const scanner = createScanner((exports.ScriptTarget as Record<string, number>).Latest!, true);
  expect(loads).toBe(0);
  scanner.setText("a, b");
  expect(loads).toBe(1);
  expect(scanner.scan()).toBe((real.SyntaxKind as Record<string, number>).Identifier);
  expect(scanner.scan()).toBe((real.SyntaxKind as Record<string, number>).CommaToken);
  expect(exports.transpileDeclaration).toBe(real.transpileDeclaration);
  expect(loads).toBe(1);
});

/**
 * @ts-morph/common's lib files (2.8 MB of its 2.9 MB) are cut out of its source at load and read
 * back from its file on first use (leanCommonSource): a fresh process with the stand-in gets the
 * same lib files as one without, and a Project type-checks with them.
 */
test("@ts-morph/common loads without its lib files, which getLibFiles() reads back unchanged when a Project needs them", () => {
  const commonMain = path.join(COMMON_DIST, "ts-morph-common.js");
  const libFiles = (hook: boolean) => {
    const script = `
      ${hook ? `require(${JSON.stringify(path.join(REPO_ROOT, "dist", "generator", "lazy-typescript.js"))}).installLazyTypeScript(${JSON.stringify(SHAPE)});` : ""}
      const morph = require("ts-morph");
      const common = require.cache[${JSON.stringify(commonMain)}].exports;
      const lean = common.getLibFiles.toString().includes("readFileSync");
      const project = new morph.Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true, lib: ["lib.es2022.d.ts"] } });
      project.createSourceFile("/a.ts", "export const x: ReadonlyArray<number> = [1].map((n) => n + 1);\\nexport const y: string = x;");
      const diagnostics = project.getPreEmitDiagnostics().map((d) => d.getCode());
      process.stdout.write(JSON.stringify({ lean, diagnostics, files: common.getLibFiles(), same: common.getLibFiles() === common.getLibFiles() }));
    `;
    const result = spawnSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout) as { lean: boolean; diagnostics: number[]; files: { fileName: string; text: string }[]; same: boolean };
  };
  const withHook = libFiles(true);
  const without = libFiles(false);
  expect(withHook.lean).toBe(true);
  expect(without.lean).toBe(false);
  expect(withHook.files.length).toBeGreaterThan(50);
  expect(withHook.files).toEqual(without.files);
  expect(withHook.same).toBe(true);
  // One error: string is not ReadonlyArray<number> (TS2322); the lib's types were found.
  expect(withHook.diagnostics).toEqual([2322]);
  expect(without.diagnostics).toEqual([2322]);
});

test("leanCommonSource: the lib files' array cut out with every line kept in place; another source left alone", () => {
  const source = readFileSync(path.join(COMMON_DIST, "ts-morph-common.js"), "utf8");
  const lean = leanCommonSource(source)!;
  expect(lean).toBeDefined();
  expect(lean.length).toBeLessThan(source.length / 10);
  const before = source.split("\n");
  const after = lean.split("\n");
  expect(after.length).toBe(before.length);
  const start = before.findIndex((line) => line.startsWith("const libFiles = [{"));
  const end = before.findIndex((line) => line.startsWith("function getLibFiles()")) + 2;
  expect(after.slice(0, start)).toEqual(before.slice(0, start));
  expect(after.slice(end + 1)).toEqual(before.slice(end + 1));
  // Not the source it was written for: compiled as it is.
  expect(leanCommonSource(source.replace("return libFiles;", "return libFiles.slice();"))).toBeUndefined();
  expect(leanCommonSource(`${source}\nexports.libFiles = libFiles;\n`)).toBeUndefined();
  expect(leanCommonSource(`${source}\nconst libFiles = [{}];\n`)).toBeUndefined();
  expect(leanCommonSource("module.exports = 1;\n")).toBeUndefined();
});
