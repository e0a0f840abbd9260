/**
 * `koala-codegen.config.json`: several schemas into one package, checked field by field. Every
 * mistake is reported (one line each: the config file and the JSON pointer of the bad value), not
 * just the first, so a user fixes the file in one pass.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import type { ClientEmitOptions, ShortBuilderSettings, StampSettings } from "../emit/emitter";
import { ARTIFACTS, type Artifact } from "../emit/index";
import { CodegenError } from "../errors";
import { parseJson } from "../load/parse-json";

export const CONFIG_FILE = "koala-codegen.config.json";

/** One schema of the package, as written in the config (paths relative to the config file). */
export interface SchemaConfig {
  /** The schema file (JSON or YAML). */
  path: string;
  /** The root type's name; an OpenAPI document's API name, which names its client (default: the schema's title, else the file name). */
  name?: string;
  /** The path the client method for this root posts to ("/web/projects/{publicApiKey}/batch"). */
  endpoint?: string;
  /** What to emit for this schema (default: all). */
  emit?: Artifact[];
}

export interface CodegenConfig {
  /** The output package folder. */
  out: string;
  schemas: SchemaConfig[];
  packageName?: string;
  formats?: "assert" | "annotate";
  /** Two names that become one identifier: `"suffix"` (default, with a warning) or `"error"` (exit 8). */
  nameCollisions?: "error" | "suffix";
  /** Remote URI prefix → local folder, for `$ref`s. */
  resolve?: Record<string, string>;
  allowNetwork?: boolean;
  /** The generated client's name and defaults (as the --client-name, --base-url, ... flags); `idempotencyKey` pins the client's key. */
  client?: ClientEmitOptions;
  /** The properties the builders stamp (`{ "idempotencyKey": "message_id", "timestamp": "sent_at" }`), instead of those found by name; `false`: none. */
  stamps?: StampSettings;
  /** Item type → short builder name (`{ "TrackEvent": "track" }`), instead of the discriminators' values; `false`: none. */
  shortBuilders?: ShortBuilderSettings;
}

/** A loaded config: paths made absolute against the config file's folder. */
export interface LoadedConfig extends CodegenConfig {
  /** The config file as found (absolute). */
  file: string;
}

/** Finds the config: `--config` if given (then it must exist), else `koala-codegen.config.json` in `cwd`, else none. */
export function findConfig(explicit: string | undefined, cwd: string): string | undefined {
  if (explicit !== undefined) return path.resolve(cwd, explicit);
  const candidate = path.join(cwd, CONFIG_FILE);
  return existsSync(candidate) ? candidate : undefined;
}

/** Reads and validates a config file. */
export async function loadConfig(file: string, displayName = file): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CodegenError("fileNotFound", code === "ENOENT" ? `config file not found: ${file}` : `cannot read the config file (${code})`, { file: displayName });
  }
  const config = validateConfig(parseJson(text, displayName), displayName);
  const base = path.dirname(file);
  return {
    ...config,
    file,
    out: path.resolve(base, config.out),
    schemas: config.schemas.map((s) => ({ ...s, path: path.resolve(base, s.path) })),
    resolve: config.resolve && Object.fromEntries(Object.entries(config.resolve).map(([prefix, folder]) => [prefix, path.resolve(base, folder)])),
  };
}

const TOP_KEYS = ["$schema", "out", "schemas", "packageName", "formats", "nameCollisions", "resolve", "allowNetwork", "client", "stamps", "shortBuilders"];
const STAMP_KEYS = ["idempotencyKey", "timestamp"];
const CLIENT_KEYS = ["name", "baseUrl", "userAgent", "idempotencyKey", "suspendedErrors"];
const SCHEMA_KEYS = ["path", "name", "endpoint", "emit"];

