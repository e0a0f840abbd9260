/**
 * A deterministic OpenAPI 3.0 document shaped like the large real ones (the APIs.guru corpus that
 * `npm run bench -- openapi` runs): `resources` resources, each with list/create/get/update/delete
 * operations, path, query and header parameters, inline request bodies and responses, components
 * with `nullable`, enums, formats and `$ref`s between them. It also carries what real documents do
 * that the specification frowns on and generation must survive: patterns only the non-Unicode
 * regular expression syntax accepts (`\:` in AWS documents), path templates that differ only in
 * parameter names (a warning), and a `$ref` whose JSON pointer walks through another `$ref`.
 */
export function syntheticOpenApi(resources: number): object {
  const paths: Record<string, object> = {};
  const schemas: Record<string, object> = {};
  const id = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9\\:\\-\\_]+$" } });
  for (let r = 0; r < resources; r++) {
    const name = `Resource${r}`;
    const plural = `/v1/resource-${r}s`;
    schemas[name] = {
      type: "object",
      required: ["id", "kind", "created"],
      properties: {
        id: { type: "string", pattern: "^res_[A-Za-z0-9\\_]+$" },
        kind: { type: "string", enum: ["alpha", "beta", `kind-${r}`] },
        created: { type: "string", format: "date-time" },
        email: { type: "string", format: "email", nullable: true },
        amount: { type: "integer", minimum: 0, exclusiveMaximum: true, maximum: 1_000_000 },
        tags: { type: "array", items: { type: "string", maxLength: 64 }, uniqueItems: true },
        metadata: { type: "object", additionalProperties: { type: "string" } },
        parent: r > 0 ? { $ref: `#/components/schemas/Resource${r - 1}` } : { type: "string", nullable: true },
        settings: {
          type: "object",
          properties: {
            mode: { type: "string", enum: ["on", "off"] },
            limits: { type: "array", items: { type: "object", properties: { key: { type: "string" }, value: { type: "number", multipleOf: 0.5 } } } },
          },
        },
      },
    };
    const listQuery = [
      { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
      { name: "starting_after", in: "query", schema: { type: "string" } },
      { name: "expand", in: "query", style: "deepObject", schema: { type: "array", items: { type: "string" } } },
      { name: "X-Request-Id", in: "header", schema: { type: "string", format: "uuid" } },
    ];
    const body = {
      required: true,
      content: {
        "application/json": {
          schema: { type: "object", required: ["kind"], properties: { kind: { type: "string", enum: ["alpha", "beta"] }, email: { type: "string", format: "email" }, tags: { type: "array", items: { type: "string" } } } },
        },
      },
    };
    const one = { description: "ok", content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } };
    const error = { description: "error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    paths[plural] = {
      get: {
        operationId: `list${name}s`,
        parameters: listQuery,
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { type: "object", required: ["data"], properties: { data: { type: "array", items: { $ref: `#/components/schemas/${name}` } }, has_more: { type: "boolean" } } } } } },
          default: error,
        },
      },
      post: { operationId: `create${name}`, requestBody: body, responses: { "201": one, "400": error } },
    };
    paths[`${plural}/{id}`] = {
      parameters: [id("id")],
      get: { operationId: `get${name}`, responses: { "200": one, "404": error } },
      post: { operationId: `update${name}`, requestBody: body, responses: { "200": one } },
      delete: { operationId: `delete${name}`, responses: { "204": { description: "gone" } } },
    };
    // The same template as the one above but for its parameter name: a warning, not a refusal.
    if (r % 10 === 0) paths[`${plural}/{key}`] = { put: { operationId: `replace${name}`, parameters: [id("key")], requestBody: body, responses: { "200": one } } };
  }
  schemas.Error = { type: "object", required: ["message"], properties: { message: { type: "string" }, code: { type: "string", nullable: true } } };
  // A pointer through the `$ref` at .../schema (to Resource0) into that schema's properties.
  schemas.Settings0 = { $ref: "#/paths/~1v1~1resource-0s~1%7Bid%7D/get/responses/200/content/application~1json/schema/properties/settings" };
  return { openapi: "3.0.3", info: { title: "Synthetic API", version: "1.0.0" }, servers: [{ url: "https://api.example.test" }], paths, components: { schemas } };
}
