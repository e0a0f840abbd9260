/**
 * The artifact registry: one line per artifact, in the order of modules in the package. A new
 * artifact is one folder `emit/<name>/` (an `artifact.ts` declaring it, an `index.ts` exporting
 * `<name>Emitter`) plus one line here; `--emit`, the config's `emit` and the `Artifact` type follow.
 */
import { declareArtifact, type ArtifactDeclaration } from "./artifact";
import type { EmitContext, Emitter } from "./emitter";
import { buildersArtifact } from "./builders/artifact";
import { clientArtifact } from "./client/artifact";
import { guardsArtifact } from "./guards/artifact";
import { operationsArtifact } from "./operations/artifact";

const REGISTRY = [
  declareArtifact({ artifact: "types", requires: [] }),
  guardsArtifact,
  buildersArtifact,
  clientArtifact,
  operationsArtifact,
] as const;

/** An artifact's name: "types", "guards", ... */
export type Artifact = (typeof REGISTRY)[number]["artifact"];

/** An emitter as the pipeline uses it: its declaration, and its code loaded on first use. */
export type RegisteredEmitter = ArtifactDeclaration<Artifact> & Emitter;

/**
 * Each artifact's emitter module, required on first use. Written out, not built from the name: the
 * CLI runs from a bundle of its modules (scripts/bundle-cli.ts), and a bundler follows only literal paths.
 */
const EMITTER_MODULES: Record<Artifact, () => unknown> = {
  types: () => require("./types"),
  guards: () => require("./guards"),
  builders: () => require("./builders"),
  client: () => require("./client"),
  operations: () => require("./operations"),
};

/**
 * An emitter whose module (`./<artifact>`: `types.ts`, or the folder's `index.ts`) is loaded on
 * first use of its code: a run that does not emit it never loads it (`--emit types` skips the
 * guards, builders and client emitters, a twentieth of a second of a cold start). Required
 * inside functions, so this registry (which ir/naming.ts reads for derived names) has no
 * import of an emitter, which imports ir/naming.ts.
 */
function onDemand(declaration: ArtifactDeclaration<Artifact>): RegisteredEmitter {
  let loaded: Emitter | undefined;
  const emitter = (): Emitter => {
    if (loaded) return loaded;
    const exported = (EMITTER_MODULES[declaration.artifact]() as Record<string, Emitter | undefined>)[`${declaration.artifact}Emitter`];
    if (!exported) throw new Error(`internal: emit/${declaration.artifact} exports no ${declaration.artifact}Emitter`);
    return (loaded = exported);
  };
  return {
    ...declaration,
    get templates() {
      return emitter().templates;
    },
    emit: (context: EmitContext) => emitter().emit(context),
  };
}

export const EMITTERS: readonly RegisteredEmitter[] = REGISTRY.map(onDemand);

/** Every artifact's name, in package order. */
export const ARTIFACTS: readonly Artifact[] = REGISTRY.map((d) => d.artifact);

/**
 * Every value name the emitters derive from a named type `X` (`isX`, `XSchema`, `createX`, ...);
 * a root type also gets the root-only ones (`chunkX`, `groupXItems`, the client's names).
 */
export function namesDerivedFrom(type: string, isRoot: boolean): string[] {
  const names = REGISTRY.flatMap((d: ArtifactDeclaration) => d.namesForType?.(type) ?? []);
  if (isRoot) names.push(...REGISTRY.flatMap((d: ArtifactDeclaration) => d.namesForRoot?.(type) ?? []));
  return names;
}

/** The emitters for the requested artifacts plus everything they depend on, in package order. */
export function selectEmitters(requested: readonly string[]): RegisteredEmitter[] {
  const wanted = new Set<string>();
  const add = (artifact: string): void => {
    if (wanted.has(artifact)) return;
    const emitter = EMITTERS.find((e) => e.artifact === artifact);
    if (!emitter) throw new Error(`unknown artifact "${artifact}" (available: ${ARTIFACTS.join(", ")})`);
    wanted.add(artifact);
    emitter.requires.forEach(add);
  };
  requested.forEach(add);
  return EMITTERS.filter((e) => wanted.has(e.artifact));
}
