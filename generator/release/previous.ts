/** Reads what a release needs from the previous output folder (missing files are simply absent). */
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { CHANGELOG_FILE, SNAPSHOT_FILE, type PreviousOutput } from "./release";

/**
 * The previous output's package.json, API snapshot and changelog, if there. The snapshot as bytes
 * in a SharedArrayBuffer: postMessage shares such memory with the thread that plans the release
 * (print/offload.ts) instead of copying it, and this thread can still read it should that thread
 * fail (a transferred buffer would be gone here). Decoded where it is read (release.ts's readSnapshot).
 */
export async function readPrevious(outDir: string): Promise<PreviousOutput> {
  const read = (name: string): Promise<string | undefined> => readFile(path.join(outDir, name), "utf8").catch(() => undefined);
  const readShared = async (name: string): Promise<Uint8Array | undefined> => {
    const bytes = await readFile(path.join(outDir, name)).catch(() => undefined);
    if (bytes === undefined) return undefined;
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
    return shared;
  };
  const [packageJson, snapshot, changelog] = await Promise.all([read("package.json"), readShared(SNAPSHOT_FILE), read(CHANGELOG_FILE)]);
  return { packageJson, snapshot, changelog };
}
