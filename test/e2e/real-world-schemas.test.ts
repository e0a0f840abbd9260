/**
 * Schemas as people have them: older drafts, references across files and remote bases, and
 * property/definition names that are not identifiers. Every output is snapshotted and the whole
 * lot must compile under `tsc --strict` (one tsc run for all of them).
 */
import * as path from "node:path";
import { generate, type GenerateResult } from "../../generator/index";
import type { IrNamedType } from "../../generator/ir/model";
import { REPO_ROOT } from "../helpers/paths";
import { compileStrict, writeFiles } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures");
const REMOTE_MONEY = { "https://schemas.example.test/money/": path.join(FIXTURES, "refs", "remote", "money") };

const CASES: [string, string, Record<string, string>?][] = [
  ["draft-04", "drafts/draft-04.schema.json"],
  ["draft-07", "drafts/draft-07.schema.json"],
  ["2019-09", "drafts/draft-2019-09.schema.json"],
  ["references", "refs/main.schema.json", REMOTE_MONEY],
  ["names", "names/weird-names.schema.json"],
  ["runtime-clash", "names/runtime-clash.schema.json"],
];

const results = new Map<string, GenerateResult>();
const out = tempDir();

beforeAll(async () => {
  for (const [name, schema, resolve] of CASES) {
    // cwd = the repo root, so that origins (file names in messages) do not depend on where jest runs.
    // The names fixture collides on purpose: suffix + warning (the default).
    const result = await generate({ schema: path.join("test", "fixtures", schema), cwd: REPO_ROOT, resolve, build: false });
    results.set(name, result);
    writeFiles(path.join(out, name), result.files);
  }
});

function typesOf(name: string): string {
  return results.get(name)!.files.find((f) => f.path === "src/types.ts")!.contents;
}

function named(name: string): [string, string][] {
  return results.get(name)!.model.types.map((t: IrNamedType) => [t.name, t.origin]);
}

test.each(CASES.map(([name]) => name))("%s: types", (name) => {
  expect(typesOf(name)).toMatchSnapshot();
});

test("every output compiles with tsc --strict", () => {
  const result = compileStrict(out);
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
});

describe("references", () => {
  // Origins name another file relative to the root schema's folder, one read for a URI by that URI
  // (load/source-names.ts): the same whichever folder generate runs from.
  test("one named type per target, whichever file or URI reaches it", () => {
    expect(named("references")).toEqual([
      ["Order", "#"],
      ["Tagged", "#/$defs/Tagged"],
      ["AB", "#/$defs/a~1b"],
      ["CD", "#/$defs/c~0d"],
      ["EF", "#/$defs/e%f"],
      ["WithSpace", "#/$defs/with space"],
      ["Tree", "#/$defs/Tree"],
      ["Forest", "#/$defs/Forest"],
      // ./common/address.json from the root and address.json from common/person.json: one type.
      ["Address", "common/address.json#"],
      ["Person", "common/person.json#/$defs/Person"],
      // common/shape.json and https://schemas.example.test/shapes/shape.json (its $id): one type.
      ["Shape", "common/shape.json#"],
      ["Money", "https://schemas.example.test/money/money.json#"],
      ["Ping", "common/ping-pong.json#/$defs/Ping"],
      ["Country", "common/address.json#/$defs/Country"],
      ["Sides", "common/shape.json#/$defs/Sides"],
      // color.json is relative to shape.json's $id: found next to shape.json, not fetched, and named by that URI.
      ["Color", "https://schemas.example.test/shapes/color.json#"],
      // currency.json is relative to money.json's $id, a --resolve'd base.
      ["Currency", "https://schemas.example.test/money/currency.json#"],
      ["Pong", "common/ping-pong.json#/$defs/Pong"],
      ["Other", "common/pong-other.json#/$defs/Other"],
    ]);
  });

  test("recursive and mutually recursive types stay named references, never expanded", () => {
    const types = typesOf("references");
    expect(types).toContain("export type Forest = Tree[];");
    expect(types).toMatch(/export interface Tree \{[^}]*children\?: Forest;/);
    expect(types).toMatch(/export interface Ping \{[^}]*pong\?: Pong;/);
    expect(types).toMatch(/export interface Pong \{[^}]*ping\?: Ping;[^}]*other\?: Other;/);
    expect(types).toMatch(/export interface Other \{[^}]*back\?: Ping;/);
    expect(types).toMatch(/export interface Order \{[^}]*parent\?: Order;/);
  });

  test("without --resolve, a remote base is an error that names the $ref and suggests --resolve", async () => {
    const error = (await generate({ schema: "test/fixtures/refs/main.schema.json", cwd: REPO_ROOT, build: false }).catch((e: unknown) => e)) as Error & { format(): string };
    expect(error.format()).toBe(
      "test/fixtures/refs/main.schema.json#/properties/price/$ref: $ref to remote https://schemas.example.test/money/money.json is not fetched without --allow-network; map it with --resolve <prefix>=<folder>",
    );
  });
});

