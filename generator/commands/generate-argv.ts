/**
 * generate's options, declared once: cli.ts hands this table to yargs, and readGenerateArgv reads
 * the common command lines from it without yargs (loading yargs and building its parser is ~0.08 s
 * of a cold `generate`, issue 14). The reader takes only lines it is sure of, each option once,
 * with a value that does not start with "-", and valid choices; anything else (help, a typo,
 * `--no-x`, `--x=`, bundled short flags, a conflict, a bad choice) returns undefined and yargs reads
 * the line as before, with its own messages. A test holds the two readers equal.
 */
import { ARTIFACTS } from "../emit/index";
import type { GenerateArgs } from "./generate";

/** One option, in yargs' own terms (the subset used here); no `type`: a string with choices. */
export interface GenerateOption {
  type?: "string" | "boolean" | "array";
  /** With "array": the values stay strings. */
  string?: true;
  alias?: string;
  choices?: readonly string[];
  default?: boolean;
  /** Options that cannot be given together with this one. */
  conflicts?: readonly string[];
  describe: string;
}

/** generate's options by their command-line name (camelCase in GenerateArgs), in the order --help lists them. */
export const GENERATE_OPTIONS: Readonly<Record<string, GenerateOption>> = {
  config: { alias: "c", type: "string", describe: "The config file (default: ./koala-codegen.config.json if present)" },
  schema: { alias: "s", type: "string", describe: "The JSON Schema file (JSON or YAML); replaces the config's schemas" },
  out: { alias: "o", type: "string", describe: "The output package folder (overrides the config's \"out\")" },
  name: { alias: "n", type: "string", describe: "The root type's name; an OpenAPI document's API name, which names its client (default: the schema's title)" },
  emit: { type: "array", string: true, choices: ARTIFACTS, describe: "Artifacts to emit (default: all)" },
  formats: { choices: ["assert", "annotate"], describe: "Whether guards check `format` (default: assert)" },
  "package-name": { type: "string", describe: "The generated package's name" },
  "name-collisions": { choices: ["error", "suffix"], describe: "Two names that become one identifier (user_id, UserId): the later gets a suffix + warning (default), or fail with exit 8" },
  endpoint: { type: "string", describe: "Client: the path the root type is posted to, e.g. /v1/projects/{key}/batch (with --schema)" },
  "client-name": { type: "string", describe: "Client: the factory is create<name>Client (default: the root type's name)" },
  "base-url": { type: "string", describe: "Client: the default base URL (without it, baseUrl is a required option)" },
  "user-agent": { type: "string", describe: "Client: the default User-Agent (default: <package-name>/<version>)" },
  "idempotency-key": { type: "string", describe: "Client: the item property filled with a UUID when missing (none: off; default: found in the schema)" },
  "suspended-error": { type: "array", string: true, describe: 'Client: an error response\'s "error" value that means a permanent suspension' },
  resolve: { type: "array", string: true, describe: "Map a remote URI prefix to a folder: <url-prefix>=<folder>" },
  "allow-network": { type: "boolean", describe: "Fetch http(s) references that --resolve does not map" },
  check: { type: "boolean", conflicts: ["watch"], describe: "Write nothing; exit 1 with a diff if the output is not what would be generated" },
  watch: { alias: "w", type: "boolean", describe: "Regenerate when a schema or the config changes" },
  release: { type: "boolean", conflicts: ["check", "watch"], describe: "Also mark the generated API as released at its version (as the release command)" },
  quiet: { alias: "q", type: "boolean", default: false, describe: "Print nothing but errors (and --check's diff)" },
  verbose: { type: "boolean", describe: "Print the stamps, idempotency keys and short builders found from property names (or set by the config), and where" },
};

const BY_ALIAS = new Map<string, string>(Object.entries(GENERATE_OPTIONS).flatMap(([name, o]) => (o.alias !== undefined ? [[`-${o.alias}`, name] as [string, string]] : [])));

/** `generate ...` as GenerateArgs, or undefined when yargs should read it. */
export function readGenerateArgv(args: readonly string[]): GenerateArgs | undefined {
  if (args[0] !== "generate") return undefined;
  const values: Record<string, string | string[] | boolean> = {};
  for (let i = 1; i < args.length; i++) {
    const token = args[i]!;
    const name = token.startsWith("--") ? token.slice(2) : BY_ALIAS.get(token);
    const option = name !== undefined ? GENERATE_OPTIONS[name] : undefined;
    if (name === undefined || option === undefined || name in values) return undefined;
    if (option.type === "boolean") {
      values[name] = true;
      continue;
    }
    const taken: string[] = [];
    while (i + 1 < args.length && isValue(args[i + 1]!) && (option.type === "array" || taken.length === 0)) taken.push(args[++i]!);
    if (taken.length === 0 || (option.choices && !taken.every((v) => option.choices!.includes(v)))) return undefined;
    values[name] = option.type === "array" ? taken : taken[0]!;
  }
  for (const name of Object.keys(values)) if (GENERATE_OPTIONS[name]!.conflicts?.some((other) => other in values)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(GENERATE_OPTIONS)) if (option.default !== undefined) out[camelCase(name)] = option.default;
  for (const [name, value] of Object.entries(values)) out[camelCase(name)] = value;
  return out as GenerateArgs;
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** A value yargs would take as such: not an option, not empty. */
function isValue(token: string): boolean {
  return token !== "" && !token.startsWith("-");
}
