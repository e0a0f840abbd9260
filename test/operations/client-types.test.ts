/**
 * The generated OpenAPI client's types, under `tsc --strict` with the strictest consumer flags:
 * the packages of test/fixtures/openapi/ compile, and a program using them compiles where it should
 * and fails where it should (each `@ts-expect-error` must meet an error, or tsc reports it unused):
 * results narrow by `ok`, `kind` and `status` to the declared body types; requests need their
 * required parameters and bodies; multipart bodies take files; server variables and credentials are typed;
 * declared response headers are typed on `header` per status.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/index";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { compileStrict, writeFiles } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const dir = tempDir("koala-codegen-operation-types-");

const USAGE = `
import { createBodiesAPIClient, createPetOperation, getPet, putPhoto, addNote } from "../../bodies/src/index.js";
import { createParamsAPIClient, paramsAPIServerUrl, queryStyles, pathSimple, paramsAPIOperations } from "../../params/src/index.js";
import { createAuthAPIClient, createOrder, listItems } from "../../auth/src/index.js";
import { createServersAPIClient, fromOperation, fromPathItem, noResponses, onlyDefault, traceEcho, search } from "../../servers/src/index.js";
import { createHeadersAPIClient, listPets, deletePet } from "../../headers/src/index.js";

export async function headers(): Promise<string[]> {
  const client = createHeadersAPIClient({ validateResponses: true });
  const seen: string[] = [];
  const pets = await listPets(client);
  if (pets.ok) {
    const limit: number = pets.header["X-Rate-Limit"];
    const tags: string[] | undefined = pets.header["X-Tags"];
    const ms: number | undefined = pets.header["X-Debug"]?.ms;
    seen.push(String(limit), String(tags), String(ms), String(pets.headers.get("x-rate-limit")));
    // @ts-expect-error X-Next is optional
    const next: string = pets.header["X-Next"];
    // @ts-expect-error a header the response does not declare
    seen.push(next, pets.header["X-Other"]);
  } else if (pets.kind === "http") {
    const after: number = pets.header["Retry-After"];
    seen.push(String(after));
  } else if (pets.kind === "invalid-response") {
    seen.push(...pets.errors.map((e) => e.path));
    // @ts-expect-error an invalid response has no typed headers
    seen.push(pets.header);
  }
  const gone = await deletePet(client, { path: { id: 1 } });
  if (gone.ok) seen.push(gone.header["X-Request-Id"]);
  return seen;
}

export async function bodies(): Promise<string[]> {
  const client = createBodiesAPIClient();
  const seen: string[] = [];
  const pet = await getPet(client, { path: { id: 1 } });
  if (pet.ok) {
    const name: string = pet.data.name;
    const status: 200 = pet.status;
    seen.push(name, String(status));
  } else if (pet.kind === "http") {
    if (pet.status === 404) seen.push(pet.error.title);
    else seen.push(String(pet.status));
    // @ts-expect-error a 404's error is a Problem, not a string
    const wrong: string = pet.status === 404 ? pet.error : "";
    seen.push(wrong);
  } else if (pet.kind === "invalid-response" || pet.kind === "undeclared-status") {
    seen.push(String(pet.status), JSON.stringify(pet.body));
  } else if (pet.kind === "invalid-request") {
    seen.push(...pet.errors.map((e) => e.message));
  } else {
    const attempts: number = pet.attempts;
    seen.push(pet.kind, String(attempts));
  }
  await createPetOperation(client, { body: { name: "Rex" } });
  await createPetOperation(client, { contentType: "application/x-www-form-urlencoded", body: { name: "Rex", age: 2 } });
  await createPetOperation(client, { contentType: "multipart/form-data", body: { name: "Rex", photo: new Blob(["x"]), tags: ["a"] } });
  // @ts-expect-error a name is a string
  await createPetOperation(client, { body: { name: 5 } });
  // @ts-expect-error the form body is a NewPet, which has no "photo" (additionalProperties: false)
  await createPetOperation(client, { contentType: "application/x-www-form-urlencoded", body: { name: "Rex", photo: "x" } });
  // @ts-expect-error the body is required
  await createPetOperation(client, {});
  // @ts-expect-error the path parameters are required
  await getPet(client, {});
  await putPhoto(client, { path: { id: 1 }, body: new Blob(["png"]) });
  await putPhoto(client, { path: { id: 1 }, body: "png" });
  await addNote(client);
  return seen;
}

export async function params(): Promise<void> {
  const client = createParamsAPIClient({ baseUrl: paramsAPIServerUrl({ scheme: "https", port: "8443" }) });
  // @ts-expect-error the scheme is one of the server variable's enum
  paramsAPIServerUrl({ scheme: "ftp" });
  await queryStyles(client);
  await queryStyles(client, { query: { deep: { x: 1, y: 2 }, pipe: ["a"] } });
  // @ts-expect-error a Point needs x and y
  await queryStyles(client, { query: { deep: { x: 1 } } });
  await pathSimple(client, { path: { id: "a", list: [1], obj: { x: 1, y: 2 } } });
  const method: "GET" = paramsAPIOperations.pathSimple.method;
  await paramsAPIOperations.pathSimple.call(client, { path: { id: method, list: [], obj: { x: 0, y: 0 } } });
}

export async function auth(): Promise<void> {
  const client = createAuthAPIClient({ auth: { bearer: "t", basic: { username: "u", password: "p" } }, retryNonIdempotent: false, validateResponses: true });
  // @ts-expect-error basic takes a user and a password
  createAuthAPIClient({ auth: { basic: "u:p" } });
  // @ts-expect-error no scheme of that name
  createAuthAPIClient({ auth: { other: "x" } });
  await listItems(client, {}, { signal: new AbortController().signal });
  await createOrder(client, { header: { "Idempotency-Key": "k" } });
}

export async function servers(): Promise<string[]> {
  const client = createServersAPIClient();
  const seen: string[] = [];
  await fromPathItem(client, { path: { id: 1 }, server: { port: "8080" } });
  await fromOperation(client, { server: { host: "localhost" } });
  await fromOperation(client);
  // @ts-expect-error the host is one of the variable's enum
  await fromOperation(client, { server: { host: "example.com" } });
  // @ts-expect-error the path item's server has no variable "host"
  await fromPathItem(client, { path: { id: 1 }, server: { host: "x" } });
  const none = await noResponses(client);
  if (none.ok) {
    const statuses: (typeof none.status)[] = [200, 201, 204, 299];
    const data: unknown = none.data;
    seen.push(String(statuses), JSON.stringify(data));
    // @ts-expect-error a success status is a 2xx
    const notSuccess: typeof none.status = 404;
    seen.push(String(notSuccess));
  }
  const any = await onlyDefault(client);
  if (any.ok) seen.push(any.data.message, String(any.status));
  else if (any.kind === "http") {
    const statuses: (typeof any.status)[] = [301, 404, 503];
    // @ts-expect-error default's errors are the 3xx, 4xx and 5xx statuses
    const success: typeof any.status = 200;
    seen.push(any.error.message, String(statuses), String(success));
  }
  const traced = await traceEcho(client);
  if (!traced.ok && traced.kind === "unsupported-method") seen.push(traced.message, traced.method);
  await search(client, { path: { kind: "films" }, query: { limit: 1 } });
  // @ts-expect-error the kind is books or films
  await search(client, { path: { kind: "songs" } });
  return seen;
}
`;

test("the fixtures' clients compile under --strict, and a program using them compiles exactly where it should", async () => {
  for (const [name, file] of [["bodies", "client-bodies"], ["params", "client-params"], ["auth", "client-auth-retry"], ["servers", "client-servers"], ["headers", "client-response-headers"]] as const) {
    const { files } = await generate({ schema: await parseDocument(path.join(REPO_ROOT, "test", "fixtures", "openapi", `${file}.yaml`)), build: false, formatter: async (text) => text });
    writeFiles(path.join(dir, name), files);
  }
  mkdirSync(path.join(dir, "usage", "src"), { recursive: true });
  writeFileSync(path.join(dir, "usage", "src", "usage.ts"), USAGE);
  const compiled = compileStrict(dir, { timeout: 240_000 });
  expect(compiled.stdout + compiled.stderr).toBe("");
  expect(compiled.status).toBe(0);
}, 300_000);
