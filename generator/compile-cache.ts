/**
 * V8's compile cache, on Node 22.1+: the bytecode of every module loaded after this one (TypeScript,
 * for ts-morph, above all: the largest part of a cold start) is kept on disk and reused by the next
 * run. Node's default folder (`node-compile-cache` under os.tmpdir(), or NODE_COMPILE_CACHE),
 * entries checked against the source's hash; NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node 20 has
 * no such function: nothing happens. Imported first by cli.ts (the library never changes how the
 * caller's process loads modules).
 */
import nodeModule from "node:module";

const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
if (typeof enableCompileCache === "function") enableCompileCache();
