/**
 * Every IR keyword is claimed: by exactly one keyword module (emit/keywords/index.ts), which reads
 * it into the IR, checks it in the guards and classifies a change to it in `diff`. The list of IR
 * keywords is IR_KEYWORDS (ir/model.ts, compiler-checked against IrNode), so a new IrNode field
 * fails here until a module claims it, and `SAMPLES` (a Record over the keywords) does not compile
 * until it has a schema using it.
 */
import { KEYWORDS } from "../../generator/emit/keywords/index";
import { emitGuards } from "../../generator/emit/guards/index";
import { fromJsonSchema } from "../../generator/ir/from-json-schema";
import { IR_KEYWORDS, isNode, type IrKeyword, type IrModel, type IrNode, type IrSchema } from "../../generator/ir/model";
import { SCHEMA_ARRAY_KEYWORDS, SCHEMA_MAP_KEYWORDS, SINGLE_SCHEMA_KEYWORDS } from "../../generator/load/keywords";
import { loadSchema } from "../../generator/load/load-schema";
import { diffModels } from "../../generator/release/diff-models";

/**
 * A schema in which the node at `at` (a schema path; default the root) has the keyword; for a
 * keyword only OpenAPI defines (`discriminator`), an OpenAPI document, which loadSchema reads too.
 */
interface Sample {
  schema: object;
  at?: string;
}

const dynamic = {
  $id: "https://example.com/tree",
  $dynamicAnchor: "node",
  type: "object",
  properties: { child: { $dynamicRef: "#node" } },
};

/** Cat or Dog, picked by `kind`: the Discriminator Object's implicit mapping (each tag a component's name). */
const pets = {
  openapi: "3.1.0",
  info: { title: "Pets", version: "1.0.0" },
  paths: {},
  components: {
    schemas: {
      Cat: { type: "object", required: ["kind"], properties: { kind: { type: "string" }, meows: { type: "boolean" } } },
      Dog: { type: "object", required: ["kind"], properties: { kind: { type: "string" }, barks: { type: "boolean" } } },
      Pet: { oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }], discriminator: { propertyName: "kind" } },
    },
  },
};

const SAMPLES: Record<IrKeyword, Sample> = {
  ref: { schema: { $defs: { A: { type: "string" } }, $ref: "#/$defs/A" } },
  dynamicRef: { schema: dynamic, at: "#/properties/child" },
  dynamicScope: { schema: dynamic },
  type: { schema: { type: "string" } },
  const: { schema: { const: "a" } },
  enum: { schema: { enum: ["a", 1] } },
  minLength: { schema: { minLength: 2 } },
  maxLength: { schema: { maxLength: 2 } },
  pattern: { schema: { pattern: "^a" } },
  format: { schema: { format: "email" } },
  minimum: { schema: { minimum: 1 } },
  maximum: { schema: { maximum: 1 } },
  exclusiveMinimum: { schema: { exclusiveMinimum: 1 } },
  exclusiveMaximum: { schema: { exclusiveMaximum: 1 } },
  multipleOf: { schema: { multipleOf: 3 } },
  prefixItems: { schema: { prefixItems: [{ type: "string" }] } },
  items: { schema: { items: { type: "string" } } },
  contains: { schema: { contains: { type: "string" } } },
  minContains: { schema: { contains: { type: "string" }, minContains: 2 } },
  maxContains: { schema: { contains: { type: "string" }, maxContains: 2 } },
  minItems: { schema: { minItems: 1 } },
  maxItems: { schema: { maxItems: 1 } },
  uniqueItems: { schema: { uniqueItems: true } },
  unevaluatedItems: { schema: { unevaluatedItems: { type: "string" } } },
  properties: { schema: { properties: { a: { type: "string" } } } },
  patternProperties: { schema: { patternProperties: { "^a": { type: "string" } } } },
  additionalProperties: { schema: { additionalProperties: { type: "string" } } },
  propertyNames: { schema: { propertyNames: { maxLength: 3 } } },
  required: { schema: { properties: { a: { type: "string" } }, required: ["a"] } },
  dependentRequired: { schema: { dependentRequired: { a: ["b"] } } },
  dependentSchemas: { schema: { dependentSchemas: { a: { required: ["b"] } } } },
  minProperties: { schema: { minProperties: 1 } },
  maxProperties: { schema: { maxProperties: 1 } },
  unevaluatedProperties: { schema: { unevaluatedProperties: { type: "string" } } },
  allOf: { schema: { allOf: [{ type: "string" }] } },
  anyOf: { schema: { anyOf: [{ type: "string" }, { type: "number" }] } },
  oneOf: { schema: { oneOf: [{ type: "string" }, { type: "number" }] } },
  discriminator: { schema: pets, at: "#/components/schemas/Pet" },
  not: { schema: { not: { type: "string" } } },
  if: { schema: { if: { type: "string" }, then: { minLength: 1 } } },
  then: { schema: { if: { type: "string" }, then: { minLength: 1 } } },
  else: { schema: { if: { type: "string" }, else: { minimum: 1 } } },
};

