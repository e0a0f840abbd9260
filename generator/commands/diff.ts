/**
 * `koala-codegen diff <old> <new>`: each change to the generated API, classified, and the semver
 * bump. Exit 1 when something breaks, so CI can stop a breaking schema update that was not meant.
 * Besides the types: the stamps, idempotency key and short builders taken from property names
 * (as `--config`'s `stamps`, `client.idempotencyKey` and `shortBuilders` set them, if given).
 */
import * as path from "node:path";
import { findConfig, loadConfig } from "../config/config";
import type { EmitOptions } from "../emit/emitter";
import { findHeuristics } from "../emit/heuristics";
import { ARTIFACTS, namesDerivedFrom } from "../emit/index";
import { ExitCode } from "../errors";
import type { IrModel } from "../ir/model";
import { fromJsonSchema } from "../ir/from-json-schema";
import { KEYWORDS } from "../emit/keywords/index";
import { loadSchema } from "../load/load-schema";
import { diffHeuristics } from "../release/diff-heuristics";
import { bumpFor, type ApiChange } from "../release/diff-models";
import { diffApi, operationRecords, webhookRecords, type ApiShape } from "../release/diff-operations";
import { oneLine } from "../release/release";
import { paint } from "./output";

export interface DiffArgs {
  old: string;
  new: string;
  name?: string;
  json?: boolean;
  quiet?: boolean;
  /** A config whose heuristic settings apply to both schemas. */
  config?: string;
}

/** Runs the diff command; returns the exit code (1 = breaking). */
export async function runDiff(args: DiffArgs): Promise<number> {
  const before = await apiOf(args.old, args.name);
  const after = await apiOf(args.new, args.name);
  const file = args.config === undefined ? undefined : findConfig(args.config, process.cwd());
  const config = file === undefined ? undefined : await loadConfig(file, path.relative(process.cwd(), file) || file);
  const options: EmitOptions = {
    artifacts: ARTIFACTS,
    formats: "assert",
    client: { idempotencyKey: config?.client?.idempotencyKey },
    heuristics: { stamps: config?.stamps, shortBuilders: config?.shortBuilders },
  };
  const heuristics = (model: IrModel): ReturnType<typeof findHeuristics> => findHeuristics({ model, options });
  const order: Record<ApiChange["level"], number> = { breaking: 0, additive: 1, patch: 2 };
  const changes = [...diffApi(before.api, after.api), ...diffHeuristics(heuristics(before.model), heuristics(after.model))].sort((a, b) => order[a.level] - order[b.level]);
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

/** A schema's model (its heuristics are diffed too), and its API: the types, and an OpenAPI document's operations, webhooks and callbacks. */
async function apiOf(file: string, name: string | undefined): Promise<{ model: IrModel; api: ApiShape }> {
  const loaded = await loadSchema(file);
  const model = fromJsonSchema(loaded, KEYWORDS, { rootName: name, nameCollisions: "suffix", derivedNames: namesDerivedFrom });
  const openapi = loaded.openapi?.input;
  return { model, api: { types: model.types, ...(openapi && { operations: operationRecords(openapi.operations, model), webhooks: webhookRecords(openapi.webhooks, model) }) } };
}
