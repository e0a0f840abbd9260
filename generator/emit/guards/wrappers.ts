/**
 * Which of the exported wrappers (`isX`, `validateX`, `assertX`, `XSchema`) guards.ts has for each
 * named type. A JSON Schema package: all four for every type. An OpenAPI package: all four for the
 * data a user handles (component schemas, request bodies, responses, the parameter objects
 * `<Stem>Params<Location>` a request is made of, and every type these refer to); the schema of a
 * single parameter gets only `validateX`, the check its operations run on it before sending (so do a
 * response's headers object and each header's schema, checked by the client when it reads them). On a
 * large API those are a third of the types (1,152 of stripe's 3,018), and four exports each of them
 * would be noise in the package's API that nobody calls. Their names stay reserved either way
 * (guardsArtifact.namesForType), so no name moves when this rule does.
 */
import { apiSiteKey, builtObjectType, type IrModel } from "../../ir/model";
import { placeOfPointer } from "../../load/openapi/schema-sites";
import { refsOf } from "../../ir/merge-models";

export type GuardWrapper = "is" | "validate" | "assert" | "standardSchema";

const EVERY: readonly GuardWrapper[] = ["is", "validate", "assert", "standardSchema"];
const CHECK_ONLY: readonly GuardWrapper[] = ["validate"];

const parameterOnly = new WeakMap<IrModel, ReadonlySet<string>>();

/**
 * Tells parameterOnlyTypes what they are for `model`, a copy on another thread of a model whose API
 * (its operations) stayed behind: print/offload.ts, where the builders are emitted from such a copy.
 */
export function rememberParameterOnlyTypes(model: IrModel, names: readonly string[]): void {
  parameterOnly.set(model, new Set(names));
}

/** The wrappers guards.ts exports for the type `name` of `model`. */
export function guardWrappers(model: IrModel, name: string): readonly GuardWrapper[] {
  return parameterOnlyTypes(model).has(name) ? CHECK_ONLY : EVERY;
}

/**
 * The types of an OpenAPI model that are the schema of a single parameter and nothing else: not a
 * parameter object, and referred to by no type outside the parameters (a parameter whose schema is
 * a `$ref` to a component is typed by the component, which keeps its wrappers). Computed once per model.
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
    const headerObjects = new Set<string>();
    // A webhook's or callback's parts as an operation's: the receiver checks the parameter objects and bodies.
    for (const operation of [...api.operations, ...api.webhooks]) {
      // The parameter objects, looked up as the operations emitter does (emit/operations/plan.ts).
      for (const object of Object.values(operation.parameterTypes)) {
        const type = builtObjectType(api, object);
        if (type !== undefined) objects.add(type);
      }
      for (const parameter of operation.parameters) if (parameter.schemaPointer !== undefined) sites.add(parameter.schemaPointer);
      // A response's headers are read and checked by its operation alone: the object and each header's schema get validateX only.
      for (const response of operation.responses) {
        for (const header of response.headers) if (header.schemaPointer !== undefined) sites.add(header.schemaPointer);
        const object = builtObjectType(api, response.headersType);
        if (object !== undefined) headerObjects.add(object);
      }
    }
    // The type each site became, when its schema is the site's own (its origin ends with the site's
    // pointer), not the type a parameter is checked with: a parameter whose schema is a bare `$ref`
    // to a component is checked with the component's guard, and the component keeps every wrapper.
    // Looked up by site key, as the client does (emit/operations/plan.ts): a site in another file
    // is "<uri>#/..." there and its type's origin "paths/pets.yaml#/...".
    const byName = new Map(model.types.map((t) => [t.name, t]));
    for (const pointer of sites) {
      const at = placeOfPointer(pointer);
      const name = api.siteTypes[apiSiteKey(at.document ?? "", at.pointer)];
      if (name !== undefined && byName.get(name)?.origin.endsWith(`#${at.pointer}`)) parameters.add(name);
    }
    for (const object of objects) parameters.delete(object);
    for (const object of headerObjects) parameters.add(object);
    // What the other types refer to (parameter objects aside: they refer to every parameter), transitively.
    const pending = model.types.map((t) => t.name).filter((name) => !parameters.has(name) && !objects.has(name));
    const reached = new Set(pending);
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      const type = byName.get(name);
      if (!type) continue;
      for (const ref of refsOf(type.schema)) {
        if (!reached.has(ref)) {
          reached.add(ref);
          pending.push(ref);
        }
      }
    }
    for (const name of parameters) if (!reached.has(name)) found.add(name);
  }
  parameterOnly.set(model, found);
  return found;
}
