/**
 * The only stage that touches the disk. Files are staged in a temporary sibling folder and swapped
 * in with renames, so a failed or interrupted run leaves the previous output as it was; files whose
 * contents did not change keep their inode and mtime (hard links), so watchers and builds see no change.
 *
 * The swap is two renames (out → out.old, stage → out). A run killed between them leaves no `out`
 * but a complete `out.old`: the next run puts it back first. Entries that are not the generator's
 * (`node_modules`) move across with the swap and are moved back if it fails.
 */
import { closeSync, copyFileSync, existsSync, fstatSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from "node:fs";
import { readdir, realpath, rename, rm } from "node:fs/promises";
import * as path from "node:path";
import { CodegenError } from "../errors";
import type { GeneratedFile } from "../generated-file";
import { textBytes } from "../print/moved-texts";

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
  // decoding it took longer than writing). One file at a time, through two buffers sized to the
  // largest (its bytes read, the new text encoded), not the whole previous tree in memory: stripe's
  // package is 55 MB, held at once as buffers on top of the generated files at the run's peak. The
  // encoding into a buffer reused from file to file allocates nothing per file (stripe's write: 0.15
  // s of CPU before, 0.09 s now).
  const previous = listTree(out);
  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  const compare = new FileComparer();
  for (const file of files) {
    if (previous.has(file.path) && compare.same(path.join(out, file.path), contentsOf(file))) result.unchanged.push(file.path);
    else result.written.push(file.path);
  }
  compare.release();
  const unchanged = new Set(result.unchanged);
  const same = (file: GeneratedFile): boolean => unchanged.has(file.path);
  const generated = new Set(files.map((f) => f.path));
  result.removed = [...previous].filter((p) => !generated.has(p)).sort();
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
    const writer = new FileWriter();
    for (const file of files) {
      const target = path.join(stage, file.path);
      if (same(file)) linkOrCopy(path.join(out, file.path), target);
      else writer.write(target, contentsOf(file));
    }
    writer.release();
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

/**
 * Writes texts through one buffer reused from file to file, sized to the largest (as FileComparer
 * compares them): writeFileSync encodes each text into a buffer of its own, tens of MB of fresh
 * memory on a large OpenAPI document's package (netbox.dev's 33 MB), each page of it a page fault.
 */
class FileWriter {
  private buffer = Buffer.alloc(0);

  write(target: string, contents: string | Uint8Array): void {
    if (typeof contents !== "string") return writeFileSync(target, contents);
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const most = contents.length * 3;
    if (this.buffer.length < most) this.buffer = Buffer.allocUnsafe(Math.max(most, this.buffer.length * 2));
    const length = this.buffer.write(contents, 0, "utf8");
    const fd = openSync(target, "w");
    try {
      for (let written = 0; written < length; ) written += writeSync(fd, this.buffer, written, length - written);
    } finally {
      closeSync(fd);
    }
  }

  release(): void {
    this.buffer = Buffer.alloc(0);
  }
}

/** A file's contents: its UTF-8 bytes when they came from the worker thread as such (print/moved-texts.ts), which are written as they are. */
function contentsOf(file: GeneratedFile): string | Uint8Array {
  return textBytes(file, "contents") ?? file.contents;
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
  // Read synchronously: a few dozen small files, and each promise-based read is four trips through
  // libuv's thread pool (open, fstat, read, close), which were a third of a `--watch` regeneration.
  return new Map([...listTree(dir)].map((child) => [child, as === "bytes" ? readFileSync(path.join(dir, child)) : readFileSync(path.join(dir, child), "utf8")]));
}

/** The paths of every file below `dir` (relative, forward slashes, sorted by folder), the kept entries left out; empty when `dir` does not exist. */
function listTree(dir: string): Set<string> {
  const paths = new Set<string>();
  const walk = (relative: string): void => {
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
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) paths.add(child);
    }
  };
  walk("");
  return paths;
}

/**
 * Whether a file on disk holds exactly a text's UTF-8 bytes (or given bytes), with two buffers reused from file to
 * file: the file's bytes, and the text encoded into room for four bytes more than the file has, so
 * that a longer encoding shows (a character is at most four bytes; one that does not fit is not written).
 */
class FileComparer {
  private bytes = Buffer.alloc(0);
  /** Always four bytes longer than `bytes`. */
  private encoded = Buffer.alloc(4);

  same(file: string, contents: string | Uint8Array): boolean {
    let fd: number;
    try {
      fd = openSync(file, "r");
    } catch {
      return false;
    }
    try {
      const size = fstatSync(fd).size;
      // A character is one byte at least: more characters than bytes cannot be the same.
      if (contents.length > size || (typeof contents !== "string" && contents.length !== size)) return false;
      if (this.bytes.length < size) {
        this.bytes = Buffer.allocUnsafe(size);
        this.encoded = Buffer.allocUnsafe(size + 4);
      }
      let read = 0;
      while (read < size) {
        const n = readSync(fd, this.bytes, read, size - read, read);
        if (n === 0) return false;
        read += n;
      }
      if (typeof contents !== "string") return this.bytes.compare(contents, 0, size, 0, size) === 0;
      return this.encoded.write(contents, 0, size + 4, "utf8") === size && this.encoded.compare(this.bytes, 0, size, 0, size) === 0;
    } finally {
      closeSync(fd);
    }
  }

  /** Lets the buffers go: the largest file's size twice. */
  release(): void {
    this.bytes = Buffer.alloc(0);
    this.encoded = Buffer.alloc(4);
  }
}
