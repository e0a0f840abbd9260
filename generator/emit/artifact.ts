/**
 * What an emitter declares about its artifact, apart from its code: its name, what it builds on,
 * and the value names its module derives from type names (`isX`, `createX`, ...). Kept apart from
 * the emitter's code (each folder's `artifact.ts`) so that naming types (ir/naming.ts) and the CLI's
 * choices read it without loading any emitter: emitters load on first use (emit/index.ts).
 */

export interface ArtifactDeclaration<Name extends string = string> {
  /** The artifact's name, as `--emit` and the config's `emit` spell it. */
  artifact: Name;
  /** Artifacts whose modules this one imports: asking for it brings them. */
  requires: readonly string[];
  /**
   * The value names its module exports for each named type `X` (`isX`, `createX`). `index.ts`
   * re-exports every module, so a type may take none of these, and none of them may be taken:
   * the name allocator (ir/naming.ts) reserves them together with `X`.
   */
  namesForType?: (type: string) => string[];
  /** The same, for a root type only (`chunkX`, the client's names). */
  namesForRoot?: (type: string) => string[];
}

/** Declares an artifact, keeping its name's literal type (the `Artifact` union is made of them). */
export function declareArtifact<const Name extends string>(declaration: ArtifactDeclaration<Name>): ArtifactDeclaration<Name> {
  return declaration;
}
