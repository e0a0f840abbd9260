/** openapi/operations.ts (+ operation-parts, names, parameter-schemas): paths → IR operations. */
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { CodegenError } from "../../generator/errors";
import { extractOperations } from "../../generator/load/openapi/operations";
import { desiredOperationName } from "../../generator/load/openapi/names";
import { parametersSchema } from "../../generator/load/openapi/parameter-schemas";
import type { HttpMethod } from "../../generator/load/openapi/operation-model";
import { parseDocument, SHARED_OPENAPI } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

describe("method names", () => {
  test.each<[string, { given: [string | undefined, HttpMethod, string]; want: string }]>([
    ["operationId in camelCase", { given: ["get-user_by id", "get", "/x"], want: "getUserById" }],
    ["operationId kept when it is camelCase already", { given: ["listVersionsv2", "get", "/"], want: "listVersionsv2" }],
    ["operationId with spaces", { given: ["find pet by id", "get", "/pets/{id}"], want: "findPetById" }],
    ["operationId that is a reserved word", { given: ["delete", "delete", "/x"], want: "delete_" }],
    ["operationId starting with a digit", { given: ["2fa", "post", "/x"], want: "_2fa" }],
    ["operationId of punctuation only: method + path", { given: ["--", "get", "/users"], want: "getUsers" }],
    ["method + path", { given: [undefined, "get", "/users/{id}/posts"], want: "getUsersByIdPosts" }],
    ["the root path", { given: [undefined, "get", "/"], want: "getRoot" }],
    ["a path of punctuation only", { given: [undefined, "delete", "/-/"], want: "deleteRoot" }],
    ["dots and digits", { given: [undefined, "post", "/2.0/repositories/{username}"], want: "post20RepositoriesByUsername" }],
    ["two parameters in one segment", { given: [undefined, "get", "/files/{name}.{ext}"], want: "getFilesByNameByExt" }],
    ["snake_case segments and parameters", { given: [undefined, "put", "/user_groups/{group_id}"], want: "putUserGroupsByGroupId" }],
  ])("%s", (_name, { given, want }) => {
    expect(desiredOperationName(...given)).toBe(want);
  });
});

const doc = (paths: object, extra: object = {}) => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths, ...extra });

