/**
 * allOf members that each say `additionalProperties: false` (the classic OpenAPI 3.0 trap) refuse
 * each other's properties: no Pet of closed-all-of-members.yaml passes, and the mock could make no
 * request for addPet, with no word why. generate now says so once a closed member, at its own
 * `additionalProperties` (the place to change), naming the refused properties, the allOf and the
 * fix; a closed member that lists every property, and open members, get no warning. The same for
 * a schema's own properties beside its allOf (Swashbuckle before 6.6 writes derived classes so:
 * no Cat passes, and the mock answered 500 for them with no word from generate). The schemas are
 * still checked as written, as JSON Schema says.
 */
import * as path from "node:path";
import { generate } from "../../generator/index";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "closed-all-of-members.yaml");
const dir = tempDir("koala-codegen-closed-all-of-");

test("one warning a closed member that refuses another member's property, at its additionalProperties", async () => {
  const { warnings } = await generate({ schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), build: false, format: false });
  const said = warnings.filter((w) => w.includes("another member of the allOf"));
  expect(said).toEqual([
    expect.stringMatching(/^\(schema\)#\/components\/schemas\/Base\/additionalProperties: "additionalProperties": false refuses "name", which another member of the allOf at #\/components\/schemas\/Pet\/allOf declares .*"unevaluatedProperties": false beside the allOf/),
    expect.stringMatching(/^\(schema\)#\/components\/schemas\/Named\/additionalProperties: "additionalProperties": false refuses "id", which another member of the allOf at #\/components\/schemas\/Pet\/allOf declares/),
  ]);
});

test("a closed schema beside an allOf and a closed member refuse each other's properties: one warning each, at its additionalProperties", async () => {
  const { warnings } = await generate({ schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), build: false, format: false });
  const said = warnings.filter((w) => w.includes("beside the allOf that holds") || w.includes("which the allOf beside it"));
  expect(said).toEqual([
    expect.stringMatching(/^\(schema\)#\/components\/schemas\/Cat\/additionalProperties: "additionalProperties": false refuses "\$type", which the allOf beside it \(#\/components\/schemas\/Cat\/allOf\) requires: no object passes here; list it in "properties" too, .*"unevaluatedProperties": false instead$/),
    expect.stringMatching(/^\(schema\)#\/components\/schemas\/Animal\/additionalProperties: "additionalProperties": false refuses "meows", which #\/components\/schemas\/Cat declares beside the allOf that holds this schema \(member 0\)/),
  ]);
});

test("the schemas are still checked as written: no Pet passes, Tagged and Open do", async () => {
  const { module } = await loadGenerated<Record<string, (value: unknown) => boolean>>(path.join(dir, "out"), { schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), formatter: async (text) => text });
  expect([module.isPet!({ id: "1", name: "Rex" }), module.isPet!({ id: "1" }), module.isPet!({ name: "Rex" })]).toEqual([false, false, false]);
  expect(module.isTagged!({ id: "1", tag: "t" })).toBe(true);
  expect(module.isOpen!({ id: "1", name: "Rex", more: true })).toBe(true);
  expect([module.isCat!({ $type: "Cat", meows: true }), module.isCat!({ $type: "Cat" }), module.isCat!({ meows: true })]).toEqual([false, false, false]);
  expect(module.isDog!({ $type: "Dog", barks: true })).toBe(true);
});
