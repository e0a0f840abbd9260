/**
 * The artifact registry (emit/index.ts): one list, from which the CLI's --emit choices, the config's
 * `emit` check, the `Artifact` type and the derived names all come.
 */
import { spawnSync } from "node:child_process";
import { ARTIFACTS, EMITTERS, namesDerivedFrom, selectEmitters } from "../../generator/emit/index";
import { validateConfig } from "../../generator/config/config";
import { CLI } from "../helpers/paths";
import { runCli } from "../helpers/run";

test("every artifact requires only artifacts registered before it (package order)", () => {
  EMITTERS.forEach((emitter, i) => {
    for (const required of emitter.requires) expect(ARTIFACTS.indexOf(required as never)).toBeGreaterThanOrEqual(0);
    for (const required of emitter.requires) expect(ARTIFACTS.indexOf(required as never)).toBeLessThan(i);
  });
  expect(selectEmitters(["client"]).map((e) => e.artifact)).toEqual(["types", "guards", "builders", "client"]);
  expect(selectEmitters(["guards"]).map((e) => e.artifact)).toEqual(["types", "guards"]);
});

test("the derived names are the ones each emitter declares, in registry order", () => {
  expect(namesDerivedFrom("Foo", false)).toEqual(["isFoo", "validateFoo", "assertFoo", "FooSchema", "createFoo"]);
  expect(namesDerivedFrom("Foo", true).slice(5)).toEqual(["chunkFoo", "groupFooItems", "createFooClient", "FooClient", "FooClientOptions"]);
});

test("the CLI's --emit choices and the config's emit check come from the registry", () => {
  const result = runCli(["generate", "--schema", "x.json", "--emit", "nope"]);
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain(`Choices: ${ARTIFACTS.map((a) => JSON.stringify(a)).join(", ")}`);
  expect(() => validateConfig({ out: "o", schemas: [{ path: "s.json", emit: ["nope"] }] }, "c.json")).toThrow(`unknown artifact "nope" (one of ${ARTIFACTS.join(", ")})`);
});

test("reading the registry loads no emitter module: each loads on first use", () => {
  // The registry itself imports no emitter; a process that only reads it has none in its module cache.
  const script = `require(${JSON.stringify(CLI.replace(/cli\.js$/, "emit/index.js"))}); console.log(Object.keys(require.cache).filter((f) => /emit[\\\\/](types|guards[\\\\/]index|builders[\\\\/]index|client[\\\\/]index)\\.js$/.test(f)).length);`;
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.stdout.trim()).toBe("0");
});
