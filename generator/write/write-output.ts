/**
 * The only stage that touches the disk. Files are staged in a temporary sibling folder and swapped
 * in with renames, so a failed or interrupted run leaves the previous output as it was; files whose
 * contents did not change keep their inode and mtime (hard links), so watchers and builds see no change.
 *
 * The swap is two renames (out → out.old, stage → out). A run killed between them leaves no `out`
 * but a complete `out.old`: the next run puts it back first. Entries that are not the generator's
 * (`node_modules`) move across with the swap and are moved back if it fails.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { readdir, realpath, rename, rm } from "node:fs/promises";
import { isAscii } from "node:buffer";
import * as path from "node:path";
import { CodegenError } from "../errors";
import type { GeneratedFile } from "../generated-file";

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/** Entries of the output folder that are never the generator's: kept across swaps. */
const KEEP = new Set(["node_modules"]);

const STAGE_MARK = ".koala-codegen-";

/** Writes `files` as the complete contents of `outDir` (safely; see the file comment). */
export async function writeOutput(outDir: string, files: readonly GeneratedFile[], displayName: string = outDir): Promise<WriteResult> {
  const fail = (reason: string): never => {
    throw new CodegenError("writeFailed", `cannot write the output folder (${reason}); the previous output is unchanged`, { file: displayName });
  };
  let out = path.resolve(outDir);
  await recoverInterruptedSwap(out);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) fail("it exists and is not a folder");
    // A symlinked output folder: swap the folder it points to, keep the link.
    out = await realpath(out);
  }
  // Compared as bytes: the previous output is not decoded (tens of MB for a large OpenAPI document:
  // decoding it took longer than writing). A file of the same length is encoded into one scratch
  // buffer, not a buffer per file: on a large package that was tens of MB more at the peak.
  // A file of ASCII only (nearly every generated file) is compared as text instead: its bytes read
  // as latin1 are its characters, and comparing strings skips the UTF-8 length and encoding of
  // each new file (stripe's package: 55 MB, most of them built from concatenations that had to be
  // flattened first; 0.2 s of the write).
  const previous = await readTree(out, "bytes");
  let scratch = Buffer.alloc(0);
  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  for (const file of files) {
    const before = previous.get(file.path);
    if (before !== undefined) {
      let same: boolean;
      if (isAscii(before)) {
        same = file.contents.length === before.length && before.toString("latin1") === file.contents;
      } else {
        same = Buffer.byteLength(file.contents, "utf8") === before.length;
        if (same) {
          if (scratch.length < before.length) scratch = Buffer.allocUnsafe(before.length);
          scratch.write(file.contents, 0, "utf8");
          same = scratch.subarray(0, before.length).equals(before);
        }
      }
      if (same) {
        result.unchanged.push(file.path);
        continue;
      }
    }
    result.written.push(file.path);
  }
  const unchanged = new Set(result.unchanged);
  const same = (file: GeneratedFile): boolean => unchanged.has(file.path);
  const generated = new Set(files.map((f) => f.path));
  result.removed = [...previous.keys()].filter((p) => !generated.has(p)).sort();
  // Only the paths were needed from here on: the previous bytes and the scratch buffer are let go.
  previous.clear();
  scratch = Buffer.alloc(0);
  if (result.written.length === 0 && result.removed.length === 0) return result;

  const stage = `${out}${STAGE_MARK}${process.pid}-${Date.now()}`;
  const old = `${stage}.old`;
  const kept: string[] = [];
  let swappedOut = false;
  try {
    // Each folder made once, then every file. Synchronous calls: a few hundred small ones, and as
    // promises each was a round trip through libuv's thread pool, most of a `--watch` regeneration's
    // wait on a busy machine.
    for (const folder of [...new Set(files.map((f) => path.dirname(path.join(stage, f.path))))].sort()) mkdirSync(folder, { recursive: true });
    for (const file of files) {
      const target = path.join(stage, file.path);
      if (same(file)) linkOrCopy(path.join(out, file.path), target);
      else writeFileSync(target, file.contents, "utf8");
    }
    if (existsSync(out)) {
      renameSync(out, old);
      swappedOut = true;
      for (const entry of readdirSync(old)) {
        if (!KEEP.has(entry)) continue;
        renameSync(path.join(old, entry), path.join(stage, entry));
        kept.push(entry);
      }
    } else {
      mkdirSync(path.dirname(out), { recursive: true });
    }
    renameSync(stage, out);
  } catch (error) {
    // Put everything back the way it was: kept entries into the old folder, the old folder in place.
    for (const entry of kept) await rename(path.join(stage, entry), path.join(old, entry)).catch(() => undefined);
    if (swappedOut && !existsSync(out)) await rename(old, out).catch(() => undefined);
    await rm(stage, { recursive: true, force: true }).catch(() => undefined);
    fail((error as NodeJS.ErrnoException).code ?? String(error));
  }
  try {
    rmSync(old, { recursive: true, force: true });
  } catch {
    // The new output is in place; a leftover `.old` folder is removed by the next run.
  }
  return result;
}

/** Unchanged files keep their inode (and so their mtime); where links are impossible, a copy with the old times. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
    const { atime, mtime } = statSync(from);
    utimesSync(to, atime, mtime);
  }
}

/**
 * Cleans up after a run that died: a missing output next to a complete `.old` is restored, and
 * stage folders of processes that no longer run are removed.
 */
async function recoverInterruptedSwap(out: string): Promise<void> {
  const parent = path.dirname(out);
  const prefix = `${path.basename(out)}${STAGE_MARK}`;
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  // `.old` folders first: restoring the output comes before emptying a stage into it.
  const leftovers = entries.filter((e) => e.startsWith(prefix)).sort((a, b) => Number(b.endsWith(".old")) - Number(a.endsWith(".old")) || (a < b ? -1 : 1));
  for (const entry of leftovers) {
    const pid = Number(/^(\d+)-/.exec(entry.slice(prefix.length))?.[1]);
    if (pid !== process.pid && isRunning(pid)) continue;
    const full = path.join(parent, entry);
    if (entry.endsWith(".old") && !existsSync(out)) {
      await rename(full, out).catch(() => undefined);
      continue;
    }
    // A stage may hold the user's kept entries (node_modules) that were moving across: give them back.
    for (const keep of KEEP) {
      if (existsSync(path.join(full, keep)) && existsSync(out) && !existsSync(path.join(out, keep))) {
        await rename(path.join(full, keep), path.join(out, keep)).catch(() => undefined);
      }
    }
    await rm(full, { recursive: true, force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Every file below `dir` (relative, forward slashes) with its contents (text, or "bytes"); empty when `dir` does not exist. */
export async function readTree(dir: string): Promise<Map<string, string>>;
export async function readTree(dir: string, as: "bytes"): Promise<Map<string, Buffer>>;
export async function readTree(dir: string, as?: "bytes"): Promise<Map<string, string | Buffer>> {
  const paths: string[] = [];
  async function walk(relative: string): Promise<void> {
    let entries;
    try {
      entries = readdirSync(path.join(dir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (relative === "" && KEEP.has(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) paths.push(child);
    }
  }
  await walk("");
  // Read synchronously: a few dozen small files, and each promise-based read is four trips through
  // libuv's thread pool (open, fstat, read, close), which were a third of a `--watch` regeneration.
  return new Map(paths.map((child) => [child, as === "bytes" ? readFileSync(path.join(dir, child)) : readFileSync(path.join(dir, child), "utf8")]));
}
