/**
 * Which types of an OpenAPI package get no builder as the schema of what the API answers: the
 * inline schema of an operation's response body (`GetPetResponse200`, `CreatePetResponse422`), that
 * no other type refers to. A builder makes a payload the caller sends; a response is read, and
 * checked (its guards, all four, stay: the client's `validateResponses`, a user's `isX`). On a large
 * API those were most of the builders: mist.com's 3,165 of 4,455 (its 3,046 error bodies, one per
 * operation and status), 4 MB of the package across builders.ts, its declarations and JavaScript,
 * and ~5% of the run. Kept: a component used as a response (named types, guards and builders
 * exactly as `$defs`), a response's view of one (`PetResponse`), the types inside a response body,
 * and the responses of webhooks and callbacks, which the user's receiver sends.
 */
import { typesReachedFrom } from "../../ir/merge-models";
import type { IrModel } from "../../ir/model";
import { siteOwnType } from "../guards/wrappers";

const responseBodies = new WeakMap<IrModel, ReadonlySet<string>>();

/**
 * Tells responseBodyTypes what they are for `model`, a copy on another thread of a model whose API
 * (its operations) stayed behind: print/offload.ts, where the builders are emitted from such a copy.
 */
export function rememberResponseBodyTypes(model: IrModel, names: readonly string[]): void {
  responseBodies.set(model, new Set(names));
}

/** The response bodies' own types of an OpenAPI model that no other type refers to (see the file comment). Computed once per model. */
export function responseBodyTypes(model: IrModel): ReadonlySet<string> {
  const cached = responseBodies.get(model);
  if (cached) return cached;
  const found = new Set<string>();
  const api = model.api;
  if (api) {
    const byName = new Map(model.types.map((t) => [t.name, t]));
    for (const operation of api.operations) {
      for (const response of operation.responses) {
        for (const content of response.contents) {
          // The site's own schema: not a `$ref` to a component, nor a view (leavesOut: a made schema).
          if (content.schema === undefined || content.schema.leavesOut !== undefined) continue;
          const name = siteOwnType(api, byName, content.schema.pointer);
          if (name !== undefined) found.add(name);
        }
      }
    }
    // What the other types refer to, transitively: those keep their builders.
    for (const name of typesReachedFrom(byName, model.types.map((t) => t.name).filter((name) => !found.has(name)))) found.delete(name);
  }
  responseBodies.set(model, found);
  return found;
}
