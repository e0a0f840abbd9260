/** The artifact list: a new artifact is one emitter here. Order = order of modules in the package. */
import type { Artifact, EmitContext, Emitter } from "./emitter";
import { typesEmitter } from "./types";

/**
 * An emitter whose module is loaded on first use of anything but its artifact: a run that does not
 * emit it never loads it (`--emit types` skips the guards, builders and client emitters, a
 * twentieth of a second of a cold start).
 */
function onDemand(artifact: Artifact, load: () => Emitter): Emitter {
  let loaded: Emitter | undefined;
  const emitter = (): Emitter => {
    loaded ??= load();
    if (loaded.artifact !== artifact) throw new Error(`internal: the ${artifact} emitter's module emits ${loaded.artifact}`);
    return loaded;
  };
  return {
    artifact,
    get requires() {
      return emitter().requires;
    },
    get templates() {
      return emitter().templates;
    },
    get usesStructures() {
      return emitter().usesStructures;
    },
    emit: (context: EmitContext) => emitter().emit(context),
  };
}

export const EMITTERS: readonly Emitter[] = [
  typesEmitter,
  onDemand("guards", () => (require("./guards/index") as typeof import("./guards/index")).guardsEmitter),
  onDemand("builders", () => (require("./builders/index") as typeof import("./builders/index")).buildersEmitter),
  onDemand("client", () => (require("./client/index") as typeof import("./client/index")).clientEmitter),
  onDemand("operations", () => (require("./operations/index") as typeof import("./operations/index")).operationsEmitter),
];

/** The emitters for the requested artifacts plus everything they depend on, in package order. */
export function selectEmitters(requested: readonly Artifact[]): Emitter[] {
  const wanted = new Set<Artifact>();
  const add = (artifact: Artifact): void => {
    if (wanted.has(artifact)) return;
    const emitter = EMITTERS.find((e) => e.artifact === artifact);
    if (!emitter) throw new Error(`unknown artifact "${artifact}" (available: ${EMITTERS.map((e) => e.artifact).join(", ")})`);
    wanted.add(artifact);
    emitter.requires.forEach(add);
  };
  requested.forEach(add);
  return EMITTERS.filter((e) => wanted.has(e.artifact));
}
