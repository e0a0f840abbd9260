/**
 * `koala-codegen generate`: config file + flags → generate() → write (or `--check`, or `--watch`).
 * Flags override the config; `--schema` replaces the config's schema list with that one schema.
 */
import * as path from "node:path";
import type { ClientEmitOptions } from "../emit/emitter";
import type { Artifact } from "../emit/index";
import { CodegenError } from "../errors";
import type { GenerateOptions, GenerateResult } from "../pipeline/options";
import { findConfig, loadConfig, type LoadedConfig } from "../config/config";
import { paint } from "./output";
import { displayPath } from "../paths";

export interface GenerateArgs {
  config?: string;
  schema?: string;
  out?: string;
  name?: string;
  emit?: Artifact[];
  formats?: "assert" | "annotate";
  packageName?: string;
  nameCollisions?: "error" | "suffix";
  resolve?: string[];
  allowNetwork?: boolean;
  endpoint?: string;
  clientName?: string;
  baseUrl?: string;
  userAgent?: string;
  idempotencyKey?: string;
  suspendedError?: string[];
  check?: boolean;
  watch?: boolean;
  /** Mark the generated API as released at its version (`koala-codegen release`). */
  release?: boolean;
  quiet?: boolean;
  /** Print the stamps, idempotency keys and short builders found (or set by the config), and where. */
  verbose?: boolean;
}

/** What one run needs: the generate() options, the output folder, and the files a watch must follow. */
export interface GeneratePlan {
  options: GenerateOptions;
  out: string;
  /** The output folder as shown to people (relative to the working folder when inside it). */
  outDisplay: string;
  config?: LoadedConfig;
  /** Config and schema files, absolute. */
  inputs: string[];
}

/** Merges the config file (if any) and the flags into one plan. */
export async function planGenerate(args: GenerateArgs, cwd: string = process.cwd()): Promise<GeneratePlan> {
  const configFile = findConfig(args.config, cwd);
  const config = configFile ? await loadConfig(configFile, displayPath(configFile, cwd)) : undefined;
  const outAbsolute = args.out !== undefined ? path.resolve(cwd, args.out) : config?.out;
  if (outAbsolute === undefined) throw new CodegenError("usage", "no output folder: give --out, or \"out\" in koala-codegen.config.json");
  const flagResolve = parseResolve(args.resolve, cwd);
  const resolve = { ...(config?.resolve ?? {}), ...flagResolve };

  let schemas: NonNullable<GenerateOptions["schemas"]>;
  if (args.schema !== undefined) {
    schemas = [{ schema: args.schema, name: args.name, endpoint: args.endpoint }];
  } else if (config) {
    for (const [flag, value] of [["--name", args.name], ["--endpoint", args.endpoint]] as const) {
      if (value !== undefined && config.schemas.length > 1) {
        throw new CodegenError("usage", `${flag} is for one schema, but ${displayPath(config.file, cwd)} has ${config.schemas.length}: set it per schema there`);
      }
    }
    schemas = config.schemas.map((s) => ({
      schema: displayPath(s.path, cwd),
      name: args.name ?? s.name,
      endpoint: args.endpoint ?? s.endpoint,
      emit: args.emit ?? s.emit,
    }));
  } else {
    throw new CodegenError("usage", "no schema: give --schema <file>, or a koala-codegen.config.json in this folder (or --config <file>)");
  }
  const options: GenerateOptions = {
    schemas,
    emit: args.emit,
    formats: args.formats ?? config?.formats,
    packageName: args.packageName ?? config?.packageName,
    nameCollisions: args.nameCollisions ?? config?.nameCollisions,
    client: clientOptions(args, config?.client),
    stamps: config?.stamps,
    shortBuilders: config?.shortBuilders,
    resolve,
    allowNetwork: args.allowNetwork || config?.allowNetwork || false,
    cwd,
  };
  const inputs = [...(config ? [config.file] : []), ...schemas.map((s) => path.resolve(cwd, s.schema as string))];
  return { options, out: outAbsolute, outDisplay: displayPath(outAbsolute, cwd), config, inputs };
}

/** The heuristics the config turns off, by their config key. */
function turnedOff(options: GenerateOptions): string[] {
  const off: string[] = [];
  if (options.stamps === false) off.push("stamps");
  else for (const key of ["idempotencyKey", "timestamp"] as const) if (options.stamps?.[key] === false) off.push(`stamps.${key}`);
  if (options.client?.idempotencyKey === false) off.push("client.idempotencyKey");
  if (options.shortBuilders === false) off.push("shortBuilders");
  return off;
}

