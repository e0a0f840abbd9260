/** openapi/read-openapi.ts (+ security-schemes.ts): a parsed document → what the pipeline needs, or one line per mistake. */
import * as path from "node:path";
import { CodegenError, errorLines } from "../../generator/errors";
import { readOpenApi } from "../../generator/load/openapi/read-openapi";
import { readSecuritySchemes } from "../../generator/load/openapi/security-schemes";
import { parseDocument, SHARED_OPENAPI, sharedDocuments } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

function thrown(run: () => unknown): CodegenError {
  try {
    run();
  } catch (error) {
    if (error instanceof CodegenError) return error;
    throw error;
  }
  throw new Error("expected a CodegenError");
}

test("a JSON Schema is not an OpenAPI document: undefined", () => {
  expect(readOpenApi({ type: "object" })).toBeUndefined();
});

test("Swagger 2.0 and OpenAPI 3.2: one line naming the file, the field and what is supported", () => {
  expect(errorLines(thrown(() => readOpenApi({ swagger: "2.0" }, { file: "api.yaml" })))).toEqual([
    "api.yaml#/swagger: Swagger 2.0 documents are not supported (convert it to OpenAPI 3.x first); supported: OpenAPI 3.0.x, OpenAPI 3.1.x and JSON Schema",
  ]);
  expect(thrown(() => readOpenApi({ openapi: "3.2.0" }, { file: "api.yaml" })).format()).toBe("api.yaml#/openapi: OpenAPI 3.2.0 is not supported; supported: OpenAPI 3.0.x, OpenAPI 3.1.x and JSON Schema");
});

test("every semantic finding, one line each, and nothing read", () => {
  const error = thrown(() =>
    readOpenApi(
      { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { "/a/{x}": { get: { operationId: "a" } }, "/b": { get: { operationId: "a", responses: { "200": { $ref: "#/nope" } } } } } },
      { file: "api.yaml" },
    ),
  );
  expect(errorLines(error)).toEqual([
    'api.yaml#/paths/~1b/get/operationId: operationId "a" is not unique: #/paths/~1a~1%7Bx%7D/get has it too',
    'api.yaml#/paths/~1a~1%7Bx%7D/get: path parameter "x" of /a/{x} is not declared (no parameter with in: path and name: x)',
    'api.yaml#/paths/~1b/get/responses/200/$ref: $ref "#/nope" does not resolve inside the document',
  ]);
  expect(error.exitCode).toBe(12); // invalidOpenApi
});

test("Koala's ingestion API (3.1)", async () => {
  const input = readOpenApi(await parseDocument(path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml")), { file: "koala-ingestion.openapi.yaml" })!;
  expect([input.version, input.declared, input.dialect, input.warnings, input.securitySchemes]).toEqual(["3.1", "3.1.0", "2020-12", [], []]);
  expect(input.operations.map((o) => o.name)).toEqual(["batch", "accountsBatch"]);
});

describe("the specification's documents", () => {
  test("petstore-expanded (3.0): schemas rewritten, operations read", async () => {
    const input = readOpenApi(await parseDocument(path.join(SHARED_OPENAPI, "3.0/examples/petstore-expanded.yaml")))!;
    expect([input.version, input.declared, input.dialect]).toEqual(["3.0", "3.0.0", "2020-12"]);
    expect(input.operations.map((o) => o.name)).toEqual(["findPets", "addPet", "findPetById", "deletePet"]);
  });

  test("security-scheme-object-examples: every kind of scheme; the one in another file goes through the resolver", async () => {
    const document = await parseDocument(path.join(SHARED_OPENAPI, "3.1/pass/security-scheme-object-examples.yaml"));
    expect(thrown(() => readSecuritySchemes(document, undefined, "s.yaml")).format()).toBe(
      's.yaml#/components/securitySchemes/external/$ref: $ref "https://example.com/api/openapi.json#/components/externalDocs/ThingExternalDocs" does not resolve',
    );
    const elsewhere = { type: "apiKey", in: "query", name: "key" };
    const resolve = (ref: string) => (ref.startsWith("https://example.com/") ? { value: elsewhere, pointer: ref } : undefined);
    expect(readSecuritySchemes(document, resolve)).toEqual([
      { name: "basic", kind: "basic" },
      { name: "apiKey", kind: "apiKey", in: "header", parameterName: "api-key" },
      { name: "JWT-bearer", kind: "bearer", from: "http", bearerFormat: "JWT" },
      { name: "mutualTLS", description: "Cert must be signed by example.com CA", kind: "unsupported", type: "mutualTLS" },
      { name: "OAuth2", kind: "bearer", from: "oauth2" },
      { name: "OpenIdConnect", kind: "bearer", from: "openIdConnect" },
      { name: "external", kind: "apiKey", in: "query", parameterName: "key" },
    ]);
  });
});

test("security schemes: http scheme names ignore case; digest is not applied by the client", () => {
  const document = { components: { securitySchemes: { a: { type: "http", scheme: "Bearer" }, b: { type: "http", scheme: "BASIC" }, c: { type: "http", scheme: "digest" }, d: { type: "apiKey", in: "cookie", name: "sid" } } } };
  expect(readSecuritySchemes(document)).toEqual([
    { name: "a", kind: "bearer", from: "http" },
    { name: "b", kind: "basic" },
    { name: "c", kind: "unsupported", type: "http digest" },
    { name: "d", kind: "apiKey", in: "cookie", parameterName: "sid" },
  ]);
});

describe("every reference document is read, or refused for a reason it really has", () => {
  const REFUSED: Record<string, RegExp> = {
    // Typos in the specification's examples (see semantic-checks.test.ts).
    "operation-object-example.yaml": /path parameter "petId" is not in the path template/,
    "parameter-object-examples.yaml": /path parameter "usernames" is not in the path template/,
    // A scheme in a document on the web: a multi-file resolver's business, refused by the local one.
    "security-scheme-object-examples.yaml": /\$ref "https:\/\/example\.com\/api\/openapi\.json#.*" does not resolve/,
  };
  test.each([...sharedDocuments("3.1/pass"), ...sharedDocuments("3.0/examples")])("%s", async (file) => {
    const document = await parseDocument(file);
    const read = () => readOpenApi(document, { file: path.basename(file) });
    const refused = REFUSED[path.basename(file)];
    if (refused) {
      expect(thrown(read).format()).toMatch(refused);
      return;
    }
    const input = read()!;
    const names = input.operations.map((o) => o.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(input.warnings).toEqual([]);
  });
});
