/** Several schemas into one namespace: identical definitions shared, different ones a suffix (or an error on request). */
import { CodegenError } from "../../generator/errors";
import { mergeModels, selectSchemas } from "../../generator/ir/merge-models";
import type { IrModel } from "../../generator/ir/model";
import { irOf } from "../helpers/ir";
import { namesDerivedFrom } from "../../generator/emit/index";

const track = { type: "object", required: ["event"], properties: { event: { type: "string" } } };

async function models(...schemas: object[]): Promise<IrModel[]> {
  return Promise.all(schemas.map((s) => irOf(s)));
}

test("an identical definition in two schemas is one shared type", async () => {
  const [a, b] = await models(
    { title: "A", properties: { e: { $ref: "#/$defs/TrackEvent" } }, $defs: { TrackEvent: track } },
    { title: "B", properties: { events: { items: { $ref: "#/definitions/TrackEvent" } } }, definitions: { TrackEvent: track } },
  );
  const merged = mergeModels([a!, b!], { derivedNames: namesDerivedFrom });
  expect(merged.model.types.map((t) => t.name)).toEqual(["A", "TrackEvent", "B"]);
  expect(merged.model.roots!.map((r) => r.name)).toEqual(["A", "B"]);
  expect(merged.typesOf).toEqual([["A", "TrackEvent"], ["B", "TrackEvent"]]);
  expect(merged.model.warnings).toEqual([]);
  expect(selectSchemas(merged, [1]).types.map((t) => t.name)).toEqual(["TrackEvent", "B"]);
  expect(selectSchemas(merged, [1]).rootName).toBe("B");
});

test("with nameCollisions: error, a name defined differently is a name collision error naming both places", async () => {
  const [a, b] = await models({ title: "A", $defs: { TrackEvent: track } }, { title: "B", $defs: { TrackEvent: { type: "string" } } });
  let error: unknown;
  try {
    mergeModels([a!, b!], { nameCollisions: "error", derivedNames: namesDerivedFrom });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CodegenError);
  expect((error as CodegenError).code).toBe("nameCollision");
  expect((error as CodegenError).format()).toBe(
    '(schema)#/$defs/TrackEvent: name collision: "TrackEvent" is also defined, differently, by (schema)#/$defs/TrackEvent; rename one of them (without --name-collisions error it would be "TrackEvent2")',
  );
});

test("by default, the later type is renamed with a suffix and its references follow", async () => {
  const [a, b] = await models(
    { title: "A", $defs: { TrackEvent: track } },
    { title: "B", properties: { e: { $ref: "#/$defs/TrackEvent" } }, $defs: { TrackEvent: { type: "string" } } },
  );
  const merged = mergeModels([a!, b!], { derivedNames: namesDerivedFrom });
  expect(merged.model.types.map((t) => t.name)).toEqual(["A", "TrackEvent", "B", "TrackEvent2"]);
  const root = merged.model.types.find((t) => t.name === "B")!.schema as { properties: { schema: { ref: string } }[] };
  expect(root.properties[0]!.schema.ref).toBe("TrackEvent2");
  expect(merged.model.warnings).toEqual(['(schema)#/$defs/TrackEvent: name collision: "TrackEvent" is also defined, differently, by (schema)#/$defs/TrackEvent; using "TrackEvent2"']);
});

test("equal text that references a differing type is not shared (the fixpoint)", async () => {
  const wrapper = { properties: { inner: { $ref: "#/$defs/Inner" } } };
  const [a, b] = await models(
    { title: "A", $defs: { Wrapper: wrapper, Inner: { type: "string" } } },
    { title: "B", $defs: { Wrapper: wrapper, Inner: { type: "number" } } },
  );
  const merged = mergeModels([a!, b!], { nameCollisions: "suffix", derivedNames: namesDerivedFrom });
  expect(merged.model.types.map((t) => t.name)).toEqual(["A", "Wrapper", "Inner", "B", "Wrapper2", "Inner2"]);
  const wrapper2 = merged.model.types.find((t) => t.name === "Wrapper2")!.schema as { properties: { schema: { ref: string } }[] };
  expect(wrapper2.properties[0]!.schema.ref).toBe("Inner2");
});

test("a type whose derived names another schema's type already takes collides too", async () => {
  const [a, b] = await models({ title: "A", $defs: { UserSchema: { type: "string" } } }, { title: "B", $defs: { User: { type: "object" } } });
  expect(() => mergeModels([a!, b!], { nameCollisions: "error", derivedNames: namesDerivedFrom })).toThrow('name collision: "User" derives "UserSchema", which is taken by UserSchema');
  const merged = mergeModels([a!, b!], { nameCollisions: "suffix", derivedNames: namesDerivedFrom });
  expect(merged.model.types.map((t) => t.name)).toEqual(["A", "UserSchema", "B", "User2"]);
});

test("one schema: the model as it was, with its root listed", async () => {
  const [a] = await models({ title: "A", $defs: { TrackEvent: track } });
  const merged = mergeModels([a!], { derivedNames: namesDerivedFrom });
  expect(merged.model.types).toBe(a!.types);
  expect(merged.model.source.hash).toBe(a!.source.hash);
  expect(merged.model.roots).toEqual([{ name: "A", type: "A", file: "(schema)", hash: a!.source.hash }]);
});

test("a name collision's warning shows its places as errors do: percent-encoded (`{id}` → `%7Bid%7D`)", async () => {
  const [a, b] = await models({ title: "A", $defs: { "Item{id}": track } }, { title: "B", $defs: { "Item{id}": { type: "string" } } });
  const merged = mergeModels([a!, b!], { derivedNames: namesDerivedFrom });
  expect(merged.model.warnings).toEqual([
    '(schema)#/$defs/Item%7Bid%7D: name collision: "ItemId" is also defined, differently, by (schema)#/$defs/Item%7Bid%7D; using "ItemId2"',
  ]);
});