/** Checks a parsed config; throws one CodegenError (exit 10) that carries every mistake found. */
export function validateConfig(value: unknown, file: string): CodegenConfig {
  const problems: CodegenError[] = [];
  const problem = (pointer: string, message: string): void => {
    problems.push(new CodegenError("invalidConfig", message, { file, pointer: `#${pointer}` }));
  };
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const nonEmptyString = (v: unknown, pointer: string, what: string): void => {
    if (typeof v !== "string" || v.trim() === "") problem(pointer, `${what} must be a non-empty string, got ${describe(v)}`);
  };
  const unknownKeys = (object: Record<string, unknown>, allowed: string[], pointer: string): void => {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) problem(`${pointer}/${key}`, `unknown key "${key}" (allowed: ${allowed.filter((k) => k !== "$schema").join(", ")})`);
    }
  };

  if (!isObject(value)) {
    problem("", `the config must be a JSON object, got ${describe(value)}`);
    throw aggregate(problems);
  }
  unknownKeys(value, TOP_KEYS, "");
  nonEmptyString(value.out, "/out", `"out" (the output folder)`);
  if (value.packageName !== undefined) nonEmptyString(value.packageName, "/packageName", `"packageName"`);
  if (value.formats !== undefined && value.formats !== "assert" && value.formats !== "annotate") {
    problem("/formats", `"formats" must be "assert" or "annotate", got ${JSON.stringify(value.formats)}`);
  }
  if (value.nameCollisions !== undefined && value.nameCollisions !== "error" && value.nameCollisions !== "suffix") {
    problem("/nameCollisions", `"nameCollisions" must be "error" or "suffix", got ${JSON.stringify(value.nameCollisions)}`);
  }
  if (value.allowNetwork !== undefined && typeof value.allowNetwork !== "boolean") problem("/allowNetwork", `"allowNetwork" must be a boolean, got ${describe(value.allowNetwork)}`);
  if (value.resolve !== undefined) {
    if (!isObject(value.resolve)) problem("/resolve", `"resolve" must be an object of URI prefix → folder, got ${describe(value.resolve)}`);
    else for (const [prefix, folder] of Object.entries(value.resolve)) nonEmptyString(folder, `/resolve/${escape(prefix)}`, `the folder for "${prefix}"`);
  }

  if (value.client !== undefined) {
    const client = value.client;
    if (!isObject(client)) problem("/client", `"client" must be an object { ${CLIENT_KEYS.join(", ")} }, got ${describe(client)}`);
    else {
      unknownKeys(client, CLIENT_KEYS, "/client");
      for (const key of ["name", "baseUrl", "userAgent"]) if (client[key] !== undefined) nonEmptyString(client[key], `/client/${key}`, `"${key}"`);
      if (client.idempotencyKey !== undefined && client.idempotencyKey !== false) nonEmptyString(client.idempotencyKey, "/client/idempotencyKey", `"idempotencyKey" (a property name, or false)`);
      if (client.suspendedErrors !== undefined && (!Array.isArray(client.suspendedErrors) || !client.suspendedErrors.every((e) => typeof e === "string"))) {
        problem("/client/suspendedErrors", `"suspendedErrors" must be an array of strings, got ${describe(client.suspendedErrors)}`);
      }
    }
  }
  if (value.stamps !== undefined && value.stamps !== false) {
    const stamps = value.stamps;
    if (!isObject(stamps)) problem("/stamps", `"stamps" must be false or an object { ${STAMP_KEYS.join(", ")} } of property names (or false), got ${describe(stamps)}`);
    else {
      unknownKeys(stamps, STAMP_KEYS, "/stamps");
      for (const key of STAMP_KEYS) if (stamps[key] !== undefined && stamps[key] !== false) nonEmptyString(stamps[key], `/stamps/${key}`, `"${key}" (a property name, or false)`);
    }
  }
  if (value.shortBuilders !== undefined && value.shortBuilders !== false) {
    const shorts = value.shortBuilders;
    if (!isObject(shorts)) problem("/shortBuilders", `"shortBuilders" must be false or an object of type name → function name, got ${describe(shorts)}`);
    else
      for (const [type, name] of Object.entries(shorts)) {
        if (typeof name !== "string" || !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) problem(`/shortBuilders/${escape(type)}`, `the short builder of "${type}" must be a function name, got ${describe(name)}`);
      }
  }
  if (!Array.isArray(value.schemas) || value.schemas.length === 0) {
    problem("/schemas", `"schemas" must be a non-empty array of { path, name?, endpoint?, emit? }, got ${describe(value.schemas)}`);
  } else {
    const names = new Map<string, number>();
    value.schemas.forEach((entry: unknown, i: number) => {
      const at = `/schemas/${i}`;
      if (!isObject(entry)) return problem(at, `a schema entry must be an object { path, name?, endpoint?, emit? }, got ${describe(entry)}`);
      unknownKeys(entry, SCHEMA_KEYS, at);
      nonEmptyString(entry.path, `${at}/path`, `"path" (the schema file)`);
      if (entry.name !== undefined) {
        nonEmptyString(entry.name, `${at}/name`, `"name"`);
        if (typeof entry.name === "string") {
          const first = names.get(entry.name);
          if (first !== undefined) problem(`${at}/name`, `root name "${entry.name}" is already used by /schemas/${first}`);
          else names.set(entry.name, i);
        }
      }
      if (entry.endpoint !== undefined && (typeof entry.endpoint !== "string" || !entry.endpoint.startsWith("/"))) {
        problem(`${at}/endpoint`, `"endpoint" must be a path starting with "/", got ${JSON.stringify(entry.endpoint)}`);
      }
      if (entry.emit !== undefined) {
        if (!Array.isArray(entry.emit) || entry.emit.length === 0) problem(`${at}/emit`, `"emit" must be a non-empty array of ${ARTIFACTS.join(", ")}, got ${describe(entry.emit)}`);
        else
          entry.emit.forEach((artifact: unknown, j: number) => {
            if (!(ARTIFACTS as readonly unknown[]).includes(artifact)) problem(`${at}/emit/${j}`, `unknown artifact ${JSON.stringify(artifact)} (one of ${ARTIFACTS.join(", ")})`);
          });
      }
    });
  }
  if (problems.length > 0) throw aggregate(problems);
  return value as unknown as CodegenConfig;
}

/** The first problem, carrying the rest in `also`, so the CLI prints each on its own line. */
function aggregate(problems: CodegenError[]): CodegenError {
  const [first, ...rest] = problems;
  first!.also.push(...rest);
  return first!;
}

function escape(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty array" : "an array";
  if (typeof value === "string") return JSON.stringify(value);
  // "an object", not "a object" (the same slip as the schema reader's, found on codat.io/accounting).
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
