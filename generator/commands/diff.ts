/**
 * `koala-codegen diff <old> <new>`: each change to the generated API, classified, and the semver
 * bump. Exit 1 when something breaks, so CI can stop a breaking schema update that was not meant.
 */
import { ExitCode } from "../errors";
import { fromJsonSchema } from "../ir/from-json-schema";
import { KEYWORDS } from "../emit/keywords/index";
import { loadSchema } from "../load/load-schema";
import { bumpFor, diffModels } from "../release/diff-models";
import { oneLine } from "../release/release";
import { paint } from "./output";

export interface DiffArgs {
  old: string;
  new: string;
  name?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Runs the diff command; returns the exit code (1 = breaking). */
export async function runDiff(args: DiffArgs): Promise<number> {
  const before = fromJsonSchema(await loadSchema(args.old), KEYWORDS, { rootName: args.name, nameCollisions: "suffix" });
  const after = fromJsonSchema(await loadSchema(args.new), KEYWORDS, { rootName: args.name, nameCollisions: "suffix" });
  const changes = diffModels(before, after);
  const bump = bumpFor(changes);
  const breaking = changes.filter((c) => c.level === "breaking").length;
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ bump, breaking, changes }, null, 2)}\n`);
  } else {
    if (!args.quiet) {
      const colour = { breaking: paint.red, additive: paint.green, patch: paint.cyan };
      for (const c of changes) process.stdout.write(`${colour[c.level](c.level.padEnd(8))}  ${oneLine(c.at)}: ${oneLine(c.message)}\n`);
    }
    const counts = `${breaking} breaking, ${changes.filter((c) => c.level === "additive").length} additive, ${changes.filter((c) => c.level === "patch").length} documentation`;
    process.stdout.write(`semver bump: ${bump} (${counts})\n`);
  }
  return breaking > 0 ? ExitCode.drift : ExitCode.ok;
}
