/**
 * A mock server started once per test file from a document of test/fixtures/openapi (seed 1,
 * references resolved beside the fixture), on 127.0.0.1, closed after the file's tests.
 */
import * as path from "node:path";
import { startMockServer, type MockServer } from "../../generator/mock-server/server";
import { parseDocument } from "./openapi";
import { REPO_ROOT } from "./paths";

/** Registers the file's beforeAll/afterAll; call the returned function inside a test for the running server. */
export function useFixtureMockServer(fixture: string): () => MockServer {
  const file = path.join(REPO_ROOT, "test", "fixtures", "openapi", fixture);
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startMockServer({ schema: await parseDocument(file), cwd: path.dirname(file), seed: 1 });
  });
  afterAll(() => server?.close());
  return () => {
    if (!server) throw new Error(`the mock server for ${fixture} did not start`);
    return server;
  };
}
