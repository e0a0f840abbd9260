/** openapi/semantic-checks.ts (+ path-checks, ref-checks): the rules the OpenAPI schemas cannot express. */
import * as path from "node:path";
import { checkOpenApiSemantics, type Finding } from "../../generator/load/openapi/semantic-checks";
import { parseDocument, sharedDocuments } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const doc = (extra: object) => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, ...extra });
const id = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });

test.each<[string, { given: object; want: Finding[] }]>([
  ["a sound document: nothing", { given: doc({ paths: { "/a/{x}": { parameters: [id("x")], get: { operationId: "a" } }, "/a/b": { get: { operationId: "b" } } } }), want: [] }],
  [
    "operationIds repeat (across paths, webhooks and callbacks)",
    {
      given: doc({
        paths: { "/a": { get: { operationId: "op", callbacks: { cb: { "{$request.body#/url}": { post: { operationId: "op" } } } } } }, "/b": { post: { operationId: "op" } } },
        webhooks: { hook: { post: { operationId: "op" } } },
      }),
      want: [
        { pointer: "#/paths/~1b/post/operationId", message: 'operationId "op" is not unique: #/paths/~1a/get has it too' },
        { pointer: "#/webhooks/hook/post/operationId", message: 'operationId "op" is not unique: #/paths/~1a/get has it too' },
        { pointer: "#/paths/~1a/get/callbacks/cb/{$request.body#~1url}/post/operationId", message: 'operationId "op" is not unique: #/paths/~1a/get has it too' },
      ],
    },
  ],
  [
    "a template parameter not declared, for each operation that lacks it",
    {
      given: doc({ paths: { "/a/{x}/{y}": { parameters: [id("x")], get: { parameters: [id("y")] }, put: {} } } }),
      want: [{ pointer: "#/paths/~1a~1{x}~1{y}/put", message: 'path parameter "y" of /a/{x}/{y} is not declared (no parameter with in: path and name: y)' }],
    },
  ],
  ["a path item without operations is exempt", { given: doc({ paths: { "/a/{x}": {} } }), want: [] }],
  [
    "a declared path parameter that is not in the template; one that is not required",
    {
      given: doc({ paths: { "/a": { get: { parameters: [id("z"), { name: "w", in: "path", schema: {} }] } } } }),
      want: [
        { pointer: "#/paths/~1a/get/parameters/0", message: 'path parameter "z" is not in the path template' },
        { pointer: "#/paths/~1a/get/parameters/1", message: 'path parameter "w" is not in the path template' },
        { pointer: "#/paths/~1a/get/parameters/1", message: 'path parameter "w" must have required: true' },
      ],
    },
  ],
  [
    "a (name, in) twice in one list, also through a $ref; header names ignore case; other locations do not clash",
    {
      given: doc({
        paths: {
          "/a": {
            get: {
              parameters: [
                { name: "q", in: "query" },
                { $ref: "#/components/parameters/Q" },
                { name: "X-Id", in: "header" },
                { name: "x-id", in: "header" },
                { name: "q", in: "header" },
              ],
            },
          },
        },
        components: { parameters: { Q: { name: "q", in: "query" } } },
      }),
      want: [
        { pointer: "#/paths/~1a/get/parameters/1", message: 'parameter "q" (in: query) is declared twice in this list, first at #/paths/~1a/get/parameters/0' },
        { pointer: "#/paths/~1a/get/parameters/3", message: 'parameter "x-id" (in: header) is declared twice in this list, first at #/paths/~1a/get/parameters/2' },
      ],
    },
  ],
  [
    "the first place named in the message is shown as a place is, percent-encoded (a space, é, {})",
    {
      given: doc({ paths: { "/é {a}": { get: { parameters: [{ name: "q", in: "query" }, { name: "q", in: "query" }] } } } }),
      want: [
        { pointer: "#/paths/~1é {a}/get/parameters/1", message: 'parameter "q" (in: query) is declared twice in this list, first at #/paths/~1%C3%A9%20%7Ba%7D/get/parameters/0' },
        { pointer: "#/paths/~1é {a}/get", message: 'path parameter "a" of /é {a} is not declared (no parameter with in: path and name: a)' },
      ],
    },
  ],
  [
    "the same parameter at path-item and operation level is an override, not a duplicate",
    { given: doc({ paths: { "/a/{x}": { parameters: [id("x")], get: { parameters: [id("x")] } } } }), want: [] },
  ],
  [
    "templates that differ only in parameter names collide",
    {
      given: doc({ paths: { "/a/{x}": { parameters: [id("x")] }, "/a/{y}": { parameters: [id("y")] }, "/a/{x}/b": {}, "/a/b": {} } }),
      want: [{ pointer: "#/paths/~1a~1{y}", message: "path template /a/{y} is the same as /a/{x} but for its parameter names", warning: true }],
    },
  ],
  [
    "local $refs that do not resolve; other files, anchors and data are not checked",
    {
      given: doc({
        paths: { "/a": { get: { responses: { default: { $ref: "#/components/responses/Gone" } }, parameters: [{ $ref: "common.yaml#/parameters/P" }] } } },
        components: {
          schemas: {
            A: { type: "object", properties: { default: { $ref: "#/components/schemas/Missing" }, b: { $ref: "#anchor" } }, default: { $ref: "#/not/checked" }, examples: [{ $ref: "#/no" }] },
            B: { $id: "https://example.com/b", $defs: { x: {} }, items: { $ref: "#/$defs/x" } },
            C: { items: { $ref: "#/$defs/x" } },
          },
          examples: { E: { value: { $ref: "#/data/only" } }, F: { $ref: "#/components/examples/Nope" } },
          responses: {},
        },
      }),
      want: [
        { pointer: "#/paths/~1a/get/responses/default/$ref", message: '$ref "#/components/responses/Gone" does not resolve inside the document' },
        { pointer: "#/components/schemas/A/properties/default/$ref", message: '$ref "#/components/schemas/Missing" does not resolve inside the document' },
        { pointer: "#/components/schemas/C/items/$ref", message: '$ref "#/$defs/x" does not resolve inside the document' },
        { pointer: "#/components/examples/F/$ref", message: '$ref "#/components/examples/Nope" does not resolve inside the document' },
      ],
    },
  ],
  [
    "security requirements naming undeclared schemes, at the root and per operation",
    {
      given: doc({ security: [{ key: [] }, { nope: [] }], paths: { "/a": { get: { security: [{ oauth: ["read"] }] } } }, components: { securitySchemes: { key: { type: "apiKey", name: "k", in: "header" } } } }),
      want: [
        { pointer: "#/security/1/nope", message: 'security scheme "nope" is not declared in components.securitySchemes' },
        { pointer: "#/paths/~1a/get/security/0/oauth", message: 'security scheme "oauth" is not declared in components.securitySchemes' },
      ],
    },
  ],
])("%s", (_name, { given, want }) => {
  expect(checkOpenApiSemantics(given as Record<string, unknown>)).toEqual(want);
});

