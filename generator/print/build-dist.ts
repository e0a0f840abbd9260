/**
 * The generated package's `dist/`: ESM and CommonJS (esbuild, print/scripts.ts) and the `.d.ts`
 * files for every source, each result kept in the step cache by content. Split in two calls so
 * generate() can settle the declarations while prettier formats the sources on another thread: a
 * declaration does not depend on formatting, the JavaScript is built from the formatted source.
 * Most declarations are stated by their emitters; TypeScript derives the rest (print/declarations.ts).
 * Templates come prebuilt from `npm run build` (print/template-builds.ts).
 */
import type { StepCache } from "./cache";
import { shareWork } from "./claim";
import { copyText } from "./moved-texts";
import { runningFormatThread } from "./format-thread";
import { plainScripts } from "./plain-scripts";
import { PRETTIER_SIZE_LIMIT } from "./reindent";
import { headerOf, printScripts, transformScripts, type Scripts, type StatedScript } from "./scripts";
import { prebuiltTemplate } from "./template-builds";

/** dist/cjs/package.json: makes the `.js` files below it CommonJS inside a `"type": "module"` package. */
const CJS_PACKAGE_JSON = `{\n  "type": "commonjs"\n}\n`;

export interface DistFile {
  path: string;
  contents: string;
}

/** A module whose `.d.ts` is derived from its source. */
export interface DeclarationInput {
  /** Relative to `src/` ("runtime/formats.ts"). */
  path: string;
  source: string;
}

const TYPESCRIPT = ["typescript"];
const ESBUILD = ["esbuild"];

/** The `.d.ts` text of each module, in order: prebuilt (templates), cached, or derived now. */
export async function buildDeclarations(modules: readonly DeclarationInput[], cache: StepCache): Promise<string[]> {
  return Promise.all(
    modules.map(async ({ path, source }) => {
      const prebuilt = prebuiltTemplate(path, source);
      if (prebuilt !== undefined) return prebuilt.declaration;
      return cache.get("declarations", TYPESCRIPT, path, source, async () => {
        // TypeScript is loaded only when something is to be derived.
        return (await import("./declarations")).declarationOf({ path, source });
      }, isString);
    }),
  );
}

/**
 * One source's JavaScript: prebuilt (a template, given as `template`: its text without the
 * header), cached, or from esbuild. generate() calls it for each source as soon as that source is
 * formatted, so esbuild's process works while this thread goes on.
 */
