import { moduleText } from "../helpers/generate";

describe("emitTypes", () => {
  test("object → interface; required exact; index signature only where extra keys are allowed", async () => {
    expect(
      await moduleText({
        title: "Event",
        type: "object",
        required: ["type"],
        properties: { type: { const: "track" }, count: { type: "integer" } },
        additionalProperties: false,
        $defs: {
          Open: { type: "object", properties: { a: { type: "string" } } },
        },
      }),
    ).toMatchInlineSnapshot(`
     "export interface Event {
       type: "track";
       count?: number;
     }

     export interface Open {
       [key: string]: unknown;
       a?: string;
     }
     "
    `);
  });

  test("a required key with no properties entry: the type of the pattern or additionalProperties that applies to it (lix: TS2411)", async () => {
    expect(
      await moduleText({
        title: "Tables",
        type: "object",
        required: ["vector_clock"],
        additionalProperties: { type: "array", items: { type: "object" } },
        $defs: {
          Labels: {
            type: "object",
            required: ["x-count", "name", "other"],
            properties: { name: { type: "string" } },
            patternProperties: { "^x-": { type: "integer" } },
          },
        },
      }),
    ).toMatchInlineSnapshot(`
     "export interface Tables {
       [key: string]: { [key: string]: unknown }[];
       vector_clock: { [key: string]: unknown }[];
     }

     export interface Labels {
       [key: string]: unknown;
       name: string;
       "x-count": number;
       other: unknown;
     }
     "
    `);
  });

  test("anyOf/oneOf of required branches → a union that needs one of them", async () => {
    expect(
      await moduleText({
        title: "Who",
        type: "object",
        properties: { id: { type: "string" }, email: { type: "string" } },
        anyOf: [{ required: ["id"] }, { required: ["email"] }],
        $defs: {
          Exactly: {
            type: "object",
            properties: { a: { type: "number" }, b: { type: "number" } },
            oneOf: [{ required: ["a"] }, { required: ["b"] }],
            additionalProperties: false,
          },
        },
      }),
    ).toMatchInlineSnapshot(`
     "export type Who = { id?: string; email?: string; [key: string]: unknown } & (
       { id: string } | { email: string }
     );

     export type Exactly = { a?: number; b?: number } & (
       { a: number; b?: never } | { b: number; a?: never }
     );
     "
    `);
  });

  test("enum and const beside type: only the values of those types (none: never)", async () => {
    const text = await moduleText({
      title: "Typed",
      type: "object",
      properties: {
        group: { type: "object", enum: ["PKW", "VAN"] },
        count: { type: "integer", enum: ["x", 1, 2.5, 3] },
        ratio: { type: "number", enum: [1, 2.5, "3"] },
        name: { type: "string", const: 3 },
        maybe: { type: ["string", "null"], enum: ["a", null, 1] },
        shape: { type: "object", enum: [{ a: 1 }, [1]] },
      },
    });
    expect(text).toContain("group?: never;");
    expect(text).toContain("count?: 1 | 3;");
    expect(text).toContain("ratio?: 1 | 2.5;");
    expect(text).toContain("name?: never;");
    expect(text).toContain('maybe?: "a" | null;');
    expect(text).toContain("shape?: { readonly a: 1 };");
  });

  test("enum, const, nullable, tuple, additionalProperties schema, allOf, recursion", async () => {
    expect(
      await moduleText({
        title: "Mixed",
        type: "object",
        properties: {
          color: { enum: ["red", "green", null] },
          version: { const: 2 },
          note: { type: ["string", "null"] },
          point: {
            type: "array",
            prefixItems: [{ type: "number" }, { type: "number" }],
            minItems: 2,
            items: false,
          },
          labels: { type: "object", additionalProperties: { type: "string" } },
          tree: { $ref: "#/$defs/Tree" },
          both: {
            allOf: [
              { $ref: "#/$defs/Tree" },
              { type: "object", required: ["extra"] },
            ],
          },
        },
        $defs: {
          Tree: {
            type: "object",
            properties: {
              children: { type: "array", items: { $ref: "#/$defs/Tree" } },
            },
          },
        },
      }),
    ).toMatchInlineSnapshot(`
     "export interface Mixed {
       [key: string]: unknown;
       color?: "red" | "green" | null;
       version?: 2;
       note?: string | null;
       /** @minItems 2 */
       point?: [number, number];
       labels?: { [key: string]: string };
       tree?: Tree;
       both?: Tree & { extra: unknown; [key: string]: unknown };
     }

     export interface Tree {
       [key: string]: unknown;
       children?: Tree[];
     }
     "
    `);
  });

  test("no `type`: object keywords constrain only objects, so other JSON types stay possible", async () => {
    expect(
      await moduleText({
        title: "Loose",
        properties: { a: { type: "string" } },
      }),
    ).toMatchInlineSnapshot(`
     "export type Loose =
       { a?: string; [key: string]: unknown } | unknown[] | string | number | boolean | null;
     "
    `);
  });

  test("JSDoc carries description, examples, default, format, bounds, deprecated; `*/` cannot close it", async () => {
    expect(
      await moduleText({
        title: "Doc",
        type: "object",
        properties: {
          size: {
            type: "integer",
            description: "How big. */ alert(1) /*",
            minimum: 1,
            maximum: 10,
            default: 3,
            examples: [5],
            deprecated: true,
          },
          at: { type: "string", format: "date-time" },
        },
      }),
    ).toMatchInlineSnapshot(`
     "export interface Doc {
       [key: string]: unknown;
       /**
        * How big. *\\/ alert(1) /*
        *
        * @minimum 1
        * @maximum 10
        * @default 3
        * @example 5
        * @deprecated
        */
       size?: number;
       /** @format date-time */
       at?: string;
     }
     "
    `);
  });
});
