/**
 * V8's compile cache: the bytecode of every module loaded after this one (the CLI's bundle, ts-morph,
 * prettier; TypeScript when a run uses it) is kept on disk and reused by the next run.
 * Loaded first by the koala-codegen command, dist/generator/cli.js, which then loads the CLI's bundle
 * (scripts/bundle-cli.ts; the library never changes how the caller's process loads modules);
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off, NODE_COMPILE_CACHE names the folder.
 *
 * - Node 22.1+: Node's own (`module.enableCompileCache()`), in its default folder
 *   (`node-compile-cache` under os.tmpdir()).
 * - Node 20: the same done here with `vm.Script`'s cachedData, in `koala-codegen-compile-cache`
 *   under os.tmpdir(). The cache is made at exit, after the run, so it holds the functions the run
 *   compiled lazily too, not only each module's top level: v8-compile-cache(-lib), which caches at
 *   compile time, measured no gain on a cold `generate`; this takes a third off its CPU time.
 *   One file per module path, named by its sha256, that starts with the module's size,
 *   modification time and inode: an entry is used only when they match (a changed module is never
 *   given another's code; V8 itself checks only the length), and a changed module's new entry
 *   replaces the old one, so upgrades and rebuilds do not pile up megabytes of dead entries.
 *   Written whole and renamed into place (two processes at once each write a complete entry).
 *   Not keyed by a hash of the text: hashing TypeScript's 9 MB on every run was a tenth of a cold start.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import nodeModule from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";
import { withCompileFlags } from "./tier-up";

const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
const disabled = process.env.NODE_DISABLE_COMPILE_CACHE !== undefined && process.env.NODE_DISABLE_COMPILE_CACHE !== "";
/** Modules compiled without a usable cache entry (Node 20): their entries are written at exit, or by saveCodeCache(). */
const missed: { file: string; identity: string; script: vm.Script }[] = [];
if (typeof enableCompileCache === "function") enableCompileCache();
else if (!disabled) installCodeCache(process.env.NODE_COMPILE_CACHE || path.join(os.tmpdir(), "koala-codegen-compile-cache", process.versions.v8));

/**
 * Writes the entries of the modules compiled so far now (Node 20; the exit does it otherwise). For
 * the prettier worker thread, which is ended, not exited: it saves after its first format.
 */
export function saveCodeCache(): void {
  for (const { file, identity, script } of missed.splice(0)) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      const head = Buffer.from(identity, "utf8");
      const length = Buffer.alloc(4);
      length.writeUInt32LE(head.length);
      // Under the flags the module was compiled with (tier-up.ts): V8 rejects cached data made under others.
      writeFileSync(temp, Buffer.concat([length, head, withCompileFlags(() => script.createCachedData())]));
      renameSync(temp, file);
    } catch {
      // Not kept (read-only or full disk): the next run compiles as usual.
    }
  }
}

/**
 * What tells this version of a module file from any other: its size, modification time and inode
 * (with the length of the text Node read, should a loader have changed it); its text when the file
 * cannot be stat'ed.
 */
function fileIdentity(filename: string, content: string): string {
  try {
    const stat = statSync(filename, { bigint: true });
    return `${stat.size}\0${stat.mtimeNs}\0${stat.ino}\0${content.length}`;
  } catch {
    return content;
  }
}

/** The code cache in an entry (see the file comment), if the entry was made for this `identity`. */
function entryFor(entry: Buffer, identity: string): Buffer | undefined {
  if (entry.length < 4) return undefined;
  const end = 4 + entry.readUInt32LE(0);
  return end <= entry.length && entry.toString("utf8", 4, end) === identity ? entry.subarray(end) : undefined;
}

/** Node's internals that a CommonJS module's `require` is made of (not in @types/node). */
interface ModuleInternals {
  _compile(content: string, filename: string, format?: string): unknown;
  require(id: string): unknown;
}
type ModuleStatics = {
  prototype: ModuleInternals;
  wrap(content: string): string;
  _resolveFilename(request: string, parent: ModuleInternals, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: ModuleInternals): string[] | null;
  _extensions: unknown;
  _cache: unknown;
};

function installCodeCache(folder: string): void {
  // Dynamic `import()` inside a module compiled here resolves as it would without the cache (where this Node has that option; else no cache).
  const importModuleDynamically = (vm.constants as unknown as { USE_MAIN_CONTEXT_DEFAULT_LOADER?: symbol } | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (importModuleDynamically === undefined) return;
  const Module = nodeModule as unknown as ModuleStatics;
  const main = require.main;

  const nodeCompile = Module.prototype._compile;
  Module.prototype._compile = function compile(this: ModuleInternals, content: string, filename: string, format?: string): unknown {
    // An ES module loaded by `require()` (Node 20.19+) is Node's to load.
    if (format !== undefined && format !== "commonjs") return nodeCompile.call(this, content, filename, format);
    // Node strips a `#!` line itself; kept as an empty line, so line numbers stay right.
    const source = Module.wrap(content.startsWith("#!") ? content.replace(/^#!.*/, "") : content);
    const file = path.join(folder, `${createHash("sha256").update(filename).digest("hex")}.bin`);
    const identity = fileIdentity(filename, content);
    let cachedData: Buffer | undefined;
    try {
      cachedData = entryFor(readFileSync(file), identity);
    } catch {
      // Not cached yet.
    }
    let script: vm.Script;
    try {
      // Under the flags the entry was made with (withCompileFlags, as saveCodeCache makes it): V8
      // takes cached data only if the flags match, and a module loaded once TurboFan is on again
      // (tier-up.ts: after the first second, when a large document's worker loads prettier and
      // ts-morph) had its entry rejected, compiled from scratch and written anew on every run.
      script = withCompileFlags(() => new vm.Script(source, { filename, cachedData, importModuleDynamically: importModuleDynamically as never }));
    } catch {
      // Not CommonJS as written (ES module syntax in a `.js` file, a syntax error): Node's own path decides and reports.
      return nodeCompile.call(this, content, filename, format);
    }
    if (cachedData === undefined || script.cachedDataRejected === true) missed.push({ file, identity, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const moduleRequire = Object.assign((id: string) => this.require(id), {
      resolve: Object.assign((request: string, options?: unknown) => Module._resolveFilename(request, this, false, options), {
        paths: (request: string) => Module._resolveLookupPaths(request, this),
      }),
      main,
      extensions: Module._extensions,
      cache: Module._cache,
    });
    const exports = (this as unknown as { exports: unknown }).exports;
    return wrapper.call(exports, exports, moduleRequire, this, filename, path.dirname(filename));
  };

  process.once("exit", saveCodeCache);
}
