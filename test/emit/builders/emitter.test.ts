/**
 * The builders emitter in small pieces: which properties are stamps, which arguments a short
 * builder takes, and the text of a small module (inline snapshot).
 */
import { objectTypes } from "../../../generator/emit/builders/object-shape";
import { moduleText } from "../../helpers/generate";
import { irOf } from "../../helpers/ir";

const object = (
  properties: Record<string, object>,
  required: string[] = [],
): object => ({ type: "object", required, properties });

describe("stamps: found by name and format, never guessed twice", () => {
  test.each([
    [
      "message_id",
      { message_id: { type: "string" } },
      { idempotencyKey: "message_id" },
    ],
    [
      "idempotencyKey, uuid",
      { idempotencyKey: { type: "string", format: "uuid" } },
      { idempotencyKey: "idempotencyKey" },
    ],
    [
      "documented as one",
      {
        dedupe: { type: "string", description: "Idempotency key for retries." },
      },
      { idempotencyKey: "dedupe" },
    ],
    [
      "sent_at date-time",
      { sent_at: { type: "string", format: "date-time" } },
      { timestamp: "sent_at" },
    ],
    [
      "timestamp date-time",
      { timestamp: { type: "string", format: "date-time" } },
      { timestamp: "timestamp" },
    ],
    [
      "a date-time not named like a send time",
      { birthday: { type: "string", format: "date-time" } },
      {},
    ],
    ["sent_at without date-time", { sent_at: { type: "integer" } }, {}],
    [
      "an id with a pattern a UUID may not fit",
      { message_id: { type: "string", pattern: "^m-" } },
      {},
    ],
    ["an id with a const", { message_id: { const: "x" } }, {}],
    [
      "two candidates: ambiguous, none",
      { message_id: { type: "string" }, insert_id: { type: "string" } },
      {},
    ],
  ])("%s", async (_label, properties, want) => {
    const model = await irOf({ title: "T", ...object(properties) });
    expect(objectTypes(model)[0]!.stamps).toEqual(want);
  });
});

/** The exported function signatures of a schema's builders.ts, on one line each. */
async function signatures(schema: object): Promise<string[]> {
  const text = await moduleText(schema, "builders.ts", { emit: ["builders"] });
  return [...text.matchAll(/^export function (\w+)\(([^)]*)\)/gm)].map(
    (m) => `${m[1]}(${m[2]!.replace(/\s+/g, " ").trim().replace(/,$/, "")})`,
  );
}

const discriminated = (items: Record<string, object>): object => ({
  title: "Root",
  type: "object",
  properties: {
    items: {
      type: "array",
      items: {
        oneOf: Object.keys(items).map((k) => ({ $ref: `#/$defs/${k}` })),
      },
    },
  },
  $defs: items,
});

describe("short builders: arguments from the item type", () => {
  test.each([
    [
      "required string, then the one object, then options",
      {
        A: object(
          {
            op: { const: "add" },
            path: { type: "string" },
            value: { type: "object" },
          },
          ["op", "path"],
        ),
      },
      'add(path: A["path"], value?: A["value"], options?: AddOptions)',
    ],
    [
      "no required value: the one plain optional string, then the object",
      {
        A: object(
          {
            op: { const: "view" },
            title: { type: "string" },
            url: { type: "string", format: "uri" },
            extra: { type: "object" },
          },
          ["op"],
        ),
      },
      'view(title?: A["title"], extra?: A["extra"], options?: ViewOptions)',
    ],
    [
      "two optional strings: neither is positional",
      {
        A: object(
          {
            op: { const: "note" },
            a: { type: "string" },
            b: { type: "string" },
          },
          ["op"],
        ),
      },
      "note(options?: NoteOptions)",
    ],
    [
      "two required values, any types, in schema order",
      {
        A: object(
          {
            kind: { const: "move" },
            to: { type: "integer" },
            from: { type: "integer" },
          },
          ["kind", "from", "to"],
        ),
      },
      'move(to: A["to"], from: A["from"], options?: MoveOptions)',
    ],
    [
      "three required values: all by name, options required",
      {
        A: object(
          {
            kind: { const: "rect" },
            x: { type: "number" },
            y: { type: "number" },
            w: { type: "number" },
            note: { type: "object" },
          },
          ["kind", "x", "y", "w"],
        ),
      },
      "rect(options: RectOptions)",
    ],
    [
      "a defaulted required value is not positional",
      {
        A: object(
          { kind: { const: "ping" }, count: { type: "integer", default: 1 } },
          ["kind", "count"],
        ),
      },
      "ping(options?: PingOptions)",
    ],
    [
      "a property name that is not an identifier",
      {
        A: object({ kind: { const: "tag" }, "tag-name": { type: "string" } }, [
          "kind",
          "tag-name",
        ]),
      },
      'tag(tagName: A["tag-name"], options?: TagOptions)',
    ],
  ])("%s", async (_label, a, want) => {
    const schema = discriminated({
      ...a,
      B: object(
        {
          [Object.keys((a as { A: { properties: object } }).A.properties)[0]!]:
            { const: "other" },
        },
        [Object.keys((a as { A: { properties: object } }).A.properties)[0]!],
      ),
    });
    const found = await signatures(schema);
    expect(found).toContain(want);
    expect(found).toContain("other(options?: OtherOptions)");
  });

  test("no discriminator (a const in one type only, or equal values): no short builders", async () => {
    const one = await signatures(
      discriminated({
        A: object({ kind: { const: "a" } }, ["kind"]),
        B: object({ kind: { type: "string" } }, ["kind"]),
      }),
    );
    const same = await signatures(
      discriminated({
        A: object({ kind: { const: "x" } }, ["kind"]),
        B: object({ kind: { const: "x" } }, ["kind"]),
      }),
    );
    const optional = await signatures(
      discriminated({
        A: object({ kind: { const: "a" } }),
        B: object({ kind: { const: "b" } }),
      }),
    );
    for (const list of [one, same, optional])
      expect(list.filter((s) => !/^(create|chunk|group)/.test(s))).toEqual([]);
  });
});

