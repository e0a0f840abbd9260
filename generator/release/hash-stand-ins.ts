/**
 * Stand-ins for the schemas' hashes in the release's files (koala-codegen.api.json, CHANGELOG.md),
 * so that the other thread builds those files while this one still emits (a 5 MB JSON text on
 * stripe's document), and hashing the schemas stays this thread's last step: the hashes are then
 * written over their stand-ins (pipeline/generate.ts's offload). The files say a hash in two
 * forms: whole (the snapshot's `sha256`) and its first 12 characters (the changelog's "sha256
 * 0123456789ab"); a stand-in's first 12 characters hold its index, so both forms are found.
 */
import type { SchemaHashes } from "../print/offload";

/** The stand-in of hash `index` (0: the source's; 1...: each root's): 64 characters, as a SHA-256 in hex. */
export function hashStandIn(index: number): string {
  return `@${index.toString(36).padStart(3, "0")}@koala-codegen-schema-hash@`.padEnd(64, "@");
}

/** Stand-ins for the hashes of a model with `roots` roots (undefined: none). */
export function hashStandIns(roots: number | undefined): SchemaHashes {
  return { source: hashStandIn(0), ...(roots !== undefined && { roots: Array.from({ length: roots }, (_, i) => hashStandIn(i + 1)) }) };
}

/** `files` built with hashStandIns, with the real `hashes` written over the stand-ins. */
export function withHashes<F extends { contents: string }>(files: readonly F[], hashes: SchemaHashes): F[] {
  const all = [hashes.source, ...(hashes.roots ?? [])];
  return files.map((file) => {
    let contents = file.contents;
    all.forEach((hash, i) => {
      const standIn = hashStandIn(i);
      contents = contents.replaceAll(standIn, hash).replaceAll(standIn.slice(0, 12), hash.slice(0, 12));
    });
    return { ...file, contents };
  });
}