export function buildScripts(source: DistFile, cache: StepCache, template?: string, takeBack: (() => void)[] = []): Promise<Scripts> {
  const path = source.path.replace(/^src\//, "");
  const header = headerOf(source.contents);
  const withHeader = (scripts: Scripts): Scripts => ({ esm: `${header}${scripts.esm}`, cjs: `${header}${scripts.cjs}` });
  const prebuilt = template !== undefined ? prebuiltTemplate(path, template) : undefined;
  if (prebuilt !== undefined) return Promise.resolve(withHeader(prebuilt));
  // esbuild drops the header's comments (put back above): keyed on the code after it, the cache
  // still holds a module whose header alone changed (it names the generator's version and the schema files).
  const body = source.contents.slice(header.length);
  // Types only, or index.ts's re-exports: written as esbuild would (print/plain-scripts.ts), without it.
  const plain = plainScripts(path, body);
  if (plain !== undefined) return Promise.resolve(withHeader(plain));
  const cached = cache.read("scripts", ESBUILD, path, body, isScripts);
  if (cached !== undefined) return Promise.resolve(withHeader(cached));
  // Sent before this returns (nothing awaited above). A large module goes through the CLI's worker
  // thread, idle by then (large modules skip prettier): this thread, busy emitting the next modules,
  // would pass megabytes to esbuild's process only when it is done.
  const thread = body.length > PRETTIER_SIZE_LIMIT ? runningFormatThread() : undefined;
  // `takeBack`: this thread sends it to esbuild itself once idle, should that thread still be busy (print/claim.ts).
  const here = (): Promise<Scripts> => transformScripts([{ path, source: body }]).then(([scripts]) => scripts!);
  const built = thread !== undefined ? shareWork((flag) => thread.buildScripts(path, body, flag), here, takeBack) : here();
  return built.then((scripts) => {
    const again = headerOf(body).length;
    const code = { esm: scripts.esm.slice(again), cjs: scripts.cjs.slice(again) };
    cache.write("scripts", ESBUILD, path, body, code);
    return withHeader(code);
  });
}

/**
 * The JavaScript of a module whose emitter states it (EmittedModule.javascript, guards.ts): written
 * from the emitter's code (print/scripts.ts, printScripts) rather than compiled from `source`, its
 * printed TypeScript, of which it takes the header. No step cache: writing it is cheaper than
 * hashing the source. A large module's is written on the CLI's worker thread, idle by then (large
 * modules skip prettier), while this thread emits the next modules; a small one's here at once.
 */
export function buildStatedScripts(source: DistFile, script: StatedScript, takeBack: (() => void)[] = []): Promise<Scripts> {
  const header = headerOf(source.contents);
  const thread = source.contents.length > PRETTIER_SIZE_LIMIT ? runningFormatThread() : undefined;
  // One of a few megabytes (stripe's builders.ts and operations.ts, 1 MB each) queues there behind
  // the guards' JavaScript: this thread writes it should it be idle first (print/claim.ts). Not the
  // guards' (9 MB on stripe), measured 2-3 times slower here, where the heap is large by then.
  if (thread !== undefined && source.contents.length <= STATED_TAKEN_BACK_LIMIT) {
    return shareWork((flag) => thread.printScripts(header, script, flag), () => printScripts(header, script), takeBack);
  }
  if (thread !== undefined) return thread.printScripts(header, script);
  try {
    return Promise.resolve(printScripts(header, script));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The largest module whose stated JavaScript the main thread may write in the other thread's stead (see buildStatedScripts). */
export const STATED_TAKEN_BACK_LIMIT = 4 * 1024 * 1024;

/**
 * esbuild's output for a module of types only: what `export {};` gives (test/print/build-dist.test.ts
 * holds the two equal on every such module of the committed packages). Such a module has no
 * JavaScript but the module frame (ESM: nothing; CommonJS: the `__toCommonJS` of an empty exports
 * object, named after the file), so its megabytes of types (stripe's types.ts: 1.9 MB, twice) need
 * not be parsed to learn that.
 */
export const TYPES_ONLY_MODULE = "export {};\n";

/**
 * The JavaScript of a module of types only (EmittedModule.typesOnly), from its header
 * and TYPES_ONLY_MODULE: it does not wait for the module to be formatted, nor reads its body.
 */
export function buildTypesOnlyScripts(source: DistFile, cache: StepCache): Promise<Scripts> {
  return buildScripts({ path: source.path, contents: `${headerOf(source.contents)}${TYPES_ONLY_MODULE}` }, cache);
}

/** `dist/esm` and `dist/cjs`: each source's JavaScript in both formats next to its declaration. */
export function distFiles(sources: readonly DistFile[], scripts: readonly Scripts[], declarations: readonly string[]): DistFile[] {
  const out: DistFile[] = [{ path: "dist/cjs/package.json", contents: CJS_PACKAGE_JSON }];
  sources.forEach((source, i) => {
    const js = source.path.replace(/^src\//, "").replace(/\.ts$/, ".js");
    const dts = js.replace(/\.js$/, ".d.ts");
    // The JavaScript as the bytes it came in from the other thread, when it did (print/moved-texts.ts).
    out.push(
      copyText({ path: `dist/esm/${js}` } as DistFile, "contents", scripts[i]!, "esm"),
      { path: `dist/esm/${dts}`, contents: declarations[i]! },
      copyText({ path: `dist/cjs/${js}` } as DistFile, "contents", scripts[i]!, "cjs"),
      { path: `dist/cjs/${dts}`, contents: declarations[i]! },
    );
  });
  return out;
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isScripts(value: unknown): value is Scripts {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.esm === "string" && typeof v.cjs === "string";
}
