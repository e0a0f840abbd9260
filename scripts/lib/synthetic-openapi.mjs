// A synthetic OpenAPI 3.1 document of `operations` operations, the same bytes on every run (no
// randomness): `operations / 3` resources, each with a list (GET, query parameters), a create (POST,
// JSON body, an Idempotency-Key header) and a read (GET, path parameter, 200/404). Components: the
// resource, its creation body, one shared Error; bearer and API key security; a server with variables.
// Used by scripts/bench-openapi-client.mjs; `node scripts/lib/synthetic-openapi.mjs [n]` prints it.
import { fileURLToPath } from "node:url";

export function syntheticOpenApi(operations = 300) {
  const resources = Math.ceil(operations / 3);
  const paths = {};
  const schemas = { Error: { type: "object", required: ["code", "message"], properties: { code: { type: "integer" }, message: { type: "string" } } } };
  const error = { description: "An error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  let count = 0;
  for (let i = 0; i < resources && count < operations; i++) {
    const name = `Resource${i}`;
    schemas[name] = {
      type: "object",
      required: ["id", "name", "createdAt"],
      properties: {
        id: { type: "string", format: "uuid" },
        name: { type: "string", minLength: 1, maxLength: 200 },
        tags: { type: "array", items: { type: "string" }, maxItems: 20 },
        size: { type: "integer", minimum: 0 },
        status: { enum: ["active", "archived", "deleted"] },
        createdAt: { type: "string", format: "date-time" },
      },
    };
    schemas[`New${name}`] = { type: "object", required: ["name"], additionalProperties: false, properties: { name: { type: "string", minLength: 1 }, tags: { type: "array", items: { type: "string" } }, size: { type: "integer", minimum: 0 } } };
    const list = `/resources${i}`;
    paths[list] = {};
    paths[`${list}/{id}`] = {};
    const ops = [
      () =>
        (paths[list].get = {
          operationId: `list${name}`,
          parameters: [
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
            { name: "cursor", in: "query", schema: { type: "string" } },
            { name: "tag", in: "query", schema: { type: "array", items: { type: "string" } } },
          ],
          responses: { 200: { description: "A page", content: { "application/json": { schema: { type: "object", required: ["items"], properties: { items: { type: "array", items: { $ref: `#/components/schemas/${name}` } }, next: { type: "string" } } } } } }, default: error },
        }),
      () =>
        (paths[list].post = {
          operationId: `create${name}`,
          parameters: [{ name: "Idempotency-Key", in: "header", schema: { type: "string" } }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/New${name}` } } } },
          responses: { 201: { description: "Created", content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } }, 400: error, default: error },
        }),
      () =>
        (paths[`${list}/{id}`].get = {
          operationId: `get${name}`,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { 200: { description: "The resource", content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } }, 404: error },
        }),
    ];
    for (const op of ops) if (count++ < operations) op();
  }
  return {
    openapi: "3.1.0",
    info: { title: "Synthetic", version: "1.0.0" },
    servers: [{ url: "https://{region}.api.example.com/v1", variables: { region: { default: "eu", enum: ["eu", "us"] } } }],
    security: [{ bearer: [] }, { key: [] }],
    paths,
    components: { schemas, securitySchemes: { bearer: { type: "http", scheme: "bearer" }, key: { type: "apiKey", in: "header", name: "X-Api-Key" } } },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(syntheticOpenApi(Number(process.argv[2] ?? 300)), null, 2));
