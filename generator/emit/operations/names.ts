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

/** Deterministic: the same document and package types give the same names. */
export function apiNames(root: string, operations: readonly IrOperation[], packageTypes: ReadonlySet<string>): ApiNames {
  // Values the package already exports (the types' guards and builders; the root's client names are this module's own).
  const values = new Set([...packageTypes].flatMap((t) => namesDerivedFrom(t, false)));
  const types = new Set(packageTypes);
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
    names.operations.set(operation, {
      fn: free(values, operation.name, "Operation", origin),
      request: free(types, `${operation.typeStem}Request`, "Operation", origin),
      result: free(types, `${operation.typeStem}Result`, "Operation", origin),
    });
  }
  return names;
}
