#!/usr/bin/env node
/**
 * The command line: arguments → generate() → write. A thin shell; every decision is in generate().
 * Errors print one line (file and JSON pointer or line:column) and exit with the error's own code.
 */
import "./compile-cache";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { errorLines, ExitCode, isCodegenError } from "./errors";
import { ARTIFACTS } from "./emit/index";
import type { GenerateArgs } from "./commands/generate";
import { paint } from "./commands/output";
import { startFormatThread } from "./print/format-thread";

export async function main(args: string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const parser = yargs(args)
    .scriptName("koala-codegen")
    .usage("$0 <command> [options]")
    .command(
      "generate",
      "Generate the TypeScript package (types, guards, builders, client) for one or more JSON Schemas",
      (y) =>
        y
          .option("config", { alias: "c", type: "string", describe: "The config file (default: ./koala-codegen.config.json if present)" })
          .option("schema", { alias: "s", type: "string", describe: "The JSON Schema file (JSON or YAML); replaces the config's schemas" })
          .option("out", { alias: "o", type: "string", describe: "The output package folder (overrides the config's \"out\")" })
          .option("name", { alias: "n", type: "string", describe: "The root type's name (default: the schema's title)" })
          .option("emit", { type: "array", string: true, choices: ARTIFACTS, describe: "Artifacts to emit (default: all)" })
          .option("formats", { choices: ["assert", "annotate"] as const, describe: "Whether guards check `format` (default: assert)" })
          .option("package-name", { type: "string", describe: "The generated package's name" })
          .option("name-collisions", { choices: ["error", "suffix"] as const, describe: "Two names that become one identifier (user_id, UserId): the later gets a suffix + warning (default), or fail with exit 8" })
          .option("endpoint", { type: "string", describe: "Client: the path the root type is posted to, e.g. /v1/projects/{key}/batch (with --schema)" })
          .option("client-name", { type: "string", describe: "Client: the factory is create<name>Client (default: the root type's name)" })
          .option("base-url", { type: "string", describe: "Client: the default base URL (without it, baseUrl is a required option)" })
          .option("user-agent", { type: "string", describe: "Client: the default User-Agent (default: <package-name>/<version>)" })
          .option("idempotency-key", { type: "string", describe: "Client: the item property filled with a UUID when missing (none: off; default: found in the schema)" })
          .option("suspended-error", { type: "array", string: true, describe: 'Client: an error response\'s "error" value that means a permanent suspension' })
          .option("resolve", { type: "array", string: true, describe: "Map a remote URI prefix to a folder: <url-prefix>=<folder>" })
          .option("allow-network", { type: "boolean", describe: "Fetch http(s) references that --resolve does not map" })
          .option("check", { type: "boolean", describe: "Write nothing; exit 1 with a diff if the output is not what would be generated" })
          .option("watch", { alias: "w", type: "boolean", describe: "Regenerate when a schema or the config changes" })
          .option("release", { type: "boolean", describe: "Also mark the generated API as released at its version (as the release command)" })
          .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print nothing but errors (and --check's diff)" })
          .option("verbose", { type: "boolean", describe: "Print the stamps, idempotency keys and short builders found from property names (or set by the config), and where" })
          .conflicts("check", "watch")
          .conflicts("release", ["check", "watch"])
          .example("$0 generate", "Use ./koala-codegen.config.json")
          .example("$0 generate --check", "In CI: fail with a diff if the committed output is stale")
          .example("$0 generate --watch", "Regenerate on every schema or config change")
          .example("$0 generate --schema schemas/koala.schema.json --out generated/koala", "No config: one schema")
          .example("$0 generate -s api.json -o src/gen --name Event --emit types guards", "Only types and guards, root named Event"),
      async (argv) => {
        const args = argv as unknown as GenerateArgs;
        startFormatThread();
        const { planGenerate, runOnce } = await import("./commands/generate");
        if (args.watch) {
          const { watchGenerate } = await import("./commands/watch");
          exitCode = await watchGenerate(args);
        } else {
          exitCode = await runOnce(args, await planGenerate(args));
        }
      },
    )
    .command(
      "release",
      "Generate, and mark the API as released at its version: the next schema change starts a new version (takes generate's options)",
      // generate's own options, checked by generate: `release` is `generate --release`.
      (y) => y.strict(false).example("$0 release", "After generate: release the pending version (e.g. before npm publish)"),
      async () => {
        const at = args.indexOf("release");
        exitCode = await main(["generate", ...args.slice(0, at), ...args.slice(at + 1), "--release"]);
      },
    )
    .command(
      "mock-server",
      "Serve every operation of an OpenAPI document (or a JSON Schema at an endpoint) on 127.0.0.1: validation, examples or synthesized answers, fault injection",
      (y) =>
        y
          .option("port", { alias: "p", type: "number", default: 0, describe: "Port (0: any free port)" })
          .option("host", { type: "string", default: "127.0.0.1", describe: "Interface to listen on" })
          .option("schema", { alias: "s", type: "string", describe: "An OpenAPI 3.0/3.1 document, or a JSON Schema with --endpoint (default: the config's schemas that have an endpoint)" })
          .option("endpoint", { type: "string", describe: 'With a JSON Schema: where its body is posted, "/path" or "METHOD /path"' })
          .option("config", { alias: "c", type: "string", describe: "The config file (default: ./koala-codegen.config.json if present)" })
          .option("fault-rate", { type: "number", default: 0, describe: "Share of requests that get a fault, 0..1" })
          .option("faults", { type: "array", string: true, describe: "Fault kinds: 500 503 429 reset-before reset-after delay (default: all)" })
          .option("seed", { type: "number", default: 1, describe: "Seed of the fault choice and of synthesized answers" })
          .option("retry-after", { type: "number", default: 1, describe: "Retry-After of a 429, in seconds" })
          .option("delay-ms", { type: "number", default: 200, describe: "How long a delay fault holds the answer" })
          .option("validate", { type: "boolean", default: true, describe: "Check parameters and bodies with their generated guards (--no-validate: accept anything)" })
          .option("examples", { type: "boolean", default: true, describe: "Answer documented examples (--no-examples: always a synthesized value)" })
          .option("answer-all", { type: "string", describe: "Answer every request with STATUS or STATUS:EXAMPLE, e.g. 400:suspended" })
          .option("drop-without-header", { type: "string", describe: "A request without this header gets the success answer and is not stored (e.g. user-agent)" })
          .example("$0 mock-server --schema api.yaml --port 4000 --fault-rate 0.2 --seed 7", "Serve api.yaml on :4000, fail 20% of requests"),
      async (argv) => {
        const { runMockServer } = await import("./mock-server/run");
        exitCode = await runMockServer(argv as never);
      },
    )
    .command(
      "diff <old> <new>",
      "Classify what a schema change does to the generated API (breaking or additive) and the semver bump",
      (y) =>
        y
          .positional("old", { type: "string", demandOption: true, describe: "The schema before the change" })
          .positional("new", { type: "string", demandOption: true, describe: "The schema after the change" })
          .option("name", { alias: "n", type: "string", describe: "The root type's name (default: each schema's title)" })
          .option("json", { type: "boolean", default: false, describe: "Print the changes as JSON" })
          .option("config", { alias: "c", type: "string", describe: "A config whose stamps, client.idempotencyKey and shortBuilders apply to both schemas" })
          .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print only the bump line" })
          .example("$0 diff old.schema.json new.schema.json", "Exit 1 if anything breaks"),
      async (argv) => {
        const { runDiff } = await import("./commands/diff");
        exitCode = await runDiff(argv as never);
      },
    )
    .demandCommand(1, "Name a command: generate, release, diff, mock-server")
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
  // `generate` formats with prettier on a worker thread: started before anything else loads, it
  // loads prettier on the second core while this one loads TypeScript (print/format-thread.ts).
  if ((process.argv[2] === "generate" || process.argv[2] === "release") && !process.argv.includes("--help") && !process.argv.includes("-h")) startFormatThread();
  main(hideBin(process.argv)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (isCodegenError(error)) {
        for (const line of errorLines(error)) process.stderr.write(`${paint.red("koala-codegen:", process.stderr)} ${line}\n`);
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
