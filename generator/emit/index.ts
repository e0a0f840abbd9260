/** The artifact list: a new artifact is one emitter here. Order = order of modules in the package. */
import type { Artifact, Emitter } from "./emitter";
import { buildersEmitter } from "./builders/index";
import { clientEmitter } from "./client/index";
import { guardsEmitter } from "./guards/index";
import { typesEmitter } from "./types";

export const EMITTERS: readonly Emitter[] = [typesEmitter, guardsEmitter, buildersEmitter, clientEmitter];

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