test("a deeply nested schema is walked without recursion", () => {
  let schema: object = { $ref: "#/components/schemas/Missing" };
  for (let i = 0; i < 50_000; i++) schema = { items: schema };
  const found = checkOpenApiSemantics(doc({ components: { schemas: { Deep: schema } } }));
  expect(found).toHaveLength(1);
  expect(found[0]!.pointer).toBe(`#/components/schemas/Deep${"/items".repeat(50_000)}/$ref`);
});

// Checked by hand: of the specification's own documents, two break a rule for real (typos in the
// examples) and the checks say so; every other one is sound.
const BROKEN: Record<string, Finding[]> = {
  "operation-object-example.yaml": [
    { pointer: "#/paths/~1pets~1{id}/put/parameters/0", message: 'path parameter "petId" is not in the path template' },
    { pointer: "#/paths/~1pets~1{id}/put", message: 'path parameter "id" of /pets/{id} is not declared (no parameter with in: path and name: id)' },
    { pointer: "#/paths/~1pets~1{id}/put/security/0/petstore_auth", message: 'security scheme "petstore_auth" is not declared in components.securitySchemes' },
  ],
  "parameter-object-examples.yaml": [{ pointer: "#/paths/~1user~1{username}/parameters/1", message: 'path parameter "usernames" is not in the path template' }],
};

test.each([...sharedDocuments("3.1/pass"), ...sharedDocuments("3.0/examples")])("%s", async (file) => {
  expect(checkOpenApiSemantics(await parseDocument(file))).toEqual(BROKEN[path.basename(file)] ?? []);
});

test("Koala's ingestion API is sound", async () => {
  expect(checkOpenApiSemantics(await parseDocument(path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml")))).toEqual([]);
});
