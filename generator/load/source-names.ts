/**
 * The names of a schema's documents in what is generated, apart from the names messages give them.
 *
 * A message names a file as the user knows it: relative to the working folder, or as given
 * (SchemaDocument.displayName). Generated code must not: the guards' errors carry the schema path
 * of the keyword that failed (`common.yaml#/$defs/Id/pattern`), and a path relative to the working
 * folder made the package differ with the folder `generate` ran from (`schemas/common.yaml#/...`
 * from the repository, `../schemas/common.yaml#/...` from a package's folder, `/abs/common.yaml#/...`
 * with an absolute `--schema`): a drift check run from elsewhere failed on a package that had not
 * changed. Generated code names a file relative to the root document's folder instead, with `/`
 * whatever the platform, and a document read from the web (or mapped from it with `--resolve`) by its URI.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { stripFragment, type SchemaDocument } from "./registry";

/**
 * Sets `sourceName` on every document but the root; `parameters`: the OpenAPI parameters' in-memory
 * document. The root is always a file (read from disk, or in memory as "(schema).json" of the
 * working folder), so every local document has a path relative to its folder.
 */
export function nameSources(documents: readonly SchemaDocument[], root: SchemaDocument, parameters: SchemaDocument | undefined): void {
  const folder = path.dirname(fileURLToPath(stripFragment(root.uri)));
  for (const document of documents) {
    if (document === root) continue;
    const uri = stripFragment(document.uri);
    if (document === parameters) document.sourceName = `${path.basename(root.displayName)} (parameters)`;
    else document.sourceName = uri.startsWith("file:") ? path.relative(folder, fileURLToPath(uri)).split(path.sep).join("/") : uri;
  }
}

/** A document's name in generated code: "" for the root (its paths are "#/..."), else its sourceName. */
export function sourceNameOf(document: SchemaDocument, root: SchemaDocument): string {
  return document === root ? "" : (document.sourceName ?? document.displayName);
}

/**
 * The file part of a generated path (a type's origin, "common.yaml") as a message names it: joined
 * to the folder of the root document's displayed name, so relative to the working folder when that
 * is, absolute when the root was given absolute. A URI or a name in parentheses is left as it is.
 */
export function displayFileOf(sourceName: string, rootDisplayName: string | undefined): string {
  if (rootDisplayName === undefined || /^[a-z][a-z0-9+.-]*:/i.test(sourceName) || sourceName.startsWith("(") || path.isAbsolute(sourceName)) return sourceName;
  return path.normalize(path.join(path.dirname(rootDisplayName), sourceName));
}

/**
 * A generated origin ("#/a" in the root document, "other.yaml#/a" in another) as a message names its
 * place: the file (displayFileOf; the root's own name for "#/a") and the pointer.
 */
export function displayOrigin(origin: string, rootDisplayName: string | undefined): { file?: string; pointer: string } {
  const hash = origin.indexOf("#");
  return hash > 0 ? { file: displayFileOf(origin.slice(0, hash), rootDisplayName), pointer: origin.slice(hash) } : { file: rootDisplayName, pointer: origin.slice(Math.max(hash, 0)) };
}
