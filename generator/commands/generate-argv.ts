/**
 * The common `generate` command lines read without yargs: loading yargs and building its parser
 * is ~0.08 s of a cold `generate` (issue 14). Only lines this reader is sure of are taken, each
 * option once, with a value that does not start with "-", and valid choices; anything else (help,
 * a typo, `--no-x`, `--x=`, bundled short flags, a conflict, a bad choice) returns undefined and
 * yargs reads the line as before, with its own messages. A test holds the two readers equal.
 */
import { ARTIFACTS } from "../emit/index";
import type { GenerateArgs } from "./generate";

type Kind = "string" | "boolean" | "array";

/** generate's options as cli.ts declares them to yargs: name (camelCase in GenerateArgs), kind, short alias, choices. */
const OPTIONS: Record<string, { kind: Kind; alias?: string; choices?: readonly string[] }> = {
  config: { kind: "string", alias: "c" },
  schema: { kind: "string", alias: "s" },
  out: { kind: "string", alias: "o" },
  name: { kind: "string", alias: "n" },
  emit: { kind: "array", choices: ARTIFACTS },
  formats: { kind: "string", choices: ["assert", "annotate"] },
  "package-name": { kind: "string" },
  "name-collisions": { kind: "string", choices: ["error", "suffix"] },
  endpoint: { kind: "string" },
  "client-name": { kind: "string" },
  "base-url": { kind: "string" },
  "user-agent": { kind: "string" },
  "idempotency-key": { kind: "string" },
  "suspended-error": { kind: "array" },
  resolve: { kind: "array" },
  "allow-network": { kind: "boolean" },
  check: { kind: "boolean" },
  watch: { kind: "boolean", alias: "w" },
  release: { kind: "boolean" },
  quiet: { kind: "boolean", alias: "q" },
  verbose: { kind: "boolean" },
};

const BY_ALIAS = new Map<string, string>(Object.entries(OPTIONS).flatMap(([name, o]) => (o.alias !== undefined ? [[`-${o.alias}`, name] as [string, string]] : [])));

/** `generate ...` as GenerateArgs, or undefined when yargs should read it. */
export function readGenerateArgv(args: readonly string[]): GenerateArgs | undefined {
  if (args[0] !== "generate") return undefined;
  const values: Record<string, string | string[] | boolean> = {};
  for (let i = 1; i < args.length; i++) {
    const token = args[i]!;
    const name = token.startsWith("--") ? token.slice(2) : BY_ALIAS.get(token);
    const option = name !== undefined ? OPTIONS[name] : undefined;
    if (name === undefined || option === undefined || name in values) return undefined;
    if (option.kind === "boolean") {
      values[name] = true;
      continue;
    }
    const taken: string[] = [];
    while (i + 1 < args.length && isValue(args[i + 1]!) && (option.kind === "array" || taken.length === 0)) taken.push(args[++i]!);
    if (taken.length === 0 || (option.choices && !taken.every((v) => option.choices!.includes(v)))) return undefined;
    values[name] = option.kind === "array" ? taken : taken[0]!;
  }
  if (values.check && (values.watch || values.release)) return undefined;
  if (values.watch && values.release) return undefined;
  const out: Record<string, unknown> = { quiet: false };
  for (const [name, value] of Object.entries(values)) out[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  return out as GenerateArgs;
}

/** A value yargs would take as such: not an option, not empty. */
function isValue(token: string): boolean {
  return token !== "" && !token.startsWith("-");
}
