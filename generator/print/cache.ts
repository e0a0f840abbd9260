/**
 * A content-addressed cache for the two costly pure steps, prettier and the TypeScript transpiles:
 * the key is the sha256 of the step, the code that implements it (the module's own source, so a
 * changed option or transform never reuses old results, even without a version bump), the
 * versions of the generator and the library doing it, the file name and the input text; the value
 * is exactly what the step returned. Regenerating an
 * unchanged schema (and `generate --check`) then skips both, which is most of a cold start.
 * Opt-in (`cacheDir`); any read or write problem means "compute it", never a wrong answer.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { PRINT_DIR } from "../paths";
import { GENERATOR_VERSION } from "../version";

/** The module in this folder that implements a cached step. */
export type Step = "format" | "scripts" | "declarations";

export class StepCache {
  constructor(private readonly dir: string | undefined) {}

  /**
   * `compute()`, or what it returned last time for the same step, implementation, versions, file
   * and input. `step` names the module that implements it ("format", "scripts", "declarations" in this folder);
   * `isValue` rejects an entry of the wrong shape, which is then recomputed like a missing one.
   */
  async get<T>(
    step: Step,
    libraries: string | readonly string[],
    file: string,
    input: string,
    compute: () => T | Promise<T>,
    isValue: (value: unknown) => value is T,
  ): Promise<T> {
    const hit = this.read(step, libraries, file, input, isValue);
    if (hit !== undefined) return hit;
    const value = await compute();
    this.write(step, libraries, file, input, value);
    return value;
  }

  /** The stored result, or undefined when there is none (or no cache, or an entry of the wrong shape). */
  read<T>(step: Step, libraries: string | readonly string[], file: string, input: string, isValue: (value: unknown) => value is T): T | undefined {
    if (this.dir === undefined) return undefined;
    try {
      const stored: unknown = JSON.parse(readFileSync(this.entry(step, libraries, file, input), "utf8"));
      if (typeof stored === "object" && stored !== null && "value" in stored && isValue(stored.value)) return stored.value;
    } catch {
      // Absent or unreadable: compute.
    }
    return undefined;
  }

  /** Keeps a computed result; a read-only or full disk only costs speed. */
  write(step: Step, libraries: string | readonly string[], file: string, input: string, value: unknown): void {
    if (this.dir === undefined) return;
    try {
      const entry = this.entry(step, libraries, file, input);
      const folder = path.dirname(entry);
      // Made once per process: `--watch` writes entries on every save, and mkdir was most of a write.
      if (!madeFolders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        madeFolders.add(folder);
      }
      const temp = `${entry}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ value }));
      renameSync(temp, entry);
    } catch {
      // Not kept: the next run computes it again. The folder may have been removed: made again next time.
      madeFolders.clear();
    }
  }

  private entry(step: Step, libraries: string | readonly string[], file: string, input: string): string {
    const versions = (typeof libraries === "string" ? [libraries] : libraries).map(libraryVersion);
    const key = createHash("sha256")
      .update([step, stepFingerprint(step), GENERATOR_VERSION, ...versions, file, input].join("\0"))
      .digest("hex");
    return path.join(this.dir!, key.slice(0, 2), `${key}.json`);
  }
}

/** The entry folders this process has made (forgotten when a write fails). */
const madeFolders = new Set<string>();

/** Computed once per process: both are pure for the life of a run. */
const memo = new Map<string, string>();

function remember(key: string, compute: () => string, fallback: () => string): string {
  let value = memo.get(key);
  if (value === undefined) {
    try {
      value = compute();
    } catch {
      value = fallback();
    }
    memo.set(key, value);
  }
  return value;
}

/** sha256 of the source of the module that implements a step (read as text: nothing is loaded). */
function stepFingerprint(step: string): string {
  return remember(
    `step:${step}`,
    () => createHash("sha256").update(readFileSync(require.resolve(path.join(PRINT_DIR, step)), "utf8")).digest("hex"),
    // Unreadable: a fresh random value, so this process never reuses an entry it cannot vouch for.
    () => `${process.pid}-${Math.random()}`,
  );
}

/** The installed version of a library (its package.json), so an upgrade never reuses old results. */
function libraryVersion(name: string): string {
  return remember(`library:${name}`, () => (require(`${name}/package.json`) as { version: string }).version, () => "unknown");
}
