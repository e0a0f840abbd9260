/**
 * A request body declared by a media range (test/fixtures/openapi/media-range-bodies.yaml): its
 * request has `contentType`, typed as the types under the range (`image/${string}`), and that is the
 * Content-Type sent. Before, there was no way to say it: a string body went as text/plain. The
 * calls through the mock server are in test/e2e/openapi-mock-client.test.ts.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { startRecordingServer } from "../helpers/recording-server";
import { compileStrict } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const dir = tempDir("koala-codegen-media-range-");
const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "media-range-bodies.yaml");

type Call = (client: unknown, request: object) => Promise<{ ok: boolean; status?: number }>;

test("the type chosen under the range is typed and sent as the Content-Type", async () => {
  const { module: api, files } = await loadGenerated<Record<string, unknown>>(path.join(dir, "package"), { schema: await parseDocument(FIXTURE) });
  const operations = files.get("src/operations.ts")!;
  expect(operations).toMatch(/export interface PutImageRequest \{[^}]*\n  contentType\?: `image\/\$\{string\}`;\n\}/);
  expect(operations).toMatch(/export interface PutBlobRequest \{[^}]*\n  contentType\?: string;\n\}/);

  const server = await startRecordingServer({ status: 201 });
  try {
    const client = (api.createMediaRangeBodiesClient as (options: object) => unknown)({ baseUrl: server.origin, retry: { attempts: 1 } });
    const putImage = api.putImage as Call;
    expect(await putImage(client, { body: "\u0089PNG", contentType: "image/png" })).toMatchObject({ ok: true, status: 201 });
    expect(server.received.at(-1)!.headers["content-type"]).toBe("image/png");
    // None chosen: fetch's, as before (a string is text/plain).
    await putImage(client, { body: "bytes" });
    expect(server.received.at(-1)!.headers["content-type"]).toBe("text/plain;charset=UTF-8");
  } finally {
    await server.close();
  }

  writeFileSync(
    path.join(dir, "package", "src", "caller.ts"),
    `import { putImage, type ApiClient } from "./index.js";
export const png = (client: ApiClient): ReturnType<typeof putImage> => putImage(client, { body: "", contentType: "image/png" });
// @ts-expect-error text/plain is not under image/*
export const text = (client: ApiClient): ReturnType<typeof putImage> => putImage(client, { body: "", contentType: "text/plain" });
`,
  );
  const compiled = compileStrict(dir, { timeout: 120_000 });
  expect(compiled.stdout + compiled.stderr).toBe("");
  expect(compiled.status).toBe(0);
}, 180_000);
