/**
 * Names from real schemas through the real CLI: a definition named like a runtime helper (`uri`,
 * `Evaluated`, `ValidationError`) keeps its name, a definition named like the root or like another
 * one gets a suffix and a one-line warning (or exit 8 with `--name-collisions error`), and a
 * definitions-only schema generates every definition. Every package compiles under `tsc --strict`
 * (one tsc run), and its guards run from the built CommonJS.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { readTree } from "../../generator/write/write-output";
import { REPO_ROOT } from "../helpers/paths";
import { runCli, type RunResult } from "../helpers/run";
import { compileStrict } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const dir = tempDir();
const fixture = (name: string): string => path.join(REPO_ROOT, "test", "fixtures", "names", name);
const results = new Map<string, RunResult>();

/** `koala-codegen generate` of a fixture into `<dir>/<out>`. */
function generate(out: string, schema: string, ...flags: string[]): RunResult {
  return runCli(["generate", "--schema", fixture(schema), "--out", path.join(dir, out), "--quiet", ...flags], { cwd: dir });
}

const packageOf = (out: string): Record<string, any> => require(path.join(dir, out, "dist", "cjs", "index.js"));
const source = (out: string, file: string): string => readFileSync(path.join(dir, out, "src", file), "utf8");

beforeAll(() => {
  results.set("reserved", generate("reserved", "reserved-names.schema.json", "--endpoint", "/profiles"));
  results.set("root", generate("root", "root-named.schema.json", "--name", "Root", "--endpoint", "/roots"));
  results.set("clash", generate("clash", "case-clash.schema.json"));
  results.set("defs", generate("defs", "definitions-only.schema.json", "--endpoint", "/types"));
  // A consumer of the reserved-names package: the user's ValidationError and the runtime's, side by side.
  mkdirSync(path.join(dir, "consumer", "src"), { recursive: true });
  writeFileSync(
    path.join(dir, "consumer", "src", "use.ts"),
    [
      `import { isValidationError, validateProfile, type $StampOptions, type $ValidationError, type RetryOptions, type StampOptions, type ValidationError } from "../../reserved/src/index.js";`,
      // The transport's types live in their own subpath, under their own names.
      `import type { RetryOptions as TransportRetryOptions } from "../../reserved/src/transport.js";`,
      `const mine: ValidationError = { message: "from the schema", code: 3 };`,
      `const result = validateProfile({});`,
      `export const theirs: $ValidationError[] = result.ok ? [] : result.errors;`,
      `export const both: [boolean, string[]] = [isValidationError(mine), theirs.map((e) => e.path)];`,
      `export const retries: [RetryOptions, TransportRetryOptions] = [{ times: 3 }, { attempts: 3 }];`,
      `export const stamps: [StampOptions, $StampOptions] = ["now", { timestamp: new Date(0) }];`,
      "",
    ].join("\n"),
  );
}, 240_000);

test("every package (and a consumer of one) compiles with tsc --strict", () => {
  for (const [name, result] of results) expect([name, result.status]).toEqual([name, 0]);
  const compiled = compileStrict(dir);
  expect(compiled.stdout + compiled.stderr).toBe("");
  expect(compiled.status).toBe(0);
});