/** The node whose schemaPath is `at`, in any named type. */
function nodeAt(model: IrModel, at: string): IrNode {
  const seen = new Set<IrSchema>();
  let found: IrNode | undefined;
  const visit = (schema: unknown): void => {
    if (found || typeof schema !== "object" || schema === null || seen.has(schema as IrSchema)) return;
    seen.add(schema as IrSchema);
    if (!Array.isArray(schema) && isNode(schema as IrSchema) && (schema as IrNode).schemaPath === at) found = schema as IrNode;
    else for (const value of Object.values(schema)) visit(value);
  };
  for (const type of model.types) visit(type.schema);
  if (!found) throw new Error(`no node at ${at}`);
  return found;
}

async function read(sample: Sample, vocabulary = KEYWORDS): Promise<IrModel> {
  return fromJsonSchema(await loadSchema(sample.schema), vocabulary, {});
}

/** The model with `keyword` deleted from the sample's node. */
function without(model: IrModel, at: string, keyword: IrKeyword): IrModel {
  const copy = structuredClone(model);
  delete nodeAt(copy, at)[keyword];
  return copy;
}

function guardsText(model: IrModel): string {
  return JSON.stringify(emitGuards({ model, options: { artifacts: ["guards"], formats: "assert" } }).statements);
}

test("IR_KEYWORDS lists each keyword field once", () => {
  expect(new Set(IR_KEYWORDS).size).toBe(IR_KEYWORDS.length);
  expect(IR_KEYWORDS).not.toContain("schemaPath");
  expect(IR_KEYWORDS).not.toContain("annotations");
});

test("every keyword module claims keywords and is listed once", () => {
  expect(new Set(KEYWORDS).size).toBe(KEYWORDS.length);
  for (const module of KEYWORDS) expect(module.keywords.length).toBeGreaterThan(0);
});

describe.each(IR_KEYWORDS)("%s", (keyword) => {
  const sample = SAMPLES[keyword];
  const at = sample.at ?? "#";
  const owners = KEYWORDS.filter((k) => k.keywords.includes(keyword));

  test("is claimed by exactly one keyword module", () => {
    expect(owners).toHaveLength(1);
  });

  test("is read into the IR by that module", async () => {
    const model = await read(sample);
    expect(nodeAt(model, at)[keyword]).toBeDefined();
    // Without its module, nothing else reads it.
    const rest = KEYWORDS.filter((k) => !owners.includes(k));
    expect(nodeAt(await read(sample, rest), at)[keyword]).toBeUndefined();
  });

  test("is checked by the guards", async () => {
    const owner = owners[0]!;
    if (keyword === "type") expect(owner.guard).toBe("type test");
    else expect(typeof owner.guard === "object" && typeof owner.guard.emit).toBe("function");
    const model = await read(sample);
    expect(guardsText(without(model, at, keyword))).not.toBe(guardsText(model));
  });

  test("holds subschemas only where load/keywords.ts looks for them ($id, $anchor and $ref inside)", async () => {
    const value: unknown = nodeAt(await read(sample), at)[keyword];
    // Samples give subschemas as objects (a boolean could be `uniqueItems: true`): an IR node has a schemaPath.
    const isSchema = (v: unknown): boolean => typeof v === "object" && v !== null && "schemaPath" in v;
    const lists: readonly string[] = isSchema(value)
      ? SINGLE_SCHEMA_KEYWORDS
      : Array.isArray(value) && value.length > 0 && value.every(isSchema)
        ? SCHEMA_ARRAY_KEYWORDS
        : Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "object" && v !== null && "schema" in v)
          ? SCHEMA_MAP_KEYWORDS
          : [];
    // `ref`/`dynamicRef` hold names, never subschemas; every other keyword with subschemas is listed.
    if (lists.length > 0) expect(lists).toContain(keyword);
  });

  test("has its change classified by diff", async () => {
    const model = await read(sample);
    const removed = diffModels(model, without(model, at, keyword));
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((c) => c.level === "breaking" || c.level === "additive")).toBe(true);
  });
});