describe("extractOperations on small documents", () => {
  test("path-item parameters merged with the operation's: the operation's win by name + in", () => {
    const { operations } = extractOperations(
      doc({
        "/users/{id}": {
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "verbose", in: "query", schema: { type: "boolean" } },
            { name: "trace", in: "header", schema: { type: "string" } },
          ],
          get: { parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" }, description: "mine" }, { name: "verbose", in: "header", schema: { type: "string" } }] },
        },
      }),
    );
    expect(operations[0]!.parameters.map((p) => [p.name, p.in, p.pointer])).toEqual([
      ["verbose", "query", "#/paths/~1users~1{id}/parameters/1"],
      ["trace", "header", "#/paths/~1users~1{id}/parameters/2"],
      ["id", "path", "#/paths/~1users~1{id}/get/parameters/0"],
      ["verbose", "header", "#/paths/~1users~1{id}/get/parameters/1"],
    ]);
    expect(operations[0]!.parameters[2]).toEqual({
      name: "id", in: "path", required: true, deprecated: false, style: "simple", explode: false, allowReserved: false, allowEmptyValue: false,
      schemaPointer: "#/paths/~1users~1{id}/get/parameters/0/schema", description: "mine", pointer: "#/paths/~1users~1{id}/get/parameters/0",
    });
    expect(operations[0]!.parameterTypes).toEqual({ query: "GetUsersByIdParamsQuery", header: "GetUsersByIdParamsHeader", path: "GetUsersByIdParamsPath" });
  });

  test("style and explode defaults per location; content parameters; Accept/Content-Type/Authorization and the connection's headers ignored", () => {
    const { operations } = extractOperations(
      doc({
        "/p/{a}": {
          get: {
            parameters: [
              { name: "a", in: "path", required: true, schema: {} },
              { name: "q", in: "query", schema: {} },
              { name: "s", in: "query", style: "spaceDelimited", schema: {} },
              { name: "h", in: "header", schema: {} },
              { name: "c", in: "cookie", schema: {} },
              { name: "m", in: "path", style: "matrix", explode: true, schema: {} },
              { name: "j", in: "query", content: { "application/json": { schema: { type: "object" } } } },
              { name: "Accept", in: "header", schema: {} },
              { name: "authorization", in: "header", schema: {} },
              // The HTTP stack's own (fetch refuses them): azure.com/datalake-store-filesystem's Transfer-Encoding.
              ...["Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "Expect", "Content-Length", "TE", "Trailer"].map((name) => ({ name, in: "header", required: true, schema: {} })),
            ],
          },
        },
      }),
    );
    expect(operations[0]!.parameters.map((p) => [p.name, p.style, p.explode, p.mediaType ?? "", p.schemaPointer])).toEqual([
      ["a", "simple", false, "", "#/paths/~1p~1{a}/get/parameters/0/schema"],
      ["q", "form", true, "", "#/paths/~1p~1{a}/get/parameters/1/schema"],
      ["s", "spaceDelimited", false, "", "#/paths/~1p~1{a}/get/parameters/2/schema"],
      ["h", "simple", false, "", "#/paths/~1p~1{a}/get/parameters/3/schema"],
      ["c", "form", true, "", "#/paths/~1p~1{a}/get/parameters/4/schema"],
      ["m", "matrix", true, "", "#/paths/~1p~1{a}/get/parameters/5/schema"],
      ["j", "form", true, "application/json", "#/paths/~1p~1{a}/get/parameters/6/content/application~1json/schema"],
    ]);
  });

  test("$refs to components followed; path items by $ref; request bodies and responses named by operation + role", () => {
    const { operations } = extractOperations(
      doc(
        { "/pets": { $ref: "#/components/pathItems/Pets" } },
        {
          components: {
            pathItems: {
              Pets: {
                post: {
                  operationId: "create pet",
                  parameters: [{ $ref: "#/components/parameters/Limit", description: "overridden" }],
                  requestBody: { $ref: "#/components/requestBodies/NewPet" },
                  responses: {
                    "201": { $ref: "#/components/responses/Created" },
                    "4xx": { description: "bad", content: { "application/json": { schema: { type: "object" } }, "application/xml": { schema: { type: "object" } } } },
                    default: { description: "error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
                    "x-note": "not a response",
                  },
                },
              },
            },
            parameters: { Limit: { name: "limit", in: "query", description: "original", schema: { type: "integer" } } },
            requestBodies: { NewPet: { required: true, content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } } } } },
            responses: { Created: { description: "made", headers: { Location: { $ref: "#/components/headers/Location" }, "Content-Type": { schema: {} } }, content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } } },
            headers: { Location: { required: true, schema: { type: "string" } } },
            schemas: { Pet: {}, Error: {} },
          },
        },
      ),
    );
    const op = operations[0]!;
    expect([op.name, op.typeStem, op.pointer]).toEqual(["createPet", "CreatePet", "#/components/pathItems/Pets/post"]);
    expect(op.parameters.map((p) => [p.name, p.description, p.pointer, p.schemaPointer])).toEqual([
      ["limit", "overridden", "#/components/parameters/Limit", "#/components/parameters/Limit/schema"],
    ]);
    expect(op.requestBody).toEqual({
      required: true,
      pointer: "#/components/requestBodies/NewPet",
      contents: [{ mediaType: "application/json", schema: { pointer: "#/components/requestBodies/NewPet/content/application~1json/schema", name: "CreatePetRequestBody" } }],
    });
    expect(op.responses.map((r) => [r.status, r.pointer, r.contents.map((c) => c.schema), r.headers.map((h) => [h.name, h.required, h.pointer])])).toEqual([
      ["201", "#/components/responses/Created", [{ pointer: "#/components/responses/Created/content/application~1json/schema", ref: "#/components/schemas/Pet", name: "Pet" }], [["Location", true, "#/components/headers/Location"]]],
      ["4XX", "#/components/pathItems/Pets/post/responses/4xx", [
        { pointer: "#/components/pathItems/Pets/post/responses/4xx/content/application~1json/schema", name: "CreatePetResponse4XXJson" },
        { pointer: "#/components/pathItems/Pets/post/responses/4xx/content/application~1xml/schema", name: "CreatePetResponse4XXXml" },
      ], []],
      ["default", "#/components/pathItems/Pets/post/responses/default", [{ pointer: "#/components/pathItems/Pets/post/responses/default/content/application~1json/schema", ref: "#/components/schemas/Error", name: "Error" }], []],
    ]);
  });

  test("names: operationIds first, then method + path; collisions get a suffix and a warning", () => {
    const { operations, warnings } = extractOperations(
      doc({
        "/users": { get: {}, post: { operationId: "getUsers" } },
        "/Users": { get: {} },
        "/a": { get: { operationId: "list" } },
        "/b": { get: { operationId: "List" } },
        "/c": { get: { operationId: "getV2" } },
        "/d": { get: { operationId: "get_v2" } },
      }),
    );
    expect(operations.map((o) => [o.method, o.path, o.name])).toEqual([
      ["get", "/users", "getUsers2"],
      ["post", "/users", "getUsers"],
      ["get", "/Users", "getUsers3"],
      ["get", "/a", "list"],
      ["get", "/b", "list2"],
      ["get", "/c", "getV2"],
      ["get", "/d", "getV2_2"],
    ]);
    expect(warnings).toEqual([
      '(document)#/paths/~1b/get: operation name collision: GET /b wanted "list", taken by GET /a; using "list2"',
      '(document)#/paths/~1d/get: operation name collision: GET /d wanted "getV2", taken by GET /c; using "getV2_2"',
      '(document)#/paths/~1users/get: operation name collision: GET /users wanted "getUsers", taken by POST /users; using "getUsers2"',
      '(document)#/paths/~1Users/get: operation name collision: GET /Users wanted "getUsers", taken by POST /users; using "getUsers3"',
    ]);
  });

  test("a 204, 205 or 304 response and any answer to HEAD have no body, whatever they declare: left out, one warning", () => {
    const json = { content: { "application/json": { schema: { type: "object", required: ["id"] } } } };
    const { operations, warnings } = extractOperations(
      doc({
        "/rules/{id}": { delete: { responses: { "204": { description: "gone", ...json }, "404": { description: "no", ...json } } }, head: { responses: { "200": { description: "there", ...json }, default: { description: "x", ...json } } } },
        "/reset": { post: { responses: { "205": { description: "reset", ...json } } } },
        "/cached": { get: { responses: { "200": { description: "fresh", ...json }, "304": { description: "same", ...json } } } },
        "/empty": { delete: { responses: { "204": { description: "gone" } } } },
      }),
      { file: "api.json" },
    );
    expect(operations.map((o) => [o.method, o.path, o.responses.map((r) => `${r.status}:${r.contents.length}`)])).toEqual([
      ["delete", "/rules/{id}", ["204:0", "404:1"]],
      ["head", "/rules/{id}", ["200:0", "default:0"]],
      ["post", "/reset", ["205:0"]],
      ["get", "/cached", ["200:1", "304:0"]],
      ["delete", "/empty", ["204:0"]],
    ]);
    expect(warnings).toEqual([
      "api.json: 5 responses declare a body that HTTP never sends (a 204, 205 or 304 status, or an answer to HEAD): typed and checked as no body (DELETE /rules/{id} 204, HEAD /rules/{id} 200, HEAD /rules/{id} default, and 2 more)",
    ]);
  });

  test("a request body on GET or HEAD (amazonaws.com/opensearch: fetch refuses to send one) is left out, one warning; other methods keep theirs", () => {
    const body = { requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } }, responses: { "200": { description: "ok" } } };
    const { operations, warnings } = extractOperations(doc({ "/a": { get: body, head: body, post: body, delete: body } }), { file: "api.json" });
    expect(operations.map((o) => [o.method, o.requestBody !== undefined])).toEqual([
      ["get", false],
      ["post", true],
      ["delete", true],
      ["head", false],
    ]);
    expect(warnings).toEqual(["api.json: 2 GET or HEAD operations declare a request body, which fetch cannot send: left out (GET /a, HEAD /a)"]);
  });

  test("security: the operation's, else the document's; servers: the operation's, else the path item's, else the document's, else /", () => {
    const { operations } = extractOperations(
      doc(
        {
          "/a": { get: {}, post: { security: [] }, put: { security: [{ key: [] }, { oauth: ["read", "write"], key: [] }] } },
          "/b": { servers: [{ url: "https://b.example" }], get: { servers: [{ url: "https://{env}.example", variables: { env: { default: "prod", enum: ["prod", "dev"] } } }] }, post: { servers: [] } },
        },
        { security: [{ basic: [] }] },
      ),
    );
    expect(operations.map((o) => o.security)).toEqual([
      [[{ scheme: "basic", scopes: [] }]],
      [[{ scheme: "key", scopes: [] }], [{ scheme: "oauth", scopes: ["read", "write"] }, { scheme: "key", scopes: [] }]],
      [],
      [[{ scheme: "basic", scopes: [] }]],
      [[{ scheme: "basic", scopes: [] }]],
    ]);
    expect(operations.map((o) => o.servers)).toEqual([
      [{ url: "/", variables: [] }],
      [{ url: "/", variables: [] }],
      [{ url: "/", variables: [] }],
      [{ url: "https://{env}.example", variables: [{ name: "env", default: "prod", enum: ["prod", "dev"] }] }],
      [{ url: "https://b.example", variables: [] }],
    ]);
    expect(operations.map((o) => o.ownServers)).toEqual([false, false, false, true, true]);
  });

  test("a dangling or circular $ref is an error at the $ref, with its pointer", () => {
    const dangling = () => extractOperations(doc({ "/a": { get: { parameters: [{ $ref: "#/components/parameters/Nope" }] } } }), { file: "api.yaml" });
    expect(dangling).toThrow(CodegenError);
    expect(catchError(dangling).format()).toBe('api.yaml#/paths/~1a/get/parameters/0/$ref: $ref "#/components/parameters/Nope" does not resolve');
    const circular = () => extractOperations(doc({ "/a": { $ref: "#/x" } }, { x: { $ref: "#/y" }, y: { $ref: "#/x" } }));
    expect(catchError(circular).format()).toBe('#/y/$ref: $ref "#/x" is circular: it comes back to #/x');
    expect(catchError(circular).code).toBe("invalidSchema");
  });

  test("references to other files go through the resolver the caller gives", () => {
    const other = { parameters: { Limit: { name: "limit", in: "query", schema: { type: "integer" } } } };
    const { operations } = extractOperations(doc({ "/a": { get: { parameters: [{ $ref: "common.yaml#/parameters/Limit" }] } } }), {
      resolve: (ref) => (ref === "common.yaml#/parameters/Limit" ? { value: other.parameters.Limit, pointer: "common.yaml#/parameters/Limit" } : undefined),
    });
    expect(operations[0]!.parameters[0]).toMatchObject({ name: "limit", pointer: "common.yaml#/parameters/Limit", schemaPointer: "common.yaml#/parameters/Limit/schema" });
  });
});

