/**
 * Stand-ins for the schemas' hashes in the release's files (koala-codegen.api.json, CHANGELOG.md),
 * so that the other thread builds those files while this one still emits (a 5 MB JSON text on
 * stripe's document), and hashing the schemas stays this thread's last step: the hashes are then
 * written over their stand-ins (pipeline/generate.ts's offload). The files say a hash in two
 * forms: whole (the snapshot's `sha256`) and its first 12 characters (the changelog's "sha256
 * 0123456789ab"); a stand-in's first 12 characters hold its index, so both forms are found.
 */
import { copyText, textBytes } from "../print/moved-texts";
import type { SchemaHashes } from "../print/offload";

/** The stand-in of hash `index` (0: the source's; 1...: each root's): 64 characters, as a SHA-256 in hex. */
export function hashStandIn(index: number): string {
  return `@${index.toString(36).padStart(3, "0")}@koala-codegen-schema-hash@`.padEnd(64, "@");
}

/** Stand-ins for the hashes of a model with `roots` roots (undefined: none). */
export function hashStandIns(roots: number | undefined): SchemaHashes {
  return { source: hashStandIn(0), ...(roots !== undefined && { roots: Array.from({ length: roots }, (_, i) => hashStandIn(i + 1)) }) };
}

/**
 * `files` built with hashStandIns, with the real `hashes` written over the stand-ins. A text that
 * came from the other thread as its UTF-8 bytes (print/moved-texts.ts: the snapshot, 5 MB on
 * stripe) is written over as bytes, in place, never decoded: a stand-in and a hash are ASCII of
 * the same length.
 */
export function withHashes<F extends { path: string; contents: string }>(files: readonly F[], hashes: SchemaHashes): F[] {
  const pairs = [hashes.source, ...(hashes.roots ?? [])].flatMap((hash, i) => {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`internal: ${JSON.stringify(hash)} is not a SHA-256 in hex`);
    return [[hashStandIn(i), hash]];
  });
  // Whole stand-ins first: a short one is the start of its whole one.
  const replacements = [...pairs, ...pairs.map(([standIn, hash]) => [standIn!.slice(0, 12), hash!.slice(0, 12)])] as [string, string][];
  return files.map((file) => {
    const bytes = textBytes(file, "contents");
    if (bytes === undefined) return { ...file, contents: replacements.reduce((text, [standIn, hash]) => text.replaceAll(standIn, hash), file.contents) };
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const [standIn, hash] of replacements) {
      for (let at = buffer.indexOf(standIn, 0, "latin1"); at >= 0; at = buffer.indexOf(standIn, at + hash.length, "latin1")) buffer.write(hash, at, "latin1");
    }
    // A new file whose text is those bytes (the old one's getter may have decoded them already).
    return copyText({ path: file.path } as F, "contents", file, "contents");
  });
}
