/**
 * The only stage that touches the disk. Files are staged in a temporary sibling folder and swapped
 * in with renames, so a failed or interrupted run leaves the previous output as it was; files whose
 * contents did not change keep their inode and mtime (hard links), so watchers and builds see no change.
 */
import { existsSync } from "node:fs";
import { link, mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { CodegenError } from "../errors";
import type { GeneratedFile } from "../index";

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/** Entries of the output folder that are never the generator's: kept across swaps. */
const KEEP = new Set(["node_modules"]);

export async function writeOutput(outDir: string, files: readonly GeneratedFile[]): Promise<WriteResult> {
  const out = path.resolve(outDir);
  const previous = await readTree(out);
  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  for (const file of files) {
    if (previous.get(file.path) === file.contents) result.unchanged.push(file.path);
    else result.written.push(file.path);
  }
  const generated = new Set(files.map((f) => f.path));
  result.removed = [...previous.keys()].filter((p) => !generated.has(p)).sort();
  if (result.written.length === 0 && result.removed.length === 0) return result;

  const stage = `${out}.koala-codegen-${process.pid}-${Date.now()}`;
  const old = `${stage}.old`;
  try {
    await mkdir(stage, { recursive: true });
    for (const file of files) {
      const target = path.join(stage, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      if (previous.get(file.path) === file.contents) await link(path.join(out, file.path), target);
      else await writeFile(target, file.contents);
    }
    if (existsSync(out)) {
      for (const entry of await readdir(out)) if (KEEP.has(entry)) await rename(path.join(out, entry), path.join(stage, entry));
      await rename(out, old);
    } else {
      await mkdir(path.dirname(out), { recursive: true });
    }
    await rename(stage, out);
    await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(stage, { recursive: true, force: true }).catch(() => undefined);
    if (!existsSync(out) && existsSync(old)) await rename(old, out).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CodegenError("writeFailed", `cannot write the output folder (${code}); the previous output is unchanged`, { file: outDir });
  }
  return result;
}

/** Every file below `dir` (relative, forward slashes) with its contents; empty when `dir` does not exist. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  async function walk(relative: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (relative === "" && KEEP.has(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) files.set(child, await readFile(path.join(dir, child), "utf8"));
    }
  }
  await walk("");
  return files;
}
