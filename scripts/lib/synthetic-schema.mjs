// Synthetic schemas for the scale benchmark, deterministic for a given size: `syntheticSchema(n)`
// has n `$defs` of the kinds real API schemas have (objects with required and optional properties,
// enums, string formats and patterns, arrays of references, discriminated oneOf unions, nullable
// fields), cross-referencing each other; `referenceCycle(n)` is n definitions in one cycle
// (C0.next → C1 → ... → C(n-1).next → C0).

/** A schema with `n` definitions. */
export function syntheticSchema(n) {
  const $defs = {};
  const name = (i) => `Def${i}`;
  const ref = (i) => ({ $ref: `#/$defs/${name(((i % n) + n) % n)}` });
  for (let i = 0; i < n; i++) {
    switch (i % 6) {
      case 0:
        $defs[name(i)] = {
          type: "object",
          description: `Entity ${i}.`,
          required: ["id", "kind"],
          properties: {
            id: { type: "string", format: "uuid" },
            kind: { const: `kind-${i}` },
            createdAt: { type: "string", format: "date-time" },
            count: { type: "integer", minimum: 0, maximum: 1000 },
            label: { type: ["string", "null"], maxLength: 200 },
            child: ref(i + 1),
            tags: { type: "array", items: { type: "string", pattern: "^[a-z][a-z0-9-]*$" }, maxItems: 20, uniqueItems: true },
          },
          additionalProperties: false,
        };
        break;
      case 1:
        $defs[name(i)] = { type: "string", enum: ["red", "green", "blue", `extra-${i}`] };
        break;
      case 2:
        $defs[name(i)] = { type: "array", items: ref(i + 3), minItems: 1, maxItems: 50 };
        break;
      case 3:
        $defs[name(i)] = {
          type: "object",
          required: ["value"],
          properties: { value: { type: "number", exclusiveMinimum: 0 }, unit: ref(i - 2), meta: { type: "object", additionalProperties: { type: "string" } } },
        };
        break;
      case 4:
        $defs[name(i)] = { oneOf: [ref(i - 4), ref(i - 1)] };
        break;
      default:
        $defs[name(i)] = {
          type: "object",
          properties: { email: { type: "string", format: "email" }, url: { type: "string", format: "uri" }, nested: { type: "object", properties: { a: ref(i + 5), b: { type: "boolean" } } } },
          anyOf: [{ required: ["email"] }, { required: ["url"] }],
        };
    }
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Synthetic",
    type: "object",
    required: ["items"],
    properties: { items: { type: "array", items: ref(0), maxItems: 100 } },
    $defs,
  };
}

/** `n` object definitions in one reference cycle. */
export function referenceCycle(n) {
  const $defs = {};
  for (let i = 0; i < n; i++) {
    $defs[`C${i}`] = { type: "object", required: ["id"], properties: { id: { type: "integer" }, next: { $ref: `#/$defs/C${(i + 1) % n}` } } };
  }
  return { $schema: "https://json-schema.org/draft/2020-12/schema", title: "Cycle", $ref: "#/$defs/C0", $defs };
}
