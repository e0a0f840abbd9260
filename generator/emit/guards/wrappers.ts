/**
 * Which of the exported wrappers (`isX`, `validateX`, `assertX`, `XSchema`) guards.ts has for each
 * named type. A JSON Schema package: all four for every type. An OpenAPI package: all four for the
 * data a user handles (component schemas, request bodies, the parameter objects `<Stem>Params<Location>`
 * a request is made of, and every type these refer to). What the client alone checks gets
 * `validateX`, the check it runs, and nothing more:
 * - the schema of a single parameter gets none where its operation checks its location's object,
 *   whose guard checks every parameter by its schema (errors at "/query/limit", the keyword at the
 *   parameter's own place): a check of its own would be called by nobody. Where the operation checks
 *   its parameters one by one (a path's; emit/operations/parameter-checks.ts) it gets `validateX`,
 *   and so do a response's headers object and each header's schema, the checks the client runs when
 *   it reads them. On a large API those are most of the types (netbox.dev's 6,867 parameters: 3.9 MB
 *   of guards.ts's 11 MB were validateX of single parameters). (A query's or cookie's parameter of a
 *   bare type is no type at all now: load/openapi/parameter-schemas.ts's typedInItsObject.)
 * - an inline response body's own type (responseBodyTypes: `GetPetResponse200`, `CreatePetResponse422`)
 *   gets `validateX`, which the client's `validateResponses` and the mock server call; the other
 *   three were API nobody calls, since a response is read through its operation, whose result is
 *   typed and checked. On mist.com, whose 779 operations each answer four inline error bodies
 *   (3,046 types of four shapes), they were 3.4 MB of its 11.3 MB guards.ts, and ~10% of the run.
 * Four exports each, or even one, were noise in the package's API. The names stay reserved either
 * way (guardsArtifact.namesForType), so no name moves when this rule does.
 */
import { builtObjectType, siteTypeAt, type IrApi, type IrModel, type IrNamedType } from "../../ir/model";
import { PARAMETER_LOCATIONS } from "../../load/openapi/operation-model";
import { placeOfPointer } from "../../load/openapi/schema-sites";
import { checkedObject } from "../operations/parameter-checks";
import { typesReachedFrom } from "../../ir/merge-models";

export type GuardWrapper = "is" | "validate" | "assert" | "standardSchema";

const EVERY: readonly GuardWrapper[] = ["is", "validate", "assert", "standardSchema"];
const CHECK_ONLY: readonly GuardWrapper[] = ["validate"];
const NONE: readonly GuardWrapper[] = [];

const responseBodies = new WeakMap<IrModel, ReadonlySet<string>>();
const parameterOnly = new WeakMap<IrModel, ReadonlySet<string>>();
/** Of those, the request parameters' schemas: no wrapper at all (the others are response headers: validateX). */
const requestParameterOnly = new WeakMap<IrModel, ReadonlySet<string>>();

/**
 * Tells parameterOnlyTypes what they are for `model`, a copy on another thread of a model whose API
 * (its operations) stayed behind: print/offload.ts, where the builders are emitted from such a copy
 * (they ask only whether a type has assertX, which none of these has).
 */
export function rememberParameterOnlyTypes(model: IrModel, names: readonly string[]): void {
  parameterOnly.set(model, new Set(names));
}

/** Tells responseBodyTypes what they are for `model`, such a copy (see rememberParameterOnlyTypes). */
export function rememberResponseBodyTypes(model: IrModel, names: readonly string[]): void {
  responseBodies.set(model, new Set(names));
}

/** The wrappers guards.ts exports for the type `name` of `model`. */
export function guardWrappers(model: IrModel, name: string): readonly GuardWrapper[] {
  if (responseBodyTypes(model).has(name)) return CHECK_ONLY;
  if (!parameterOnlyTypes(model).has(name)) return EVERY;
  return requestParameterOnly.get(model)?.has(name) ? NONE : CHECK_ONLY;
}

/**
 * The types of an OpenAPI model that are the schema of a single parameter or response header (or a
 * response's headers object) and nothing else: not a parameter object, and referred to by no type
 * outside them (a parameter whose schema is a `$ref` to a component is typed by the component,
 * which keeps its wrappers). Computed once per model.
 */