test("a small module, whole", async () => {
  const schema = {
    title: "Order",
    type: "object",
    required: ["id"],
    properties: {
      id: { type: "string" },
      lines: { type: "array", maxItems: 2, items: { $ref: "#/$defs/Line" } },
    },
    $defs: {
      Line: {
        type: "object",
        required: ["kind", "sku"],
        properties: {
          kind: { const: "line" },
          sku: { type: "string" },
          qty: { type: "integer", default: 1 },
        },
      },
    },
  };
  expect(await moduleText(schema, "builders.ts", { emit: ["builders"] }))
    .toMatchInlineSnapshot(`
   "import type { Order, Line } from "./types.js";
   import { assertLine, assertOrder } from "./guards.js";
   import * as runtime from "./runtime/builders.js";
   export type { StampOptions, GroupOptions, InvalidEntry } from "./runtime/builders.js";

   /**
    * Builds an {@link Order} and checks it against the schema.
    *
    * @throws SchemaValidationError with the guard's errors when the result is not valid.
    */
   export function createOrder(input: Order): Order {
     const value = runtime.defined(input);
     assertOrder(value);
     return value;
   }

   /** What {@link createLine} takes: a {@link Line} whose constants may be left out. */
   export type LineInput = runtime.BuilderInput<Line, "kind">;

   /**
    * Builds a {@link Line} and checks it against the schema.
    * Fills in \`kind: "line"\`.
    * Defaults: \`qty: 1\`.
    *
    * @throws SchemaValidationError with the guard's errors when the result is not valid.
    */
   export function createLine(input: LineInput): Line {
     const value = { kind: "line", qty: 1, ...runtime.defined(input) };
     assertLine(value);
     return value;
   }

   /**
    * Splits an {@link Order} whose arrays hold more than their \`maxItems\` (\`lines\`: 2) into
    * as many requests as needed, in order; each keeps every non-array property (the identity).
    * A request within the limits comes back alone. Every part is checked with assertOrder,
    * unless \`options.validate\` is false (for a caller that checks the parts itself, or means not to).
    *
    * @throws SchemaValidationError with the guard's errors when a part is not valid.
    */
   export function chunkOrder(request: Order, options?: { validate?: boolean | undefined }): Order[] {
     const parts = runtime.chunkByLimits(request, [["lines", 2]]);
     if (options?.validate !== false) for (const part of parts) assertOrder(part);
     return parts;
   }

   /** Who an {@link Order} is about: every property but the item arrays. */
   export type OrderIdentity = runtime.Rest<Order, "lines">;

   /** An item of any of the arrays of an {@link Order}. */
   export type OrderItem = Line;

   /** An item and the identity it belongs to, for {@link groupOrderItems}. */
   export type OrderEntry = runtime.IdentifiedItem<OrderIdentity, OrderItem>;

   /**
    * Groups items by identity into requests: one per distinct identity (in order of first
    * appearance), each item in its array (always "lines"), split with {@link chunkOrder}.
    * An invalid entry is named by its index and identity; \`options.onInvalid\` ("skip", or a
    * function that is told each one) leaves it out instead of throwing, so the others still go.
    *
    * @throws TypeError when an item fits none of the arrays.
    * @throws SchemaValidationError with the guard's errors when an entry is not valid.
    */
   export function groupOrderItems(
     entries: Iterable<OrderEntry>,
     options?: runtime.GroupOptions<OrderEntry>,
   ): Order[] {
     return runtime.groupByIdentity<OrderIdentity, OrderItem, Order>(
       entries,
       () => "lines",
       chunkOrder,
       options,
     );
   }
   "
  `);
});

test("a builder type name that a schema type already has gets a suffix, and the module says so", async () => {
  const schema = {
    title: "Root",
    type: "object",
    properties: { a: { $ref: "#/$defs/Ping" } },
    $defs: {
      Ping: {
        type: "object",
        required: ["kind"],
        properties: { kind: { const: "ping" } },
      },
      PingInput: { type: "object", properties: { x: { type: "string" } } },
    },
  };
  const text = await moduleText(schema, "builders.ts", { emit: ["builders"] });
  expect(text).toContain(
    'export type PingInput2 = runtime.BuilderInput<Ping, "kind">;',
  );
  expect(text).toMatch(/^\/\/ name collision: .*"PingInput".*"PingInput2"/m);
});
