/** The `guards` artifact: `guards.ts`, with `isX`, `validateX`, `assertX` and `XSchema` for every named type X. */
import { declareArtifact } from "../artifact";

/** The names guards.ts exports for a named type. Every emitter takes them from here. */
export const guardNames = {
  is: (type: string): string => `is${type}`,
  validate: (type: string): string => `validate${type}`,
  assert: (type: string): string => `assert${type}`,
  /** The Standard Schema object. */
  standardSchema: (type: string): string => `${type}Schema`,
};

export const guardsArtifact = declareArtifact({
  artifact: "guards",
  requires: ["types"],
  namesForType: (type) => [guardNames.is(type), guardNames.validate(type), guardNames.assert(type), guardNames.standardSchema(type)],
});
