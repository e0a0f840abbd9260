// The payload shapes of the guard benchmark (scripts/bench-guards-shapes.mjs): each isolates one cost.
// A shape is { name, schema, valid: () => data, invalid: () => data, varied: () => data[] }, where
// `varied` is a spread of other inputs (valid and not, other key orders and value types) that the
// "after varied inputs" run feeds every side first, so call sites are no longer monomorphic, as in
// a server that validates many payloads.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);

/** Drops every `format` keyword (a schema's structure only). */
function withoutFormats(schema) {
  if (Array.isArray(schema)) return schema.map(withoutFormats);
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "format" && typeof value === "string") continue;
    // `properties`, `$defs`, ... map names to subschemas: a property called "format" is kept.
    out[key] = withoutFormats(value);
  }
  return out;
}

/** Data as a server sees it: parsed from JSON text. */
const json = (value) => JSON.parse(JSON.stringify(value));

const FORMAT_SAMPLES = {
  uuid: ["3e6a2c18-3b02-40c4-b8d2-1842c193d3ba", "00000000-0000-4000-8000-000000000000", "F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6"],
  email: ["jane.doe+work@acme-corp.example.com", "a@b.co", "first.last@sub.domain.example.org"],
  "date-time": ["2024-03-01T08:00:00Z", "2024-02-29T10:15:00.123+01:00", "1999-12-31T23:59:59.999Z"],
  date: ["2024-03-01", "2024-02-29", "1999-12-31"],
  time: ["08:00:00Z", "10:15:00.123+01:00", "23:59:59.999Z"],
  uri: ["https://www.example.com/path/to?q=1#frag", "urn:isbn:0451450523", "mailto:jane@example.com"],
  ipv4: ["192.168.0.1", "8.8.8.8", "255.255.255.255"],
  ipv6: ["2001:db8::ff00:42:8329", "::1", "fe80::1ff:fe23:4567:890a"],
  hostname: ["www.example.com", "api2.getkoala.com", "a-b.c-d.example"],
  duration: ["P3Y6M4DT12H30M5S", "PT20M", "P1W"],
};
const FORMAT_INVALID = { uuid: "3e6a2c18-3b02-40c4-b8d2-1842c193d3b", email: "nobody@", "date-time": "2023-02-29T10:15:00Z", date: "2023-02-29", time: "25:00:00Z", uri: "no scheme", ipv4: "256.1.1.1", ipv6: "1:::2", hostname: "-bad-.example", duration: "P" };

function formatShape(format) {
  const samples = FORMAT_SAMPLES[format];
  const list = Array.from({ length: 60 }, (_, i) => samples[i % samples.length]);
  return {
    name: `format ${format} (60 strings)`,
    schema: { $schema: "https://json-schema.org/draft/2020-12/schema", type: "array", items: { type: "string", format } },
    valid: () => json(list),
    invalid: () => json([...list.slice(0, 30), FORMAT_INVALID[format], ...list.slice(31)]),
    varied: () => [json(list.slice(0, 7)), json([FORMAT_INVALID[format]]), [1, 2], json(samples), "x", json(list.slice(5, 40))],
  };
}

function koalaShapes(repoRoot) {
  const payloads = require(path.join(repoRoot, "dist", "scripts", "lib", "koala-payloads.js"));
  const schema = JSON.parse(readFileSync(path.join(repoRoot, "schemas", "koala-profile-batch-request.schema.json"), "utf8"));
  const withoutSentAt = () => {
    const batch = json(payloads.realisticBatch());
    for (const key of ["events", "identifies", "page_views"]) for (const item of batch[key]) delete item.sent_at;
    return batch;
  };
  const varied = () => [json(payloads.VALID_BATCH), json(payloads.INVALID_BATCH), { email: "a@b.co" }, { profile_id: 3 }, withoutSentAt(), json(payloads.invalidRealisticBatch())];
  return [
    { name: "koala valid, 21 items with date-times", schema, valid: () => json(payloads.realisticBatch()), invalid: () => json(payloads.invalidRealisticBatch()), varied },
    { name: "koala without sent_at (uuid + email)", schema, valid: withoutSentAt, invalid: () => json(payloads.invalidRealisticBatch()), varied },
    { name: "koala structure only (formats off)", schema: withoutFormats(schema), valid: () => json(payloads.realisticBatch()), invalid: () => json(payloads.invalidRealisticBatch()), varied },
  ];
}

const bigArray = {
  name: "1,000-item array of small objects",
  schema: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "array",
    items: { type: "object", required: ["id", "name", "score"], properties: { id: { type: "integer", minimum: 0 }, name: { type: "string", minLength: 1 }, score: { type: "number" }, tags: { type: "array", items: { type: "string" } } } },
  },
  valid: () => json(Array.from({ length: 1000 }, (_, i) => ({ id: i, name: `item ${i}`, score: i / 7, tags: i % 3 ? ["a"] : [] }))),
  invalid: () => json(Array.from({ length: 1000 }, (_, i) => ({ id: i === 500 ? -1 : i, name: `item ${i}`, score: i / 7 }))),
  varied: () => [[], [{ id: 1 }], json([{ id: 1, name: "x", score: 2, tags: [3] }]), { length: 2 }, json(Array.from({ length: 50 }, (_, i) => ({ score: i, name: "n", id: i })))],
};

