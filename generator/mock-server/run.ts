/**
 * `koala-codegen mock-server`: starts the server, prints its URL and what it does, and runs until
 * SIGINT/SIGTERM. Kept apart from cli.ts so the CLI stays a thin list of commands.
 */
import { FAULT_KINDS, type FaultKind } from "./faults";
import { KOALA_ACCOUNT_BATCH_PATH, KOALA_BATCH_PATH, koalaEndpoints, startMockServer } from "./server";

export interface MockServerArgs {
  port: number;
  host: string;
  schema?: string;
  endpoint?: string;
  faultRate: number;
  faults?: string[];
  seed: number;
  retryAfter: number;
  delayMs: number;
  suspended: boolean;
  validate: boolean;
}

/** Runs the mock server until the process is told to stop; resolves with the exit code. */
export async function runMockServer(argv: MockServerArgs): Promise<number> {
  const kinds = (argv.faults ?? [...FAULT_KINDS]).map((kind) => {
    if (!(FAULT_KINDS as readonly string[]).includes(kind)) throw new Error(`--faults: unknown kind "${kind}" (kinds: ${FAULT_KINDS.join(", ")})`);
    return kind as FaultKind;
  });
  const server = await startMockServer({
    port: argv.port,
    host: argv.host,
    // No --schema/--endpoint: both Koala endpoints with the bundled schemas.
    endpoints: (argv.schema === undefined && argv.endpoint === undefined ? koalaEndpoints() : [{ path: argv.endpoint ?? KOALA_BATCH_PATH, schema: argv.schema }]).map(
      (endpoint) => (argv.validate ? endpoint : { ...endpoint, validate: false as const }),
    ),
    faults: { rate: argv.faultRate, kinds, seed: argv.seed, retryAfterSeconds: argv.retryAfter, delayMs: argv.delayMs },
    suspended: argv.suspended,
  });
  process.stdout.write(
    `mock server listening on ${server.url}\n` +
      `  POST ${argv.endpoint ?? (argv.schema === undefined ? `${KOALA_BATCH_PATH}, ${KOALA_ACCOUNT_BATCH_PATH}` : KOALA_BATCH_PATH)}   GET /__mock/received   POST /__mock/reset   POST /__mock/faults\n` +
      (argv.faultRate > 0 ? `  faults: ${(argv.faultRate * 100).toFixed(0)}% of requests (${kinds.join(", ")}), seed ${argv.seed}\n` : ""),
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  return 0;
}
