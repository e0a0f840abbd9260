import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "./paths";

/**
 * The CLI arguments of each call of `npm run generate` (after `cli.js`; one call per committed
 * package), so that tests regenerate the committed output exactly the way the project does, from
 * the one place that defines it.
 */
export function generateScriptCalls(): string[][] {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const script = pkg.scripts.generate!;
  const calls = script.split("&&").flatMap((command) => {
    const match = /dist\/generator\/cli\.js\s+(.*)$/.exec(command.trim());
    // Words as sh splits them: 'quoted' and "quoted" words may hold spaces.
    return match ? [[...match[1]!.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!)] : [];
  });
  if (calls.length === 0) throw new Error(`cannot find the CLI call in the generate script: ${script}`);
  return calls;
}

/** The arguments of the call that writes the package configured by `config` (none: the default config), with `--out` pointed elsewhere. */
export function generateArgsInto(outDir: string, config?: string): string[] {
  const args = generateScriptCalls().find((call) => (config === undefined ? !call.includes("--config") : call[call.indexOf("--config") + 1] === config));
  if (!args) throw new Error(`no call of the generate script uses ${config ?? "the default config"}`);
  const out = args.indexOf("--out");
  if (out >= 0) args[out + 1] = outDir;
  else args.push("--out", outDir);
  return args;
}
