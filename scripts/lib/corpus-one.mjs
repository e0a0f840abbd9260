// Documents of the OpenAPI corpus run (scripts/corpus-openapi.mjs), in a process of their own so that
// a crash, a hang or a leak stays with them. Prints one JSON line per document: { ok, error?, detail? }.
//   node corpus-one.mjs generate <document>...      generate() in memory (no build, no prettier), each in turn
//   node corpus-one.mjs call <document> <package>   the mock server from the document, a handful of
//                                                   operations called through the package's client
//                                                   (CORPUS_CALLS of them; CORPUS_KEEP_GOING=1: past a failure, counting them)
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = (file) => pathToFileURL(path.join(process.env.CORPUS_DIST ?? path.join(root, "dist"), "generator", file)).href;
const [mode, ...rest] = process.argv.slice(2);
/** The operations called per document: the first ones in the operation map's order. */
const CALLS = Number(process.env.CORPUS_CALLS ?? 8);
/** The seed of the mock server and of the synthesized requests (CORPUS_SEED: another draw of the same operations). */
const SEED = Number(process.env.CORPUS_SEED ?? 20261202);
/** Methods fetch will not send: the client answers kind "unsupported-method". */
const FORBIDDEN_BY_FETCH = new Set(["TRACE", "CONNECT"]);
/** Statuses fetch turns into a network error before the client sees them (the Fetch standard's 407 without a window; http-status-codes of @readme/oas-examples documents one). */
const HIDDEN_BY_FETCH = new Set([407]);
/** Statuses fetch itself sends again once, on a new connection (the Fetch standard's 421 Misdirected Request: the server did not act on it): the mock records two requests. */
const RESENT_BY_FETCH = new Set([421]);

/** The build's functions that callEntry uses (imported by callOne from CORPUS_DIST). */
let synthesizeRequest, findResponse, statusCode;

for (const [file, out] of mode === "generate" ? rest.map((f) => [f]) : [rest]) {
  try {
    const result = mode === "generate" ? await generateOne(file) : await callOne(file, out);
    console.log(JSON.stringify(result));
  } catch (error) {
    console.log(JSON.stringify({ ok: false, error: firstLine(error) }));
  }
}
process.exit(0);

async function generateOne(file) {
  const { generate } = await import(dist("index.js"));
  const { files } = await generate({ schema: file, build: false, format: false });
  const operations = files.find((f) => f.path === "src/operations.ts");
  return { ok: true, detail: `${files.length} files${operations ? "" : ", no operations"}` };
}

async function callOne(file, out) {
  const { startMockServer } = await import(dist("mock-server/server.js"));
  const { readMockApi } = await import(dist("mock-server/mock-api.js"));
  ({ synthesizeRequest } = await import(dist("mock-server/synthesize.js")));
  ({ findResponse, statusCode } = await import(dist("mock-server/answers.js")));
  const module = createRequire(import.meta.url)(path.join(out, "dist", "cjs", "index.js"));
  const api = await readMockApi({ schema: file });
  if (api.operations.length === 0) return { ok: true, detail: "no operations" };
  const maps = Object.entries(module).filter(([name, value]) => name.endsWith("Operations") && typeof value === "object" && value !== null);
  // Any identifier characters: an API titled in Japanese (shop-pro.jp) gets createカラーミーショップアプリストアAPIClient.
  // A builder is named so too for a schema ...Client (webflow.com's AppClient: createAppClient): the factory is the one whose client has schemes.
  const factories = Object.entries(module).filter(([name, value]) => /^create[\p{ID_Continue}$]+Client$/u.test(name) && typeof value === "function" && isClientFactory(value));
  if (maps.length !== 1 || factories.length !== 1) return { ok: false, error: `expected one operation map and one client factory, found ${maps.length} and ${factories.length}` };
  const entries = Object.entries(maps[0][1]);
  if (entries.length !== api.operations.length) return { ok: false, error: `${entries.length} client operations for ${api.operations.length} operations in the document` };
  const create = factories[0][1];
  const server = await startMockServer({ schema: file, seed: SEED });
  try {
    const schemes = Object.keys(create({ baseUrl: server.url }).schemes);
    const auth = Object.fromEntries(schemes.map((name) => [name, api.securitySchemes.find((s) => s.name === name)?.kind === "basic" ? { username: "corpus", password: "secret" } : "corpus-token"]));
    const client = create({ baseUrl: server.url, validateResponses: true, retry: { attempts: 1 }, timeoutMs: 10_000, redirect: "manual", auth });
    let called = 0;
    const failures = [];
    for (const [name, entry] of entries.slice(0, CALLS)) {
      const failure = await callEntry(api, server, client, name, entry);
      if (failure === undefined) called++;
      else if (failure !== "skipped") {
        // CORPUS_KEEP_GOING=1: every operation is called, and the failures counted (a large API's
        // one failing operation does not hide the others); else the first failure ends the document.
        if (process.env.CORPUS_KEEP_GOING !== "1") return { ok: false, error: failure };
        failures.push(failure);
      }
    }
    // The failing operations' names after the first failure in full (its cause), e.g. all the redirects of a large API.
    if (failures.length > 0) return { ok: false, error: `${failures.length} of ${Math.min(CALLS, entries.length)} operations failed, first: ${failures[0].slice(0, 400)}; all: ${failures.map((f) => f.split(" ")[0]).join(", ")}` };
    return { ok: true, detail: `${called} of ${entries.length} operations called` };
  } finally {
    await server.close();
  }
}

/** One operation called through the client: undefined when answered as documented, "skipped" (fetch cannot send it, as expected), or why not. */
async function callEntry(api, server, client, name, entry) {
  const operation = api.operations.find((o) => o.method === entry.method && o.path === entry.path);
  const where = `${name} (${entry.method} ${entry.path})`;
  if (!operation) return `${where}: not an operation of the mock server`;
  const request = synthesizeRequest(api, operation, SEED);
  if (request.errors) return `${where}: no valid request synthesized: ${JSON.stringify(request.errors).slice(0, 200)}`;
  const before = server.requests().length;
  const result = await entry.call(client, request);
  if (FORBIDDEN_BY_FETCH.has(entry.method)) return result.kind === "unsupported-method" ? "skipped" : `${where}: ${JSON.stringify(result).slice(0, 200)}`;
  const response = findResponse(operation);
  const status = response && statusCode(response.status);
  const expected = status === undefined ? { ok: true, status: 204 } : HIDDEN_BY_FETCH.has(status) ? { ok: false, kind: "network" } : status < 300 ? { ok: true, status } : { ok: false, kind: "http", status };
  if (!(result.ok === expected.ok && result.status === expected.status && result.kind === expected.kind)) {
    return `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(result).slice(0, 300)}`;
  }
  if (server.requests().length !== before + (RESENT_BY_FETCH.has(status) ? 2 : 1)) return `${where}: the mock recorded ${server.requests().length - before} requests`;
  return undefined;
}

/** Whether `create` makes an API client (baseUrl and schemes), not a value of a schema named ...Client. */
function isClientFactory(create) {
  try {
    const made = create({ baseUrl: "http://127.0.0.1" });
    return typeof made === "object" && made !== null && typeof made.baseUrl === "string" && typeof made.schemes === "object";
  } catch {
    return false;
  }
}

function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split("\n")[0].slice(0, 300);
}