const wideObject = {
  name: "200-property object",
  schema: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    required: ["p0", "p50", "p100", "p150"],
    properties: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`p${i}`, i % 3 === 0 ? { type: "string", maxLength: 40 } : i % 3 === 1 ? { type: "integer" } : { type: "boolean" }])),
  },
  valid: () => json(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`p${i}`, i % 3 === 0 ? `value ${i}` : i % 3 === 1 ? i : i % 2 === 0]))),
  invalid: () => json(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`p${i}`, i === 100 ? "oops" : i % 3 === 0 ? `value ${i}` : i % 3 === 1 ? i : true]))),
  varied: () => [{ p0: "a", p50: "b", p100: true, p150: "c" }, { p0: 1 }, json(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i * 10}`, "x"]))), []],
};

const patternProps = {
  name: "additionalProperties: false + patternProperties",
  schema: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    properties: { id: { type: "string" }, version: { type: "integer" } },
    patternProperties: { "^x-[a-z]+$": { type: "string" }, "^n_[0-9]+$": { type: "number" } },
    additionalProperties: false,
  },
  valid: () => json({ id: "abc", version: 3, ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`x-${"abcdefghijklmnopqrstuvwxyz".slice(i, i + 3)}`, "v"])), ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`n_${i}`, i])) }),
  invalid: () => json({ id: "abc", version: 3, "x-ok": "v", n_1: 1, extra: true }),
  varied: () => [{}, { id: 1 }, { "x-a": 2 }, { n_3: "x" }, json({ version: 1, "x-y": "z" })],
};

function discriminatedOneOf() {
  const kinds = Array.from({ length: 10 }, (_, i) => `kind${i}`);
  const schema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "array",
    items: {
      oneOf: kinds.map((kind, i) => ({
        type: "object",
        required: ["kind", `field${i}`],
        properties: { kind: { const: kind }, [`field${i}`]: i % 2 ? { type: "string" } : { type: "number" }, note: { type: "string" } },
      })),
    },
  };
  const item = (i) => ({ kind: `kind${i % 10}`, [`field${i % 10}`]: i % 2 ? `s${i}` : i, note: "n" });
  return {
    name: "discriminated oneOf of 10 object types (50 items)",
    schema,
    valid: () => json(Array.from({ length: 50 }, (_, i) => item(i))),
    invalid: () => json(Array.from({ length: 50 }, (_, i) => (i === 25 ? { kind: "kind99" } : item(i)))),
    varied: () => [[], [{ kind: "kind1" }], json([item(3), item(4)]), [3], json([{ kind: "kind2", field2: "x" }])],
  };
}

function recursiveTree() {
  const tree = (depth, fanout) => ({ name: `n${depth}`, value: depth, children: depth === 0 ? [] : Array.from({ length: fanout }, () => tree(depth - 1, fanout)) });
  return {
    name: "recursive tree (depth 6, fan-out 3)",
    schema: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $ref: "#/$defs/node",
      $defs: { node: { type: "object", required: ["name"], properties: { name: { type: "string" }, value: { type: "number" }, children: { type: "array", items: { $ref: "#/$defs/node" } } } } },
    },
    valid: () => json(tree(6, 3)),
    invalid: () => {
      const t = json(tree(6, 3));
      t.children[1].children[2].children[0].name = 5;
      return t;
    },
    varied: () => [json(tree(2, 2)), { name: 1 }, json(tree(3, 1)), { children: [{}] }],
  };
}

/** A real-world shape: a package.json-like manifest (the subset SchemaStore's schema checks most). */
const manifest = {
  name: "real world: package manifest",
  schema: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    required: ["name", "version"],
    properties: {
      name: { type: "string", maxLength: 214, minLength: 1, pattern: "^(?:@[a-z0-9-*~][a-z0-9-*._~]*/)?[a-z0-9-~][a-z0-9-._~]*$" },
      version: { type: "string" },
      description: { type: "string" },
      keywords: { type: "array", items: { type: "string" } },
      license: { type: "string" },
      private: { type: "boolean" },
      scripts: { type: "object", additionalProperties: { type: "string" } },
      dependencies: { $ref: "#/$defs/deps" },
      devDependencies: { $ref: "#/$defs/deps" },
      engines: { type: "object", additionalProperties: { type: "string" } },
      files: { type: "array", items: { type: "string" } },
      bin: { anyOf: [{ type: "string" }, { type: "object", additionalProperties: { type: "string" } }] },
    },
    $defs: { deps: { type: "object", additionalProperties: { type: "string" } } },
  },
  valid: () => json({
    name: "@acme/widgets", version: "1.2.3", description: "Widgets", keywords: ["a", "b"], license: "MIT", private: false,
    scripts: { build: "tsc", test: "jest", lint: "eslint ." },
    dependencies: Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`dep-${i}`, `^${i}.0.0`])),
    devDependencies: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`dev-${i}`, `~${i}.1.0`])),
    engines: { node: ">=20" }, files: ["dist"], bin: { widgets: "dist/cli.js" },
  }),
  invalid: () => json({ name: "Bad Name", version: 1, dependencies: { a: 1 } }),
  varied: () => [{ name: "x", version: "1" }, { name: 3 }, json({ name: "a", version: "1", bin: "x" }), []],
};

export function guardShapes(repoRoot) {
  return [
    ...koalaShapes(repoRoot),
    ...Object.keys(FORMAT_SAMPLES).map(formatShape),
    bigArray,
    wideObject,
    patternProps,
    discriminatedOneOf(),
    recursiveTree(),
    manifest,
  ];
}