/** One generation: check or write, with the summary line. Returns the exit code; `onResult` sees what was generated. */
export async function runOnce(args: GenerateArgs, plan: GeneratePlan, onResult?: (result: GenerateResult) => void): Promise<number> {
  const started = process.hrtime.bigint();
  const { generate } = await import("../pipeline/generate");
  const { readPrevious } = await import("../release/previous");
  const { runningFormatThread } = await import("../print/format-thread");
  const thread = runningFormatThread();
  const result: GenerateResult = await generate({ ...plan.options, release: args.release, previous: await readPrevious(plan.out), cacheDir: cacheDir(), formatter: thread?.format, thread, reportHeuristics: args.verbose === true });
  onResult?.(result);
  for (const warning of result.warnings) process.stderr.write(`${paint.yellow("warning:", process.stderr)} ${warning}\n`);
  if (result.heuristics) {
    const { heuristicLine } = await import("../emit/heuristics");
    for (const h of result.heuristics) process.stderr.write(`${paint.cyan("heuristic:", process.stderr)} ${heuristicLine(h, h.where)}\n`);
    for (const off of turnedOff(plan.options)) process.stderr.write(`${paint.cyan("heuristic:", process.stderr)} ${off}: off (set to false)\n`);
  }
  const ms = (): string => `${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`;
  const schemas = result.model.roots?.length ?? 1;
  const types = result.model.types.length;
  const what = `${schemas} schema${schemas === 1 ? "" : "s"}, ${types} type${types === 1 ? "" : "s"}`;

  if (args.check) {
    const { checkOutput, driftCount } = await import("../write/check-output");
    const check = await checkOutput(plan.out, result.files, plan.outDisplay);
    const drifted = driftCount(check);
    if (drifted === 0) {
      if (!args.quiet) process.stdout.write(`${paint.green(plan.outDisplay)}: up to date (${check.total} files; ${what}) in ${ms()}\n`);
      return 0;
    }
    process.stdout.write(check.patch);
    const list = [...check.changed, ...check.missing.map((p) => `${p} (missing)`), ...check.extra.map((p) => `${p} (not generated)`)];
    const shown = list.slice(0, 5).join(", ") + (list.length > 5 ? `, and ${list.length - 5} more` : "");
    process.stderr.write(`${paint.red(plan.outDisplay, process.stderr)}: ${drifted} file${drifted === 1 ? "" : "s"} out of date (${shown}); run koala-codegen generate\n`);
    return 1;
  }

  const { writeOutput } = await import("../write/write-output");
  const written = await writeOutput(plan.out, result.files, plan.outDisplay);
  (await import("../pipeline/timings")).mark("written");
  if (!args.quiet) {
    const release = versionSummary(result.release, args.release === true);
    process.stdout.write(
      `${paint.green(plan.outDisplay)}: ${written.written.length} written, ${written.unchanged.length} unchanged, ${written.removed.length} removed; ` +
        `${what}${release} in ${ms()}\n`,
    );
  }
  return 0;
}

/** "; version 0.2.0 (unreleased: major change since 0.1.0)", "; released 0.2.0 (...)", or "; version 0.1.0" with nothing pending. */
function versionSummary(release: GenerateResult["release"], asked: boolean): string {
  const { version, since, pending, releasedNow, bump } = release;
  const step = since !== undefined && bump !== "none" ? `${bump} change since ${since}` : "";
  if (releasedNow) return `; released ${version}${step ? ` (${step})` : ""}`;
  if (asked) return `; version ${version} (already released, nothing to release)`;
  return `; version ${version}${pending && step ? ` (unreleased: ${step})` : ""}`;
}

/** The config's `client` settings with the client flags over them; `--idempotency-key none` turns the key off. */
function clientOptions(args: GenerateArgs, fromConfig: ClientEmitOptions | undefined): ClientEmitOptions {
  const options: ClientEmitOptions = { ...fromConfig };
  if (args.clientName !== undefined) options.name = args.clientName;
  if (args.baseUrl !== undefined) options.baseUrl = args.baseUrl;
  if (args.userAgent !== undefined) options.userAgent = args.userAgent;
  if (args.idempotencyKey !== undefined) options.idempotencyKey = args.idempotencyKey === "none" ? false : args.idempotencyKey;
  if (args.suspendedError !== undefined) options.suspendedErrors = args.suspendedError;
  return options;
}

function parseResolve(values: string[] | undefined, cwd: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.indexOf("=");
    if (at <= 0) throw new CodegenError("usage", `--resolve expects <url-prefix>=<folder>, got "${value}"`);
    map[value.slice(0, at)] = path.resolve(cwd, value.slice(at + 1));
  }
  return map;
}


/**
 * Where the CLI keeps prettier/TypeScript results (see print/cache.ts): node_modules/.cache/koala-codegen
 * under the working folder, like other build tools; KOALA_CODEGEN_CACHE=0 turns it off, any other value is the folder.
 */
function cacheDir(): string | undefined {
  const setting = process.env.KOALA_CODEGEN_CACHE;
  if (setting === "0" || setting === "false") return undefined;
  if (setting) return path.resolve(setting);
  return path.resolve("node_modules", ".cache", "koala-codegen");
}
