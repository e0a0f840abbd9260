import { NameAllocator } from "../../generator/ir/naming";
import { namesDerivedFrom } from "../../generator/emit/index";
import { guardNames } from "../../generator/emit/guards/artifact";
import { findInPlaceCycle } from "../../generator/ir/reference-cycles";
import { CodegenError } from "../../generator/errors";
import { irOf } from "../helpers/ir";

describe("names derived from type names (isX, XSchema, createX, ...)", () => {
  test("the agreed names", () => {
    expect(namesDerivedFrom("Foo", false)).toEqual(["isFoo", "validateFoo", "assertFoo", "FooSchema", "createFoo"]);
    expect(namesDerivedFrom("Foo", true)).toEqual([
      "isFoo", "validateFoo", "assertFoo", "FooSchema", "createFoo", "chunkFoo", "groupFooItems", "createFooClient", "FooClient", "FooClientOptions",
    ]);
    expect(guardNames.standardSchema("TrackEvent")).toBe("TrackEventSchema");
  });

  test("a type may not take a name another type's Standard Schema object has", () => {
    const names = new NameAllocator([], namesDerivedFrom);
    expect(names.allocate("Address", "#/$defs/Address")).toBe("Address");
    expect(names.allocate("AddressSchema", "#/$defs/AddressSchema")).toBe("AddressSchema2");
    expect(names.warnings).toEqual(['name collision: #/$defs/AddressSchema wanted "AddressSchema", taken by #/$defs/Address (as AddressSchema); using "AddressSchema2"']);
  });

  test("nor take a name whose derived names are taken: first comer keeps its names", () => {
    const names = new NameAllocator([], namesDerivedFrom);
    expect(names.allocate("AddressSchema", "#/$defs/AddressSchema")).toBe("AddressSchema");
    expect(names.allocate("Address", "#/$defs/Address")).toBe("Address2");
    expect(names.warnings).toEqual(['name collision: #/$defs/Address wanted "Address", its derived name "AddressSchema" is taken by #/$defs/AddressSchema; using "Address2"']);
  });

  test("root-only names: the root's createXClient blocks a type XClient's createXClient builder", () => {
    const names = new NameAllocator([], namesDerivedFrom);
    expect(names.allocate("Koala", "#", true)).toBe("Koala");
    expect(names.allocate("KoalaClient", "#/$defs/KoalaClient")).toBe("KoalaClient2");
    // Not the root: a FooClient next to Foo is fine.
    expect(names.allocate("Foo", "#/$defs/Foo")).toBe("Foo");
    expect(names.allocate("FooClient", "#/$defs/FooClient")).toBe("FooClient");
  });

  test("a client named apart from the root (--client-name) reserves its names through generate()", async () => {
    const { generate } = await import("../../generator/index");
    const result = await generate({ schema: { title: "Koala", $defs: { AcmeClient: {}, AcmeClientOptions: {}, Acme: {} } }, build: false, client: { name: "Acme" }, nameCollisions: "suffix" });
    expect(result.model.types.map((t) => t.name)).toEqual(["Koala", "AcmeClient2", "AcmeClientOptions2", "Acme"]);
  });

  test("value names compare exactly: a type CreateUser and the builder createUser coexist", () => {
    const names = new NameAllocator([], namesDerivedFrom);
    expect(names.allocate("User", "#/$defs/User")).toBe("User");
    expect(names.allocate("CreateUser", "#/$defs/CreateUser")).toBe("CreateUser");
    expect(names.warnings).toEqual([]);
  });

  test("names an emitter reserves (helpers, runtime exports) are never derived", () => {
    const names = new NameAllocator(["isInteger", "ValidationError"], namesDerivedFrom);
    expect(names.allocate("integer", "#/$defs/integer")).toBe("Integer2");
    expect(names.allocate("ValidationError", "#/$defs/ValidationError")).toBe("ValidationError2");
    expect(names.allocate("IsObject", "#/$defs/IsObject")).toBe("IsObject");
  });
});

describe("reference cycles", () => {
  test("a cycle through properties/items is recursion, not an error", async () => {
    const model = await irOf({ $defs: { A: { type: "array", items: { $ref: "#/$defs/B" } }, B: { properties: { a: { $ref: "#/$defs/A" } } } } });
    expect(findInPlaceCycle(model.types)).toBeUndefined();
  });

  test.each<[string, object, string]>([
    ["$ref to $ref", { $defs: { A: { $ref: "#/$defs/B" }, B: { $ref: "#/$defs/A" } } }, "reference cycle #/$defs/A → #/$defs/B → #/$defs/A"],
    ["root anyOf itself", { anyOf: [{ type: "string" }, { $ref: "#" }] }, "reference cycle # → #"],
    ["through allOf and not", { $defs: { A: { allOf: [{ not: { $ref: "#/$defs/A" } }] } } }, "reference cycle #/$defs/A → #/$defs/A"],
  ])("a cycle that never descends into the value is an error: %s", async (_name, schema, message) => {
    const error = (await irOf(schema).catch((e: unknown) => e)) as CodegenError;
    expect(error).toBeInstanceOf(CodegenError);
    expect(error.message).toBe(`${message} never descends into the value: validating it would loop forever`);
  });

  test("a 1,000-long in-place chain is found without overflowing the stack", async () => {
    const $defs: Record<string, object> = {};
    for (let i = 0; i < 1000; i++) $defs[`T${i}`] = { $ref: `#/$defs/T${(i + 1) % 1000}` };
    const error = (await irOf({ $defs }).catch((e: unknown) => e)) as CodegenError;
    expect(error.message).toMatch(/^reference cycle #\/\$defs\/T0 → #\/\$defs\/T1 → .* → #\/\$defs\/T999 → #\/\$defs\/T0 never descends/);
  });
});
