/**
 * `koala-codegen mock-server`: starts the server for `--schema` (an OpenAPI document, or a JSON
 * Schema with `--endpoint`), or for the config's schemas that have an endpoint; prints its URL and
 * the operations it serves, and runs until SIGINT/SIGTERM. Kept apart from cli.ts so the CLI stays
 * a thin list of commands.
 */
import * as path from "node:path";
import { findConfig, loadConfig } from "../config/config";
import { CodegenError } from "../errors";
import { FAULT_KINDS, type FaultKind } from "./faults";
import { startMockServer, type AnswerAll, type MockServerOptions } from "./server";

export interface MockServerArgs {
  port: number;
  host: string;
  schema?: string;
  endpoint?: string;
  config?: string;
  faultRate: number;
  faults?: string[];
  seed: number;
  retryAfter: number;
  delayMs: number;
  validate: boolean;
  examples: boolean;
  answerAll?: string;
  dropWithoutHeader?: string;
}

/** Runs the mock server until the process is told to stop; resolves with the exit code. */
export async function runMockServer(argv: MockServerArgs): Promise<number> {
  const kinds = (argv.faults ?? [...FAULT_KINDS]).map((kind) => {
    if (!(FAULT_KINDS as readonly string[]).includes(kind)) throw new CodegenError("usage", `--faults: unknown kind "${kind}" (kinds: ${FAULT_KINDS.join(", ")})`);
    return kind as FaultKind;
  });
  const server = await startMockServer({
    ...(await inputOf(argv)),
    port: argv.port,
    host: argv.host,
    seed: argv.seed,
    validate: argv.validate,
    examples: argv.examples,
    faults: { rate: argv.faultRate, kinds, seed: argv.seed, retryAfterSeconds: argv.retryAfter, delayMs: argv.delayMs },
    answerAll: argv.answerAll === undefined ? undefined : parseAnswerAll(argv.answerAll),
    dropWithoutHeader: argv.dropWithoutHeader,
  });
  const operations = server.operations.map((o) => `  ${o.method.padEnd(6)} ${o.path}`).join("\n");
  process.stdout.write(
    `mock server listening on ${server.url}\n${operations}\n` +
      `  GET /__mock/received   POST /__mock/reset   POST /__mock/faults   POST /__mock/answer-all\n` +
      (argv.faultRate > 0 ? `  faults: ${(argv.faultRate * 100).toFixed(0)}% of requests (${kinds.join(", ")}), seed ${argv.seed}\n` : ""),
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  return 0;
}

/** `--schema` (with `--endpoint` for a JSON Schema), else the config's schemas that have an endpoint. */
async function inputOf(argv: MockServerArgs): Promise<Pick<MockServerOptions, "schema" | "endpoint" | "endpoints" | "idempotencyKey" | "resolve" | "allowNetwork">> {
  if (argv.schema !== undefined) return { schema: argv.schema, endpoint: argv.endpoint };
  const file = findConfig(argv.config, process.cwd());
  if (file === undefined) throw new CodegenError("usage", "mock-server: give --schema (an OpenAPI document, or a JSON Schema with --endpoint), or run where koala-codegen.config.json is");
  const config = await loadConfig(file, path.relative(process.cwd(), file) || file);
  const endpoints = config.schemas.filter((s) => s.endpoint !== undefined).map((s) => ({ path: s.endpoint!, schema: s.path }));
  if (endpoints.length === 0) throw new CodegenError("usage", "mock-server: no schema of the config has an endpoint; give --schema", { file });
  const key = config.client?.idempotencyKey;
  return { endpoints, idempotencyKey: typeof key === "string" ? key : undefined, resolve: config.resolve, allowNetwork: config.allowNetwork };
}

/** "400" or "400:suspended" (a documented example's name). */
function parseAnswerAll(text: string): AnswerAll {
  const match = /^(\d{3})(?::(.+))?$/.exec(text.trim());
  if (!match) throw new CodegenError("usage", `--answer-all "${text}": expected STATUS or STATUS:EXAMPLE (400:suspended)`);
  return { status: Number(match[1]), ...(match[2] !== undefined && { example: match[2] }) };
}
