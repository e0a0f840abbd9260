/** Reads what a release needs from the previous output folder (missing files are simply absent). */
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { CHANGELOG_FILE, SNAPSHOT_FILE, type PreviousOutput } from "./release";

/** The previous output's package.json, API snapshot and changelog, if there. */
export async function readPrevious(outDir: string): Promise<PreviousOutput> {
  const read = (name: string): Promise<string | undefined> => readFile(path.join(outDir, name), "utf8").catch(() => undefined);
  const [packageJson, snapshot, changelog] = await Promise.all([read("package.json"), read(SNAPSHOT_FILE), read(CHANGELOG_FILE)]);
  return { packageJson, snapshot, changelog };
}
