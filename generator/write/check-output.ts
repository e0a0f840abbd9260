/**
 * `generate --check`: the freshly generated files (in memory) against the output folder on disk.
 * Nothing is written. What drifted comes back as a unified diff per file, the way `git diff` shows it.
 */
import { createTwoFilesPatch } from "diff";
import type { GeneratedFile } from "../generated-file";
import { readTree } from "./write-output";

export interface CheckResult {
  /** Files whose contents differ, are missing on disk, or are on disk but no longer generated. */
  changed: string[];
  missing: string[];
  extra: string[];
  /** Unified diff of every drifted file (`a/` = on disk, `b/` = generated now). */
  patch: string;
  /** How many files were compared. */
  total: number;
}

/** Compares generated files with the output folder; the patch (paths under `label`) turns what is on disk into what generate would write. */
export async function checkOutput(outDir: string, files: readonly GeneratedFile[], label = ""): Promise<CheckResult> {
  const prefix = label ? `${label.replace(/\/+$/, "")}/` : "";
  const disk = await readTree(outDir);
  const result: CheckResult = { changed: [], missing: [], extra: [], patch: "", total: files.length };
  const patches: string[] = [];
  for (const file of files) {
    const current = disk.get(file.path);
    if (current === file.contents) continue;
    (current === undefined ? result.missing : result.changed).push(file.path);
    patches.push(patchOf(prefix + file.path, current, file.contents));
  }
  const generated = new Set(files.map((f) => f.path));
  for (const [p, contents] of [...disk].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (generated.has(p)) continue;
    result.extra.push(p);
    patches.push(patchOf(prefix + p, contents, undefined));
  }
  result.patch = patches.join("");
  return result;
}

export function driftCount(result: CheckResult): number {
  return result.changed.length + result.missing.length + result.extra.length;
}

function patchOf(file: string, before: string | undefined, after: string | undefined): string {
  return createTwoFilesPatch(
    before === undefined ? "/dev/null" : `a/${file}`,
    after === undefined ? "/dev/null" : `b/${file}`,
    before ?? "",
    after ?? "",
    undefined,
    undefined,
    { context: 3 },
  ).replace(/^=+\n/, "");
}
