import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "./paths";

/**
 * The CLI arguments of `npm run generate` (after `cli.js`), so that tests regenerate the committed
 * output exactly the way the project does, from the one place that defines it.
 */
export function generateScriptArgs(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const script = pkg.scripts.generate!;
  const match = /dist\/generator\/cli\.js\s+(.*)$/.exec(script);
  if (!match) throw new Error(`cannot find the CLI call in the generate script: ${script}`);
  // Words as sh splits them: 'quoted' and "quoted" words may hold spaces.
  return [...match[1]!.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Those arguments with `--out` pointed elsewhere. */
export function generateArgsInto(outDir: string): string[] {
  const args = generateScriptArgs();
  const out = args.indexOf("--out");
  if (out >= 0) args[out + 1] = outDir;
  else args.push("--out", outDir);
  return args;
}
