/** The `client` artifact: `client.ts`, a factory `createXClient` with one method per endpoint. */
import { declareArtifact } from "../artifact";

/** The names client.ts declares for a client named `stem` (default: the root type's name). */
export const clientNames = {
  factory: (stem: string): string => `create${stem}Client`,
  client: (stem: string): string => `${stem}Client`,
  options: (stem: string): string => `${stem}ClientOptions`,
};

/** Every name client.ts declares for a client named `stem`: reserved before any type is named. */
export function allClientNames(stem: string): string[] {
  return [clientNames.factory(stem), clientNames.client(stem), clientNames.options(stem)];
}

export const clientArtifact = declareArtifact({
  artifact: "client",
  requires: ["types", "guards", "builders"],
  namesForRoot: allClientNames,
});
