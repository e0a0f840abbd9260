/**
 * A query's or cookie's parameter whose schema is a bare type (`{"type": "integer"}`, with at most a
 * format and annotations) is typed in its location's object (`limit?: number`), not as a named type
 * of its own (load/openapi/parameter-schemas.ts's typedInItsObject). Every other parameter keeps its
 * derived name: an enum, bounds, a path's or a header's parameter, a 3.0 `nullable` one. The object's
 * guard checks the copied schema, at its place in the object.
 */
import { generate } from "../../generator/index";
import { guardsFor } from "../helpers/guards";
import { moduleText } from "../helpers/generate";

function documentOf(openapi: string): object {
  return {
    openapi,
    info: { title: "Pets", version: "1" },
    paths: {
      "/pets/{id}": {
        get: {
          operationId: "getPet",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "integer" } },
            { name: "limit", in: "query", description: "At most this many.", schema: { type: "integer", format: "int32", example: 10 } },
            { name: "q", in: "query", schema: { type: "string", "x-note": "free text" } },
            { name: "status", in: "query", schema: { type: "string", enum: ["a", "b"] } },
            { name: "page", in: "query", schema: { type: "integer", minimum: 1 } },
            { name: "session", in: "cookie", schema: { type: "string" } },
            { name: "X-Trace", in: "header", schema: { type: "string" } },
          ],
          responses: { "200": { description: "ok" } },
        },
      },
    },
  };
}

const exported = (types: string): string[] => [...types.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]!).sort();

test.each(["3.0.3", "3.1.0"])("OpenAPI %s: bare query and cookie parameters are typed in their objects, the others keep their names", async (openapi) => {
  const types = await moduleText(documentOf(openapi));
  expect(exported(types)).toEqual([
    "GetPetParamsCookie",
    "GetPetParamsHeader",
    "GetPetParamsHeaderXTrace",
    "GetPetParamsPath",
    "GetPetParamsPathId",
    "GetPetParamsQuery",
    "GetPetParamsQueryPage",
    "GetPetParamsQueryStatus",
  ]);
  const query = /export interface GetPetParamsQuery \{[^}]*\}/.exec(types)![0];
  expect(query).toMatch(/\* At most this many\.\s+\*\s+\* @format int32\s+\* @example 10\s+\*\/\s+limit\?: number;\s+q\?: string;\s+status\?: GetPetParamsQueryStatus;\s+page\?: GetPetParamsQueryPage;/);
  expect(/export interface GetPetParamsCookie \{[^}]*\}/.exec(types)![0]).toMatch(/session\?: string;/);
});

test("the object's guard checks a copied schema at its place in the object, and the others by their own types' places", async () => {
  const g = await guardsFor(documentOf("3.1.0"));
  expect(g.validateGetPetParamsQuery({ limit: 5, q: "x", status: "a", page: 1 })).toMatchObject({ ok: true });
  expect(g.validateGetPetParamsQuery({ limit: "5" }).errors).toEqual([
    { path: "/limit", schemaPath: "(schema) (parameters)#/$defs/GetPetParamsQuery/properties/limit/type", keyword: "type", message: "must be integer" },
  ]);
  expect(g.validateGetPetParamsQuery({ page: 0 }).errors).toEqual([
    { path: "/page", schemaPath: "#/paths/~1pets~1{id}/get/parameters/4/schema/minimum", keyword: "minimum", message: "must be >= 1" },
  ]);
  expect(g.validateGetPetParamsCookie({ session: 1 }).errors).toEqual([
    { path: "/session", schemaPath: "(schema) (parameters)#/$defs/GetPetParamsCookie/properties/session/type", keyword: "type", message: "must be string" },
  ]);
});

test("a 3.0 schema with `nullable` is no bare type: it keeps its name, and null passes", async () => {
  const document = documentOf("3.0.3") as { paths: Record<string, { get: { parameters: { schema: object }[] } }> };
  document.paths["/pets/{id}"]!.get.parameters[1]!.schema = { type: "integer", nullable: true };
  const types = await moduleText(document);
  expect(types).toMatch(/export type GetPetParamsQueryLimit = number \| null;/);
  const g = await guardsFor(document);
  expect(g.isGetPetParamsQuery({ limit: null })).toBe(true);
});

test("no warning for the annotations a copied schema keeps (a 3.0 `example`, an extension)", async () => {
  const { warnings } = await generate({ schema: documentOf("3.0.3"), emit: ["types", "guards"], build: false, format: false });
  expect(warnings).toEqual([]);
});
