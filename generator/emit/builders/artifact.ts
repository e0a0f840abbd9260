/** The `builders` artifact: `builders.ts`, with `createX` for every object type, and `chunkX`, `groupXItems` for a root. */
import { declareArtifact } from "../artifact";

/** The names builders.ts derives from a type name. Every emitter takes them from here. */
export const builderNames = {
  create: (type: string): string => `create${type}`,
  /** Root type only. */
  chunk: (type: string): string => `chunk${type}`,
  /** Root type only: the group-by-identity helper. */
  group: (type: string): string => `group${type}Items`,
};

export const buildersArtifact = declareArtifact({
  artifact: "builders",
  requires: ["types", "guards"],
  namesForType: (type) => [builderNames.create(type)],
  namesForRoot: (type) => [builderNames.chunk(type), builderNames.group(type)],
});
