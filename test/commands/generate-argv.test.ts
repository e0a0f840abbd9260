/**
 * commands/generate-argv.ts: generate's options are declared once (GENERATE_OPTIONS, which cli.ts
 * hands to yargs); the common `generate` lines are read from that table without yargs, exactly as
 * yargs reads them; the rest is left to yargs.
 */
import yargs from "yargs";
import { generateOptions } from "../../generator/cli";
import { readGenerateArgv } from "../../generator/commands/generate-argv";

/** What yargs makes of the line with generate's real options, restricted to the camelCase names the command reads. */
function yargsReads(args: string[]): Record<string, unknown> | "refused" {
  let parsed: Record<string, unknown> | undefined;
  let failed = false;
  yargs(args)
    .command("generate", "", generateOptions, (argv) => {
      parsed = argv as Record<string, unknown>;
    })
    .strict()
    .fail(() => {
      failed = true;
    })
    .parseSync();
  if (failed || parsed === undefined) return "refused";
  // yargs also keeps each option under its kebab-case name and its alias, plus `_` and `$0`.
  return Object.fromEntries(Object.entries(parsed).filter(([k]) => k.length > 1 && !k.includes("-") && k !== "$0" && k !== "_"));
}

test.each([
  [["generate"]],
  [["generate", "--quiet"]],
  [["generate", "--schema", "schemas/a.json", "--out", "out", "--quiet"]],
  [["generate", "-s", "a.yaml", "-o", "src/gen", "-n", "Event", "--emit", "types", "guards"]],
  [["generate", "--emit", "types", "--schema", "a.json"]],
  [["generate", "-c", "my.config.json", "-q", "-w"]],
  [["generate", "--check", "--out", "x"]],
  [["generate", "--release"]],
  [["generate", "--formats", "annotate", "--name-collisions", "error", "--package-name", "@acme/events"]],
  [["generate", "--endpoint", "/v1/{key}/batch", "--client-name", "Acme", "--base-url", "https://x.test", "--user-agent", "ua/1", "--idempotency-key", "none"]],
  [["generate", "--suspended-error", "suspended", "gone", "--resolve", "https://x.test/=schemas", "--allow-network"]],
])("%j: read without yargs, as yargs reads it", (args) => {
  const ours = readGenerateArgv(args);
  expect(ours).toBeDefined();
  expect(ours).toEqual(yargsReads(args));
});

test.each([
  [["generate", "--help"]],
  [["generate", "-h"]],
  [["generate", "--emit", "types", "nonsense"]],
  [["generate", "--formats", "sometimes"]],
  [["generate", "--check", "--watch"]],
  [["generate", "--release", "--check"]],
  [["generate", "--no-quiet"]],
  [["generate", "--out=x"]],
  [["generate", "-qw"]],
  [["generate", "--out"]],
  [["generate", "--out", "a", "--out", "b"]],
  [["generate", "stray"]],
  [["generate", "--typo", "x"]],
  [["diff", "a.json", "b.json"]],
  [["release"]],
])("%j: left to yargs", (args) => {
  expect(readGenerateArgv(args)).toBeUndefined();
});

test.each([
  [["generate", "--check", "--watch"]],
  [["generate", "--release", "--check"]],
  [["generate", "-w", "--release"]],
])("%j: a conflict in the table, refused by yargs too", (args) => {
  expect(readGenerateArgv(args)).toBeUndefined();
  expect(yargsReads(args)).toBe("refused");
});
