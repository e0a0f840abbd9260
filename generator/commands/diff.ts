/**
 * `koala-codegen diff <old> <new>`: each change to the generated API, classified, and the semver
 * bump. Exit 1 when something breaks, so CI can stop a breaking schema update that was not meant.
 */
import { ExitCode } from "../errors";
import { fromJsonSchema } from "../ir/from-json-schema";
import { loadSchema } from "../load/load-schema";
import { bumpFor } from "../release/diff-models";
import { diffApi, operationRecords, type ApiShape } from "../release/diff-operations";
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
  const changes = diffApi(await apiOf(args.old, args.name), await apiOf(args.new, args.name));
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

/** A schema's types, and an OpenAPI document's operations too. */
async function apiOf(file: string, name: string | undefined): Promise<ApiShape> {
  const loaded = await loadSchema(file);
  const model = fromJsonSchema(loaded, { rootName: name, nameCollisions: "suffix" });
  return { types: model.types, ...(loaded.openapi && { operations: operationRecords(loaded.openapi.input.operations, model) }) };
}
