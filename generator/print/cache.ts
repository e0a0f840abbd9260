/**
 * A content-addressed cache for the two costly pure steps, prettier and the TypeScript transpiles:
 * the key is the sha256 of the step, the versions of the generator and the library doing it, the
 * file name and the input text; the value is exactly what the step returned. Regenerating an
 * unchanged schema (and `generate --check`) then skips both, which is most of a cold start.
 * Opt-in (`cacheDir`); any read or write problem means "compute it", never a wrong answer.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { GENERATOR_VERSION } from "../version";

export class StepCache {
  constructor(private readonly dir: string | undefined) {}

  /** `compute()`, or what it returned last time for the same step, versions, file and input. */
  async get<T>(step: string, library: string, file: string, input: string, compute: () => T | Promise<T>): Promise<T> {
    if (this.dir === undefined) return compute();
    const key = createHash("sha256").update([step, GENERATOR_VERSION, libraryVersion(library), file, input].join("\0")).digest("hex");
    const entry = path.join(this.dir, key.slice(0, 2), `${key}.json`);
    try {
      return (JSON.parse(readFileSync(entry, "utf8")) as { value: T }).value;
    } catch {
      // Absent or unreadable: compute.
    }
    const value = await compute();
    try {
      mkdirSync(path.dirname(entry), { recursive: true });
      const temp = `${entry}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ value }));
      renameSync(temp, entry);
    } catch {
      // A read-only or full disk only costs speed.
    }
    return value;
  }
}

const versions = new Map<string, string>();

/** The installed version of a library (its package.json), so an upgrade never reuses old results. */
function libraryVersion(name: string): string {
  let version = versions.get(name);
  if (version === undefined) {
    try {
      version = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      version = "unknown";
    }
    versions.set(name, version);
  }
  return version;
}
