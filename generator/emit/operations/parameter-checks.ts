/**
 * How an operation checks its parameters before sending (emit/operations/plan.ts writes the checks,
 * emit/guards/wrappers.ts exports the guards they call): by location, the query's, headers' and
 * cookies' parameters at once by the guard of their object (`ListPetsParamsQuery`), which checks
 * every parameter by its own schema, a required one missing and, in a query, a key the operation
 * does not declare. One by one, by the guard of each parameter's own type:
 * - the path's: the template names every key and each is required, so its object's guard would
 *   check nothing more, for more code in each operation's bundle (one operation of a 300-operation
 *   API: +150 B min+gzip, over the 5 KB goal);
 * - the headers' when one is an idempotency key, which the client fills when the caller leaves it
 *   out: the headers sent are not the caller's object (a required key left out would be refused by
 *   its guard), and such an operation (a create) bundles a body guard already: its headers' object
 *   guard too was over the 5 KB goal (+60 B);
 * - and any location whose object was not built.
 */
import { builtObjectType, type IrApi } from "../../ir/model";
import type { IrOperation, IrParameter, ParameterLocation } from "../../load/openapi/operation-model";

/** A header parameter that carries an idempotency key: filled with a fresh key when the caller gives none. */
const IDEMPOTENCY_HEADER = /^(x-)?idempotency[-_]?key$/i;

/** Whether `parameter` is a header the client fills with a fresh idempotency key when the caller leaves it out. */
export function isIdempotencyKeyHeader(operation: IrOperation, parameter: IrParameter): boolean {
  return parameter.in === "header" && (IDEMPOTENCY_HEADER.test(parameter.name) || parameter.name.toLowerCase() === operation.idempotencyKey?.toLowerCase());
}

/** The guarded object of an operation's parameters in `location` (its type's name), or undefined when they are checked one by one. */
export function checkedObject(api: IrApi, operation: IrOperation, location: ParameterLocation): string | undefined {
  const object = location === "path" ? undefined : builtObjectType(api, operation.parameterTypes[location]);
  if (object === undefined) return undefined;
  const keyFilled = location === "header" && operation.parameters.some((p) => isIdempotencyKeyHeader(operation, p));
  return keyFilled ? undefined : object;
}