function catchError(run: () => unknown): CodegenError {
  try {
    run();
  } catch (error) {
    return error as CodegenError;
  }
  throw new Error("expected an error");
}

describe("the reference documents", () => {
  test("petstore-expanded (3.0): four operations, names from operationIds", async () => {
    const { operations, warnings } = extractOperations(await parseDocument(path.join(SHARED_OPENAPI, "3.0/examples/petstore-expanded.yaml")));
    expect(warnings).toEqual([]);
    expect(operations.map((o) => [o.method, o.path, o.name, o.responses.map((r) => `${r.status}:${r.contents.map((c) => c.schema?.name).join(",")}`).join(" ")])).toEqual([
      ["get", "/pets", "findPets", "200:FindPetsResponse200 default:Error"],
      ["post", "/pets", "addPet", "200:Pet default:Error"],
      ["get", "/pets/{id}", "findPetById", "200:Pet default:Error"],
      ["delete", "/pets/{id}", "deletePet", "204: default:Error"],
    ]);
    expect(operations[1]!.requestBody).toMatchObject({ required: true, contents: [{ mediaType: "application/json", schema: { ref: "#/components/schemas/NewPet", name: "NewPet" } }] });
    expect(operations[0]!.servers).toEqual([{ url: "https://petstore.swagger.io/v2", variables: [] }]);
  });

  test("path_item_servers_parameters (3.1): every method of a path item, derived names, servers per level", async () => {
    const { operations } = extractOperations(await parseDocument(path.join(SHARED_OPENAPI, "3.1/pass/path_item_servers_parameters.yaml")));
    expect(operations.map((o) => [o.name, o.servers[0]!.url])).toEqual([
      ["getThings", "https://things.example.com"],
      ["postThings", "https://things.example.com"],
      ["deleteThings", "https://things.example.com"],
      ["optionsThings", "https://things.example.com"],
      ["headThings", "https://things.example.com"],
      ["patchThings", "https://things.example.com"],
      ["traceThings", "https://things.example.com"],
    ]);
    expect(operations[0]!.parameters).toMatchObject([{ name: "biscuit", in: "cookie", style: "form", explode: true, description: "The maximum number of things to return" }]);
    expect(operations[1]!.responses[0]).toMatchObject({ status: "201", contents: [{ schema: { name: "PostThingsResponse201" } }] });
  });

  test("Koala's ingestion API: two operations, shared path-item parameters, the request bodies referencing the JSON Schemas", async () => {
    const { operations } = extractOperations(await parseDocument(path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml")));
    expect(operations.map((o) => [o.name, o.method, o.path, o.parameters.map((p) => `${p.in}:${p.name}`).join(" ")])).toEqual([
      ["batch", "post", "/web/projects/{publicKey}/batch", "path:publicKey header:User-Agent"],
      ["accountsBatch", "post", "/web/projects/{publicKey}/accounts/batch", "path:publicKey header:User-Agent"],
    ]);
    expect(operations[0]!.requestBody!.contents[0]!.schema).toEqual({
      pointer: "#/paths/~1web~1projects~1{publicKey}~1batch/post/requestBody/content/application~1json/schema",
      ref: "./koala-profile-batch-request.schema.json",
      name: "BatchRequestBody",
    });
    expect(operations[0]!.responses.map((r) => [r.status, r.contents[0]!.schema!.name, r.headers.map((h) => h.name).join()])).toEqual([
      ["200", "Accepted", ""],
      ["400", "Error", ""],
      ["401", "Error", ""],
      ["429", "Error", "Retry-After"],
    ]);
    expect(operations[0]!.servers.map((s) => s.url)).toEqual(["https://api2.getkoala.com", "{proxy}"]);
    expect(operations[0]!.security).toEqual([]);
  });
});

describe("parametersSchema: a location's parameters as one object, checked by ajv against the document", () => {
  test("required, closed for path and query, each property a $ref to the parameter's schema", async () => {
    const document = await parseDocument(path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml"));
    const { operations } = extractOperations(document);
    const pathSchema = parametersSchema(operations[0]!, "path", "openapi.json")!;
    expect(pathSchema).toEqual({ type: "object", properties: { publicKey: { $ref: "openapi.json#/components/parameters/PublicKey/schema", description: "The workspace's public API key (not a secret)." } }, required: ["publicKey"], additionalProperties: false });
    expect(parametersSchema(operations[0]!, "query")).toBeUndefined();
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ ...document, $id: "openapi.json" });
    const validPath = ajv.compile(pathSchema);
    expect([validPath({ publicKey: "pk" }), validPath({ publicKey: "" }), validPath({}), validPath({ publicKey: "pk", extra: 1 })]).toEqual([true, false, false, false]);
    const validHeaders = ajv.compile(parametersSchema(operations[0]!, "header", "openapi.json")!);
    expect([validHeaders({ "User-Agent": "me/1.0" }), validHeaders({ "User-Agent": "me/1.0", "X-Other": "1" }), validHeaders({})]).toEqual([true, true, false]);
  });
});
