/** Schema change → API changes: one row per kind, with the level and the words a changelog shows. */
import { bumpFor, bumpVersion, diffModels, type ApiChange } from "../../generator/release/diff-models";
import { irOf } from "../helpers/ir";

const event = {
  title: "Event",
  type: "object",
  required: ["type"],
  properties: {
    type: { const: "track" },
    name: { type: "string", maxLength: 100, description: "The name." },
    kind: { enum: ["a", "b"] },
    count: { type: ["integer", "null"], minimum: 0 },
    tags: { type: "array", items: { type: "string" }, maxItems: 30 },
    payload: { $ref: "#/$defs/Payload" },
  },
  $defs: { Payload: { type: "object", additionalProperties: true } },
};

type Edit = (s: any) => void;

async function changes(edit: Edit): Promise<string[]> {
  const after = structuredClone(event);
  edit(after);
  const diff = diffModels(await irOf(event), await irOf(after));
  return diff.map((c: ApiChange) => `${c.level} ${c.at}: ${c.message}`);
}

test.each<[string, Edit, string[]]>([
  ["nothing", () => undefined, []],
  ["a new optional property", (s) => (s.properties.extra = { type: "string" }), ["additive Event.extra: optional property added"]],
  ["a new required property", (s) => ((s.properties.extra = { type: "string" }), s.required.push("extra")), ["breaking Event.extra: required property added"]],
  ["an existing property made required", (s) => s.required.push("name"), ["breaking Event.name: now required"]],
  ["a required property made optional", (s) => (s.required = []), ["additive Event.type: now optional"]],
  ["a removed property", (s) => delete s.properties.name, ["breaking Event.name: property removed"]],
  ["a narrowed type", (s) => (s.properties.count.type = "integer"), ["breaking Event.count: type narrowed from integer | null to integer"]],
  ["a widened type", (s) => (s.properties.count.type = ["number", "null"]), ["additive Event.count: type widened from integer | null to number | null"]],
  ["an enum value removed", (s) => (s.properties.kind.enum = ["a"]), ['breaking Event.kind: value "b" removed']],
  ["an enum value added", (s) => (s.properties.kind.enum = ["a", "b", "c"]), ['additive Event.kind: value "c" added']],
  ["a const changed", (s) => (s.properties.type.const = "page"), ['breaking Event.type: value "track" removed', 'additive Event.type: value "page" added']],
  ["a lower maxItems", (s) => (s.properties.tags.maxItems = 10), ["breaking Event.tags: maxItems lowered from 30 to 10"]],
  ["a higher maxItems", (s) => (s.properties.tags.maxItems = 100), ["additive Event.tags: maxItems raised from 30 to 100"]],
  ["a new minimum", (s) => (s.properties.name.minLength = 1), ["breaking Event.name: minLength 1 added"]],
  ["a removed maxLength", (s) => delete s.properties.name.maxLength, ["additive Event.name: maxLength 100 removed"]],
  ["a new pattern", (s) => (s.properties.name.pattern = "^[a-z]+$"), ['breaking Event.name: pattern "^[a-z]+$" added']],
  ["a narrowed item type", (s) => (s.properties.tags.items = { type: "string", format: "email" }), ['breaking Event.tags[items]: format "email" added']],
  ["extra keys forbidden", (s) => (s.additionalProperties = false), ["breaking Event[additionalProperties]: now accepts nothing"]],
  ["a renamed definition", (s) => ((s.$defs.Body = s.$defs.Payload), delete s.$defs.Payload, (s.properties.payload.$ref = "#/$defs/Body")), ["breaking Event.payload: type changed from Payload to Body", "breaking Payload: type renamed to Body"]],
  ["a removed definition", (s) => ((s.$defs.Other = { type: "string" }), delete s.$defs.Payload, (s.properties.payload = {})), ["breaking Event.payload: no longer a Payload", "breaking Payload: type removed", "additive Other: type added"]],
  ["a new definition", (s) => (s.$defs.Other = { type: "string" }), ["additive Other: type added"]],
  ["a description only", (s) => (s.properties.name.description = "Better."), ["patch Event.name: documentation changed (description)"]],
])("%s", async (_name, edit, expected) => {
  expect(await changes(edit)).toEqual(expected);
});

test("the bump follows the worst change", () => {
  const c = (level: ApiChange["level"]): ApiChange => ({ level, at: "X", message: "m" });
  expect(bumpFor([])).toBe("none");
  expect(bumpFor([c("patch")])).toBe("patch");
  expect(bumpFor([c("patch"), c("additive")])).toBe("minor");
  expect(bumpFor([c("additive"), c("breaking")])).toBe("major");
});

test.each([
  ["1.2.3", "major", "2.0.0"],
  ["1.2.3", "minor", "1.3.0"],
  ["1.2.3", "patch", "1.2.4"],
  ["1.2.3", "none", "1.2.3"],
  ["0.1.0", "major", "0.2.0"],
  ["0.1.0", "minor", "0.1.1"],
  ["0.1.0", "patch", "0.1.1"],
] as const)("bumpVersion(%s, %s) = %s", (version, bump, expected) => {
  expect(bumpVersion(version, bump)).toBe(expected);
});