describe("names", () => {
  test("definitions get valid, unique, stable identifiers; collisions a suffix and a warning", () => {
    expect(named("names").map(([name]) => name)).toEqual([
      "WeirdNames", "Proto", "Constructor", "_3dModel", "Class", "String_", "Object_", "Unknown", "名前", "CaféCrème",
      "PageView", "PageView2", "PageView3", "WeirdNamesSchema2", "Address", "AddressSchema2", "CreateAddress", "IsAddress", "Promise_", "Array_",
    ]);
    expect(results.get("names")!.warnings).toEqual([
      // One line each, naming the file and both JSON pointers.
      'test/fixtures/names/weird-names.schema.json#/$defs/page_view: name collision: "page_view" becomes "PageView", taken by #/$defs/page-view; using "PageView2"',
      'test/fixtures/names/weird-names.schema.json#/$defs/PageView: name collision: "PageView", taken by #/$defs/page-view; using "PageView3"',
      // The root's Standard Schema object is WeirdNamesSchema, and Address's is AddressSchema.
      'test/fixtures/names/weird-names.schema.json#/$defs/weird%20namesSchema: name collision: "weird namesSchema" becomes "WeirdNamesSchema", taken by # (as WeirdNamesSchema); using "WeirdNamesSchema2"',
      'test/fixtures/names/weird-names.schema.json#/$defs/AddressSchema: name collision: "AddressSchema", taken by #/$defs/Address (as AddressSchema); using "AddressSchema2"',
    ]);
  });

  test("the runtime's names (isEmail, ValidationError, ...) take no name from the schema; the user's type wins a re-export", () => {
    // Only the collision between two schema names is left: ContactSchema is Contact's Standard Schema object.
    expect(named("runtime-clash").map(([name]) => name)).toEqual(["Contact", "Email", "Uri", "ValidationError", "ContactSchema2"]);
    const guards = results.get("runtime-clash")!.files.find((f) => f.path === "src/guards.ts")!.contents;
    expect(guards).toContain("export function isEmail(value: unknown): value is Email");
    // The runtime's isEmail is imported under its $ alias, and its ValidationError re-exported as $ValidationError.
    expect(guards).toMatch(/import \{[^}]*\bisEmail as \$isEmail\b[^}]*\} from "\.\/runtime\/formats\.js";/);
    expect(guards).toMatch(/export type \{[^}]*\bValidationError as \$ValidationError\b[^}]*\} from "\.\/runtime\/validation\.js";/);
    expect(results.get("runtime-clash")!.warnings).toEqual([
      'test/fixtures/names/runtime-clash.schema.json#/$defs/ContactSchema: name collision: "ContactSchema", taken by # (as ContactSchema); using "ContactSchema2"',
    ]);
  });

  test("property keys are quoted exactly when they are not identifiers", () => {
    const types = typesOf("names");
    for (const quoted of ['"with space": string;', '"kebab-case"?: string;', '"3d"?: boolean;', '"": number;', '"a.b"?: string;', `'quote"d'?: string;`, '"emoji 🐨"?: string;']) {
      expect(types).toContain(quoted);
    }
    for (const bare of ["café?: string;", "名前?: string;", "class?: string;", "__proto__: string;", "constructor: number;", "toString?: boolean;"]) {
      expect(types).toContain(`  ${bare}`);
    }
  });

  test("names do not depend on the order of unrelated definitions' processing: a second run is identical", async () => {
    const again = await generate({ schema: "test/fixtures/names/weird-names.schema.json", cwd: REPO_ROOT, build: false });
    expect(again.files).toEqual(results.get("names")!.files);
  });
});
