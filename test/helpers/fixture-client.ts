/**
 * A generated package of an OpenAPI fixture (test/fixtures/openapi/<name>), loaded as the CommonJS a
 * user runs, and a real recording HTTP server on 127.0.0.1 for its client: the jest hooks that set
 * them up, for a client test file to call once at its top level.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { loadGenerated } from "./load-generated";
import { REPO_ROOT } from "./paths";
import { startRecordingServer, type RecordingServer } from "./recording-server";
import { tempDir } from "./temp";

export interface FixtureClient {
  /** The package's exports (set in beforeAll). */
  api: Record<string, any>;
  /** The generated files by path. */
  files: Map<string, string>;
  /** The server, reset before each test. */
  server: RecordingServer;
}

export function useFixtureClient(fixture: string): FixtureClient {
  const dir = tempDir(`koala-codegen-${path.basename(fixture, path.extname(fixture))}-`);
  const state = {} as FixtureClient;
  beforeAll(async () => {
    state.server = await startRecordingServer();
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, "test", "fixtures", "openapi", fixture), "utf8"));
    const generated = await loadGenerated<Record<string, any>>(path.join(dir, "out"), { schema, formatter: async (text) => text });
    state.api = generated.module;
    state.files = generated.files;
  }, 120_000);
  afterAll(() => state.server.close());
  beforeEach(() => state.server.reset());
  return state;
}
