#!/usr/bin/env node
/**
 * The command line: arguments → generate() → write. A thin shell; every decision is in generate().
 * Errors print one line (file and JSON pointer or line:column) and exit with the error's own code.
 */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { ExitCode, isCodegenError } from "./errors";
import type { Artifact, ClientEmitOptions } from "./emit/emitter";

const ARTIFACT_CHOICES: Artifact[] = ["types", "guards", "builders", "client"];

function parseResolve(values: string[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.indexOf("=");
    if (at <= 0) throw new UsageError(`--resolve expects <url-prefix>=<folder>, got "${value}"`);
    map[value.slice(0, at)] = value.slice(at + 1);
  }
  return map;
}

/** The client flags as ClientEmitOptions; `--idempotency-key none` turns the key off. */
function clientOptions(argv: { clientName?: string; baseUrl?: string; userAgent?: string; idempotencyKey?: string; suspendedError?: string[] }): ClientEmitOptions {
  const options: ClientEmitOptions = {};
  if (argv.clientName !== undefined) options.name = argv.clientName;
  if (argv.baseUrl !== undefined) options.baseUrl = argv.baseUrl;
  if (argv.userAgent !== undefined) options.userAgent = argv.userAgent;
  if (argv.idempotencyKey !== undefined) options.idempotencyKey = argv.idempotencyKey === "none" ? false : argv.idempotencyKey;
  if (argv.suspendedError !== undefined) options.suspendedErrors = argv.suspendedError;
  return options;
}

async function runGenerate(argv: {
  schema: string;
  out: string;
  name?: string;
  emit?: Artifact[];
  formats: "assert" | "annotate";
  packageName?: string;
  endpoint?: string;
  clientName?: string;
  baseUrl?: string;
  userAgent?: string;
  idempotencyKey?: string;
  suspendedError?: string[];
  resolve?: string[];
  allowNetwork: boolean;
  quiet: boolean;
}): Promise<number> {
  const started = process.hrtime.bigint();
  const { generate } = await import("./index");
  const { writeOutput } = await import("./write/write-output");
  const result = await generate({
    schema: argv.schema,
    name: argv.name,
    emit: argv.emit,
    formats: argv.formats,
    packageName: argv.packageName,
    endpoint: argv.endpoint,
    client: clientOptions(argv),
    resolve: parseResolve(argv.resolve),
    allowNetwork: argv.allowNetwork,
  });
  for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
  const written = await writeOutput(argv.out, result.files);
  if (!argv.quiet) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(
      `${argv.out}: ${written.written.length} written, ${written.unchanged.length} unchanged, ${written.removed.length} removed; ` +
        `${result.model.types.length} types in ${ms.toFixed(0)} ms\n`,
    );
  }
  return ExitCode.ok;
}

export async function main(args: string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const parser = yargs(args)
    .scriptName("koala-codegen")
    .usage("$0 <command> [options]")
    .command(
      "generate",
      "Generate the TypeScript package (types, guards, builders, client) for a JSON Schema",
      (y) =>
        y
          .option("schema", { alias: "s", type: "string", demandOption: true, describe: "The JSON Schema file (JSON or YAML)" })
          .option("out", { alias: "o", type: "string", demandOption: true, describe: "The output package folder" })
          .option("name", { alias: "n", type: "string", describe: "The root type's name (default: the schema's title)" })
          .option("emit", { type: "array", string: true, choices: ARTIFACT_CHOICES, describe: "Artifacts to emit (default: all)" })
          .option("formats", { choices: ["assert", "annotate"] as const, default: "assert" as const, describe: "Whether guards check `format`" })
          .option("package-name", { type: "string", describe: "The generated package's name" })
          .option("endpoint", { type: "string", describe: "Client: the path the root type is posted to, e.g. /v1/projects/{key}/batch" })
          .option("client-name", { type: "string", describe: "Client: the factory is create<name>Client (default: the root type's name)" })
          .option("base-url", { type: "string", describe: "Client: the default base URL (without it, baseUrl is a required option)" })
          .option("user-agent", { type: "string", describe: "Client: the default User-Agent (default: <package-name>/<version>)" })
          .option("idempotency-key", { type: "string", describe: "Client: the item property filled with a UUID when missing (none: off; default: found in the schema)" })
          .option("suspended-error", { type: "array", string: true, describe: 'Client: an error response\'s "error" value that means a permanent suspension' })
          .option("resolve", { type: "array", string: true, describe: "Map a remote URI prefix to a folder: <url-prefix>=<folder>" })
          .option("allow-network", { type: "boolean", default: false, describe: "Fetch http(s) references that --resolve does not map" })
          .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print nothing but errors" })
          .example("$0 generate --schema schemas/koala.schema.json --out generated/koala", "Generate everything")
          .example("$0 generate -s api.json -o src/gen --name Event --emit types guards", "Only types and guards, root named Event"),
      async (argv) => {
        exitCode = await runGenerate(argv as never);
      },
    )
    .command(
      "mock-server",
      "Run a local Koala-compatible ingestion server (validation, dedupe, fault injection) on 127.0.0.1",
      (y) =>
        y
          .option("port", { alias: "p", type: "number", default: 0, describe: "Port (0: any free port)" })
          .option("host", { type: "string", default: "127.0.0.1", describe: "Interface to listen on" })
          .option("schema", { alias: "s", type: "string", describe: "The request body's JSON Schema (default: the bundled Koala profile batch schema)" })
          .option("endpoint", { type: "string", describe: "The POST path template (default: /web/projects/{publicKey}/batch)" })
          .option("fault-rate", { type: "number", default: 0, describe: "Share of requests that get a fault, 0..1" })
          .option("faults", { type: "array", string: true, describe: "Fault kinds: 500 503 429 reset-before reset-after delay (default: all)" })
          .option("seed", { type: "number", default: 1, describe: "Seed of the fault choice" })
          .option("retry-after", { type: "number", default: 1, describe: "Retry-After of a 429, in seconds" })
          .option("delay-ms", { type: "number", default: 200, describe: "How long a delay fault holds the answer" })
          .option("validate", { type: "boolean", default: true, describe: "Validate bodies with the schema's generated guard (--no-validate: accept any JSON)" })
          .option("suspended", { type: "boolean", default: false, describe: 'Answer everything with 400 {"error":"Koala ingest suspended"}' })
          .example("$0 mock-server --port 4000 --fault-rate 0.2 --seed 7", "Serve on :4000, fail 20% of requests"),
      async (argv) => {
        const { runMockServer } = await import("./mock-server/run");
        exitCode = await runMockServer(argv as never);
      },
    )
    .demandCommand(1, "Name a command: generate, mock-server")
    .strict()
    .help()
    .alias("help", "h")
    .version(false)
    .wrap(Math.min(110, process.stdout.columns || 110))
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(message);
    });
  await parser.parseAsync();
  return exitCode;
}

class UsageError extends Error {}

if (require.main === module) {
  main(hideBin(process.argv)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (isCodegenError(error)) {
        process.stderr.write(`koala-codegen: ${error.format()}\n`);
        process.exitCode = error.exitCode;
      } else if (error instanceof UsageError) {
        process.stderr.write(`koala-codegen: ${error.message}\nRun koala-codegen --help for usage.\n`);
        process.exitCode = ExitCode.usage;
      } else {
        process.stderr.write(`koala-codegen: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = ExitCode.internal;
      }
    },
  );
}
