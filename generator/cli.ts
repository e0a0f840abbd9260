#!/usr/bin/env node
/**
 * The command line: arguments → generate() → write. A thin shell; every decision is in generate().
 * Errors print one line (file and JSON pointer or line:column) and exit with the error's own code.
 */
import type { Argv } from "yargs";
import type { Worker } from "node:worker_threads";
import { errorLines, ExitCode, isCodegenError } from "./errors";
import type { GenerateArgs } from "./commands/generate";
import { paint } from "./commands/output";
import { startFormatThread } from "./print/format-thread";
import { GENERATE_OPTIONS, readGenerateArgv } from "./commands/generate-argv";
import { installLazyTypeScript } from "./lazy-typescript";
import { optimizeNow } from "./tier-up";

export async function main(args: string[]): Promise<number> {
  // The common `generate` lines skip yargs (commands/generate-argv.ts): a cold start pays for it otherwise.
  const common = readGenerateArgv(args);
  if (common !== undefined) return runGenerate(common);
  let exitCode: number = ExitCode.ok;
  const { default: yargs } = await import("yargs");
  const parser = yargs(args)
    .scriptName("koala-codegen")
    .usage("$0 <command> [options]")
    .command(
      "generate",
      "Generate the TypeScript package (types, guards, builders, client) for one or more JSON Schemas",
      generateOptions,
      async (argv) => {
        exitCode = await runGenerate(argv as unknown as GenerateArgs);
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
        // A long-lived process, as `generate --watch`: TurboFan from the start, with inlining, and
        // kept on Node 24 whatever the document's size (tier-up.ts's noteInputText).
        optimizeNow();
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

/** generate's options (declared once, in commands/generate-argv.ts, which also reads the common lines without yargs) and examples, for yargs. */
export function generateOptions(y: Argv) {
  return y
    .options(GENERATE_OPTIONS)
    .example("$0 generate", "Use ./koala-codegen.config.json")
    .example("$0 generate --check", "In CI: fail with a diff if the committed output is stale")
    .example("$0 generate --watch", "Regenerate on every schema or config change")
    .example("$0 generate --schema schemas/koala.schema.json --out generated/koala", "No config: one schema")
    .example("$0 generate -s api.json -o src/gen --name Event --emit types guards", "Only types and guards, root named Event");
}

/**
 * `generate`: one run or a watch. prettier's worker thread (print/format-thread.ts) is started
 * first thing (before this function's first `await`, nothing loads before it on the common lines:
 * the CLI is one bundle), so that it loads prettier on the second core while this one loads the
 * schema and emits; but not for types alone: their two modules are formatted on this thread sooner
 * than a thread starts (a worker's own start costs about as much CPU as loading prettier, and a
 * cold `generate --emit types` measured 0.32 s of CPU without it, 0.39 s with it).
 */
async function runGenerate(args: GenerateArgs): Promise<number> {
  if (args.emit === undefined || args.emit.some((artifact) => artifact !== "types")) startFormatThread(startedFormatWorker);
  const { planGenerate, runOnce } = await import("./commands/generate");
  if (args.watch) {
    // A long-lived process: TurboFan, held back for a one-off run's first second (tier-up.ts), from the start.
    optimizeNow();
    const { watchGenerate } = await import("./commands/watch");
    return watchGenerate(args);
  }
  return runOnce(args, await planGenerate(args));
}

/** The prettier worker the `koala-codegen` command started before loading this bundle (print/early-format-worker.ts), if any. */
let startedFormatWorker: Worker | undefined;

/**
 * Runs the command line of this process. Called by the `koala-codegen` command (dist/generator/cli.js,
 * written by scripts/bundle-cli.ts) once it has turned V8's compile cache on (compile-cache.ts) and,
 * for a `generate`, started prettier's worker thread (`formatWorker`).
 */
export function run(formatWorker?: Worker): void {
  startedFormatWorker = formatWorker;
  // ts-morph gets TypeScript's version and enums without loading TypeScript, until something runs it.
  installLazyTypeScript();
  main(process.argv.slice(2)).then(
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