describe("definitions named like the runtime's helpers", () => {
  test("keep their names, without a warning", () => {
    expect(results.get("reserved")!.stderr).toBe("");
    const types = source("reserved", "types.ts");
    for (const name of ["Uri", "Time", "Email", "Uuid", "Hostname", "Duration"]) expect(types).toContain(`export type ${name} = string;`);
    expect(types).toMatch(/export interface Evaluated \{/);
    expect(types).toMatch(/export interface ValidationError \{/);
    expect(types).toMatch(/export interface RetryOptions \{/);
    expect(types).toContain('export type StampOptions = "now" | "never";');
  });

  test.each<[string, unknown, unknown]>([
    ["Uri", "https://example.test/a?b=c", "not a uri"],
    ["Time", "08:30:00Z", "8.30"],
    ["Email", "koala@example.test", "koala"],
    ["Uuid", "123e4567-e89b-12d3-a456-426614174000", "123e4567"],
    ["Hostname", "api.example.test", "-bad-.example"],
    ["Duration", "P1DT2H", "1 day"],
    ["Evaluated", { keys: ["a"] }, { keys: ["a"], extra: 1 }],
    ["ValidationError", { message: "m", code: 1 }, { message: "m", code: 1.5 }],
  ])("is%s accepts a valid value and rejects an invalid one", (name, valid, invalid) => {
    const pkg = packageOf("reserved");
    expect([pkg[`is${name}`](valid), pkg[`is${name}`](invalid)]).toEqual([true, false]);
    expect(pkg[`validate${name}`](invalid).ok).toBe(false);
  });

  test("the runtime's ValidationError and StampOptions are re-exported as $ValidationError, ...; the other runtime exports keep their names; the transport's RetryOptions is in the /transport subpath only", () => {
    const guards = source("reserved", "guards.ts");
    expect(guards).toMatch(/export type \{[^}]*\bValidationError as \$ValidationError\b[^}]*\} from "\.\/runtime\/validation\.js";/);
    expect(guards).toMatch(/export type \{[^}]*\bValidationResult,[^}]*\}/);
    expect(source("reserved", "client.ts")).toMatch(/export type \{[^}]*\bSendResult,[^}]*\} from "\.\/runtime\/http-client\.js";/);
    expect(source("reserved", "client.ts")).not.toMatch(/\bRetryOptions\b/);
    expect(source("reserved", "transport.ts")).toMatch(/export type \{[^}]*\bRetryOptions,[^}]*\bTransportOptions,[^}]*\} from "\.\/runtime\/http-client\.js";/);
    expect(source("reserved", "builders.ts")).toMatch(/export type \{[^}]*\bStampOptions as \$StampOptions\b[^}]*\} from "\.\/runtime\/builders\.js";/);
    expect(typeof packageOf("reserved").SchemaValidationError).toBe("function");
    // The runtime's own errors, under the runtime's type, through the user's guard.
    const result = packageOf("reserved").validateProfile({ email: "nope" });
    expect(result.errors).toEqual([expect.objectContaining({ path: "/email", keyword: "format" })]);
  });
});

describe("a definition named like the root (--name Root)", () => {
  test("the root keeps its name; the definition gets a suffix and a one-line warning naming the file and both pointers", () => {
    expect(results.get("root")!.stderr).toBe(`warning: ${fixture("root-named.schema.json")}#/$defs/root: name collision: "root" becomes "Root", taken by #; using "Root2"\n`);
    expect(source("root", "types.ts")).toMatch(/export interface Root \{[^}]*child\?: Root2;/);
    const pkg = packageOf("root");
    expect([pkg.isRoot({ child: { leaf: "x" } }), pkg.isRoot({ child: { leaf: 1 } }), pkg.isRoot2({ leaf: "x" })]).toEqual([true, false, true]);
    expect(typeof pkg.createRootClient).toBe("function");
  });
});

describe("definitions that differ only in case or punctuation", () => {
  test("the later gets a suffix, with one warning line each", () => {
    const file = fixture("case-clash.schema.json");
    expect(results.get("clash")!.stderr.split("\n")).toEqual([
      `warning: ${file}#/$defs/UserId: name collision: "UserId", taken by #/$defs/user_id; using "UserId2"`,
      `warning: ${file}#/$defs/a_b: name collision: "a_b" becomes "AB", taken by #/$defs/a-b; using "AB2"`,
      "",
    ]);
    const types = source("clash", "types.ts");
    for (const declared of ["export type UserId = string;", "export type UserId2 = number;", 'export type AB = "x" | "y";', "export type AB2 = number;"]) {
      expect(types).toContain(declared);
    }
  });

  test.each<[string, string[]]>([
    ["--name-collisions error", ["--name-collisions", "error"]],
    ['nameCollisions: "error" in the config', ["--config", "strict.config.json"]],
  ])("with %s: exit 8, one line, the previous output intact", async (_, flags) => {
    writeFileSync(path.join(dir, "strict.config.json"), JSON.stringify({ out: "clash", nameCollisions: "error", schemas: [{ path: fixture("case-clash.schema.json") }] }));
    const before = await readTree(path.join(dir, "clash"));
    const result = generate("clash", "case-clash.schema.json", ...flags);
    expect(result.status).toBe(8);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `koala-codegen: ${fixture("case-clash.schema.json")}#/$defs/UserId: name collision: "UserId", taken by #/$defs/user_id; rename one of them (without --name-collisions error it would be "UserId2")\n`,
    );
    expect(await readTree(path.join(dir, "clash"))).toEqual(before);
  });
});