export function parameterOnlyTypes(model: IrModel): ReadonlySet<string> {
  const cached = parameterOnly.get(model);
  if (cached) return cached;
  const found = new Set<string>();
  const api = model.api;
  if (api) {
    const objects = new Set<string>();
    const parameters = new Set<string>();
    const sites = new Set<string>();
    const headerSites = new Set<string>();
    const checkedAlone = new Set<string>();
    const headerObjects = new Set<string>();
    // A webhook's or callback's parts as an operation's: the receiver checks the parameter objects and bodies.
    for (const operation of [...api.operations, ...api.webhooks]) {
      // The parameter objects, looked up as the operations emitter does (emit/operations/plan.ts).
      for (const object of Object.values(operation.parameterTypes)) {
        const type = builtObjectType(api, object);
        if (type !== undefined) objects.add(type);
      }
      // The locations checked one by one (emit/operations/parameter-checks.ts): each parameter by a validateX of its own.
      const alone = new Set(PARAMETER_LOCATIONS.filter((location) => checkedObject(api, operation, location) === undefined));
      for (const parameter of operation.parameters) {
        if (parameter.schemaPointer === undefined) continue;
        sites.add(parameter.schemaPointer);
        if (alone.has(parameter.in)) checkedAlone.add(parameter.schemaPointer);
      }
      // A response's headers are read and checked by its operation alone: the object and each header's schema get validateX only.
      for (const response of operation.responses) {
        for (const header of response.headers) if (header.schemaPointer !== undefined) headerSites.add(header.schemaPointer);
        const object = builtObjectType(api, response.headersType);
        if (object !== undefined) headerObjects.add(object);
      }
    }
    // The type each site became, when its schema is the site's own (siteOwnType), not the type a
    // parameter is checked with: a parameter whose schema is a bare `$ref` to a component is checked
    // with the component's guard, and the component keeps every wrapper.
    const byName = new Map(model.types.map((t) => [t.name, t]));
    const ownTypes = (pointers: ReadonlySet<string>): Set<string> => {
      const names = new Set<string>();
      for (const pointer of pointers) {
        const name = siteOwnType(api, byName, pointer);
        if (name !== undefined) names.add(name);
      }
      return names;
    };
    const headerTypes = ownTypes(headerSites);
    for (const name of [...ownTypes(sites), ...headerTypes]) parameters.add(name);
    for (const object of objects) parameters.delete(object);
    for (const object of headerObjects) parameters.add(object);
    // What the other types refer to (parameter objects aside: they refer to every parameter), transitively.
    const reached = typesReachedFrom(byName, model.types.map((t) => t.name).filter((name) => !parameters.has(name) && !objects.has(name)));
    for (const name of parameters) if (!reached.has(name)) found.add(name);
    const validated = new Set([...headerTypes, ...headerObjects, ...ownTypes(checkedAlone)]);
    requestParameterOnly.set(model, new Set([...found].filter((name) => !validated.has(name))));
  }
  parameterOnly.set(model, found);
  return found;
}

/**
 * The type a schema site of the operation model became (IrParameter.schemaPointer, a media type's
 * or a header's), when that schema is the site's own: its origin ends with the site's pointer (not
 * a `$ref` to a component, which is the component's type). Looked up by site key, as the client
 * does (emit/operations/plan.ts): a site in another file is "<uri>#/..." there and its type's
 * origin "paths/pets.yaml#/...".
 */
export function siteOwnType(api: IrApi, types: ReadonlyMap<string, IrNamedType>, pointer: string): string | undefined {
  const name = siteTypeAt(api, pointer);
  return name !== undefined && types.get(name)?.origin.endsWith(`#${placeOfPointer(pointer).pointer}`) ? name : undefined;
}

/**
 * The types of an OpenAPI model that are the inline schema of an operation's response body and that
 * no other type refers to: `validateX` alone, and no builder (a builder makes a payload the caller
 * sends; a response is read). Kept out: a component used as a response (named types, guards and
 * builders exactly as `$defs`), a response's view of one (`PetResponse`), the types inside a
 * response body, a response body another type refers to, and the responses of webhooks and
 * callbacks, which the user's receiver sends. Computed once per model.
 */
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
    // What the other types refer to, transitively: those keep every wrapper and their builders.
    for (const name of typesReachedFrom(byName, model.types.map((t) => t.name).filter((name) => !found.has(name)))) found.delete(name);
  }
  responseBodies.set(model, found);
  return found;
}
