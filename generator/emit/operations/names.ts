/**
 * The names operations.ts exports for an OpenAPI document whose root type is `root`: the client's
 * factory, options and type (the root's reserved client names), the server URL function and its
 * variables, the map of every operation, and per operation its function (the IR's name), its
 * `<Stem>Request` and `<Stem>Result` types. The package exports everything from one index, so a
 * name some other export already has (an operation `createPets` beside the builder `createPets`
 * of a schema `Pets`) gets `Operation` appended, then a number, with a warning.
 */
import type { IrOperation } from "../../load/openapi/operation-model";
import { toValueName } from "../../ir/naming";
import { namesDerivedFrom } from "../index";
import { clientNames } from "../client/artifact";

export interface OperationNames {
  fn: string;
  request: string;
  result: string;
}

export interface ApiNames {
  factory: string;
  client: string;
  options: string;
  serverUrl: string;
  serverVariables: string;
  /** The `{ name: { method, path, call } }` map of every operation. */
  map: string;
  operations: Map<IrOperation, OperationNames>;
  /** One line per renamed export. */
  warnings: string[];
}

/** The names the operations modules of the package's earlier OpenAPI documents export (filled by apiNames). */
export interface EarlierNames {
  values: Set<string>;
  types: Set<string>;
}

/**
 * Deterministic: the same document and package types give the same names. `earlier`: the names of
 * the package's earlier documents' operations; an operation named as one of them takes the API's
 * name in front ("getItem" of the Catalog document beside the Shop document's → "catalogGetItem",
 * `CatalogGetItemRequest`), with a warning. This document's names are added to it.
 */
export function apiNames(root: string, operations: readonly IrOperation[], packageTypes: ReadonlySet<string>, earlier: EarlierNames = { values: new Set(), types: new Set() }): ApiNames {
  // Values the package already exports (the types' guards and builders; the root's client names are this module's own).
  const values = new Set(derivedValues(packageTypes));
  for (const name of earlier.values) values.add(name);
  const types = new Set([...packageTypes, ...earlier.types]);
  const warnings: string[] = [];
  const free = (taken: Set<string>, desired: string, suffix: string, origin?: string): string => {
    let name = desired;
    if (taken.has(name)) name = `${desired}${suffix}`;
    for (let n = 2; taken.has(name); n++) name = `${desired}${suffix}${n}`;
    if (name !== desired && origin !== undefined) warnings.push(`${origin}: "${desired}" is taken by another export of the package; using "${name}"`);
    taken.add(name);
    return name;
  };
  // "SwaggerPetstore" → "swaggerPetstore", "API" → "api", "APIClient" → "apiClient".
  const stemValue = toValueName(root.replace(/^[A-Z]+(?=[A-Z][a-z]|[^A-Za-z]|$)|^[A-Z]/, (head) => head.toLowerCase()));
  const names: ApiNames = {
    factory: free(values, clientNames.factory(root), "Api"),
    client: free(types, clientNames.client(root), "Api"),
    options: free(types, clientNames.options(root), "Api"),
    serverUrl: free(values, `${stemValue}ServerUrl`, "Api"),
    serverVariables: free(types, `${root}ServerVariables`, "Api"),
    map: free(values, `${stemValue}Operations`, "Api"),
    operations: new Map(),
    warnings,
  };
  for (const operation of operations) {
    const origin = `operation ${operation.method.toUpperCase()} ${operation.path}`;
    // Named as an operation of an earlier document (as it is, or with the suffix it took there): the API's name in front.
    const shared = earlier.values.has(operation.name) || earlier.values.has(`${operation.name}Operation`);
    if (shared) warnings.push(`${origin}: "${operation.name}" is an operation of another document of the package; using "${stemValue}${operation.typeStem}"`);
    const fn = shared ? `${stemValue}${operation.typeStem}` : operation.name;
    const stem = shared ? `${root}${operation.typeStem}` : operation.typeStem;
    names.operations.set(operation, {
      fn: free(values, fn, "Operation", origin),
      request: free(types, `${stem}Request`, "Operation", origin),
      result: free(types, `${stem}Result`, "Operation", origin),
    });
  }
  for (const name of [names.factory, names.serverUrl, names.map, ...[...names.operations.values()].map((o) => o.fn)]) earlier.values.add(name);
  for (const name of [names.client, names.options, names.serverVariables, ...[...names.operations.values()].flatMap((o) => [o.request, o.result])]) earlier.types.add(name);
  return names;
}

/**
 * Every value name the package's types give (their guards, builders...), once per set of types:
 * generate() settles the names when planning (for its warnings) and the emitter again, the same
 * set each time; thousands of types make ~20,000 names.
 */
const derived = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

function derivedValues(packageTypes: ReadonlySet<string>): ReadonlySet<string> {
  let names = derived.get(packageTypes);
  if (names === undefined) {
    const set = new Set<string>();
    for (const type of packageTypes) for (const name of namesDerivedFrom(type, false)) set.add(name);
    derived.set(packageTypes, (names = set));
  }
  return names;
}