describe("a definitions-only schema", () => {
  test("every definition gets its type and guards; the untyped root gets no chunk, grouping or client method, with a warning for the endpoint", () => {
    expect(results.get("defs")!.stderr).toBe(`warning: ${fixture("definitions-only.schema.json")}#: no client method for /types: the root type SharedTypes is \`unknown\`\n`);
    const pkg = packageOf("defs");
    const user = { id: "123e4567-e89b-12d3-a456-426614174000", tags: ["a"] };
    expect([pkg.isUser(user), pkg.isUser({ ...user, tags: ["c"] }), pkg.isUserId(user.id), pkg.isUserId("x")]).toEqual([true, false, true, false]);
    expect([pkg.isTag("b"), pkg.isTag("c"), pkg.isCount(3), pkg.isCount(-1), pkg.isBatch({ users: [user] }), pkg.isBatch({ users: [user, user, user] })]).toEqual([true, false, true, false, true, false]);
    expect(pkg.createUser(user)).toEqual(user);
    expect(Object.keys(pkg).filter((k) => /^(chunk|group|create.*Client)/.test(k))).toEqual([]);
    expect(readFileSync(path.join(dir, "defs", "src", "types.ts"), "utf8")).toContain("export type SharedTypes = unknown;");
  });

  test("a schema whose root says something yet comes out `unknown` gets a warning; `{}` and a definitions-only file do not", () => {
    writeFileSync(path.join(dir, "short.json"), JSON.stringify({ title: "Short", minLength: 2 }));
    writeFileSync(path.join(dir, "empty.json"), "{}");
    const short = runCli(["generate", "--schema", "short.json", "--out", "short", "--emit", "types", "--quiet"], { cwd: dir });
    expect(short.status).toBe(0);
    expect(short.stderr).toBe(
      'warning: short.json#: the root type Short is `unknown`: its schema does not say which JSON type a value has (no "type", "$ref", "const", "enum", "properties" or "items")\n',
    );
    const empty = runCli(["generate", "--schema", "empty.json", "--out", "empty", "--emit", "types", "--quiet"], { cwd: dir });
    expect([empty.status, empty.stderr]).toEqual([0, ""]);
  });
});

test("diff: a name that moves to another definition is a breaking change", () => {
  const ids = (defs: object): object => ({ title: "Ids", type: "object", properties: { id: { $ref: "#/$defs/UserId" } }, $defs: defs });
  writeFileSync(path.join(dir, "old.json"), JSON.stringify(ids({ UserId: { type: "integer" } })));
  // user_id comes first in the new file: it takes "UserId", and the old UserId becomes UserId2.
  writeFileSync(path.join(dir, "new.json"), JSON.stringify(ids({ user_id: { type: "integer" }, UserId: { type: "integer" } })));
  const result = runCli(["diff", "old.json", "new.json"], { cwd: dir });
  expect(result.stdout).toBe(
    ["breaking  Ids.id: type changed from UserId to UserId2", "additive  UserId2: type added", "semver bump: major (1 breaking, 1 additive, 0 documentation)", ""].join("\n"),
  );
  expect(result.status).toBe(1);
});
