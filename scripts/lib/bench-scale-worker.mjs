// One measured run for bench-scale (its own process, so peak memory is this run's alone):
//   node bench-scale-worker.mjs <ours|j2t> <schema.json>
// prints one JSON line: { ok, ms, rssMB, outputKB, error }.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const [tool, schemaFile] = process.argv.slice(2);
const report = (fields) => {
  process.stdout.write(JSON.stringify({ ...fields, rssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + "\n");
};

try {
  if (tool === "ours") {
    const { generate } = require(path.join(root, "dist", "generator", "index.js"));
    const { startFormatThread } = require(path.join(root, "dist", "generator", "print", "format-thread.js"));
    // Loading the tool is outside the timing, as for json-schema-to-typescript (whose require loads
    // prettier too): generate() loads ts-morph (and TypeScript) only when it first needs it.
    require(path.join(root, "node_modules", "ts-morph"));
    const started = performance.now();
    // As the CLI runs it: prettier on its worker thread (started inside the timed span).
    const thread = startFormatThread();
    // Every artifact: types, guards, builders, client (an endpoint makes the client), formatted and built (ESM, CJS, .d.ts).
    const result = await generate({ schema: schemaFile, endpoint: "/batch", nameCollisions: "suffix", formatter: thread?.format });
    const ms = performance.now() - started;
    await thread?.close();
    report({ ok: true, ms, outputKB: Math.round(result.files.reduce((n, f) => n + f.contents.length, 0) / 1024) });
  } else {
    const { compile } = require(path.join(root, "node_modules", "json-schema-to-typescript"));
    const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
    const started = performance.now();
    // Types only, every definition (unreachableDefinitions), no banner: its fastest honest setting.
    const ts = await compile(schema, "Synthetic", { bannerComment: "", unreachableDefinitions: true, cwd: path.dirname(schemaFile) });
    const ms = performance.now() - started;
    report({ ok: true, ms, outputKB: Math.round(ts.length / 1024) });
  }
} catch (error) {
  report({ ok: false, error: String(error?.message ?? error).split("\n")[0].slice(0, 120) });
}
