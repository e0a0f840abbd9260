/**
 * What an OpenAPI change does to the operations, beside what it does to the types (diff-models.ts).
 * Operations are compared by method + path (an `operationId` rename is a renamed client method, not
 * a new operation). From the point of view of code that calls the API:
 *
 * - **breaking**: an operation removed; a parameter removed, added as required, or made required;
 *   a request body made required, or one of its media types removed; a response status or a media
 *   type of a response removed; a body or response typed by another type than before;
 * - **additive**: the reverse (an operation, an optional parameter, a status or a media type added,
 *   a parameter or body made optional).
 *
 * A type that only responses use is read, never built: a property added to it (even a required
 * one), or made required, is additive there, not breaking as it is for a payload the caller sends
 * ({@link forReadOnly}).
 * Whether a request schema narrowed, or a response lost a property, is the types' diff.
 *
 * Webhooks and callbacks (the requests the API sends, which the user's server receives) are compared
 * the same way from the receiver's side ({@link webhookRecords}, by name: no client method is named
 * after them, their name is where they are): what the API sends is read, so a parameter or body made
 * required, or added as required, is additive there, and made optional is breaking; what is
 * removed (a webhook, a parameter, a body, a status, a media type) is breaking either way, as the
 * package's types for it go.
 */
import type { IrModel } from "../ir/model";
import { refsOf } from "../ir/merge-models";
import { toTypeName } from "../ir/naming";
import type { IrMediaContent, IrOperation } from "../load/openapi/operation-model";
import { diffModels, sortChanges, type ApiChange } from "./diff-models";

/** One operation as the diff and the release snapshot keep it. */
export interface OperationRecord {
  /** "POST /pets": what identifies it. */
  operation: string;
  /** The client method's name. */
  name: string;
  parameters: { in: string; name: string; required: boolean }[];
  requestBody?: { required: boolean; media: MediaRecord[] };
  responses: { status: string; media: MediaRecord[] }[];
}

interface MediaRecord {
  type: string;
  /** The named type of its schema (absent: no schema, or one the model has no type of its own for). */
  schema?: string;
}

/** The operations of an OpenAPI input, their bodies named by the model's types. */
export function operationRecords(operations: readonly IrOperation[], model: Pick<IrModel, "types">): OperationRecord[] {
  const names = new Set(model.types.map((t) => t.name));
  const media = (contents: readonly IrMediaContent[]): MediaRecord[] =>
    contents.map((c) => {
      const name = c.schema && toTypeName(c.schema.name);
      return { type: c.mediaType, ...(name !== undefined && names.has(name) && { schema: name }) };
    });
  return operations.map((o) => ({
    operation: `${o.method.toUpperCase()} ${o.path}`,
    name: o.name,
    parameters: o.parameters.map((p) => ({ in: p.in, name: p.name, required: p.required })),
    ...(o.requestBody && { requestBody: { required: o.requestBody.required, media: media(o.requestBody.contents) } }),
    responses: o.responses.map((r) => ({ status: r.status, media: media(r.contents) })),
  }));
}

/**
 * The webhooks and callbacks of an OpenAPI input as records, each known by its method, its key (a
 * callback's: its runtime expression) and its name (newPetWebhook, createSubscriptionCallbackEvent):
 * two callbacks may share an expression, never a name.
 */
export function webhookRecords(webhooks: readonly IrOperation[], model: Pick<IrModel, "types">): OperationRecord[] {
  return operationRecords(webhooks, model).map((r) => ({ ...r, operation: `${r.operation} (${r.name})` }));
}

/**
 * Every operation-level change from `before` to `after`; `receiver`: the records are webhooks and
 * callbacks, compared from the side of the server that receives them (see the file comment).
 */
export function diffOperations(before: readonly OperationRecord[], after: readonly OperationRecord[], receiver = false): ApiChange[] {
  const out: ApiChange[] = [];
  const what = receiver ? "webhook" : "operation";
  const next = new Map(after.map((o) => [o.operation, o]));
  for (const old of before) {
    const now = next.get(old.operation);
    if (!now) out.push({ level: "breaking", at: old.operation, message: `${what} removed` });
    else compareOperation(old, now, out, receiver);
  }
  const known = new Set(before.map((o) => o.operation));
  for (const now of after) if (!known.has(now.operation)) out.push({ level: "additive", at: now.operation, message: `${what} added` });
  return out;
}

function compareOperation(a: OperationRecord, b: OperationRecord, out: ApiChange[], receiver: boolean): void {
  const at = a.operation;
  // What the request must hold: more is breaking for a caller, who must send it, and additive for a
  // receiver, who gets it; less the reverse.
  const required = (level: "breaking" | "additive"): "breaking" | "additive" => (!receiver ? level : level === "breaking" ? "additive" : "breaking");
  if (a.name !== b.name) out.push({ level: "breaking", at, message: `client method renamed from ${a.name} to ${b.name}` });
  const key = (p: { in: string; name: string }): string => `${p.in} parameter ${p.in === "header" ? p.name.toLowerCase() : p.name}`;
  const params = new Map(b.parameters.map((p) => [key(p), p]));
  for (const p of a.parameters) {
    const now = params.get(key(p));
    if (!now) out.push({ level: "breaking", at, message: `${p.in} parameter ${p.name} removed` });
    else if (!p.required && now.required) out.push({ level: required("breaking"), at, message: `${p.in} parameter ${p.name} now required` });
    else if (p.required && !now.required) out.push({ level: required("additive"), at, message: `${p.in} parameter ${p.name} now optional` });
  }
  const old = new Set(a.parameters.map(key));
  for (const p of b.parameters) {
    if (!old.has(key(p))) out.push({ level: p.required ? required("breaking") : "additive", at, message: `${p.required ? "required" : "optional"} ${p.in} parameter ${p.name} added` });
  }
  // The request: what the caller sends (what the receiver reads).
  if (a.requestBody && !b.requestBody) out.push({ level: "breaking", at, message: "request body removed" });
  else if (!a.requestBody && b.requestBody) out.push({ level: b.requestBody.required ? required("breaking") : "additive", at, message: `${b.requestBody.required ? "required" : "optional"} request body added` });
  else if (a.requestBody && b.requestBody) {
    if (!a.requestBody.required && b.requestBody.required) out.push({ level: required("breaking"), at, message: "request body now required" });
    if (a.requestBody.required && !b.requestBody.required) out.push({ level: required("additive"), at, message: "request body now optional" });
    compareMedia(a.requestBody.media, b.requestBody.media, `${at} request`, out);
  }
  // The responses: what the caller reads.
  const statuses = new Map(b.responses.map((r) => [r.status, r]));
  for (const r of a.responses) {
    const now = statuses.get(r.status);
    if (!now) out.push({ level: "breaking", at, message: `response ${r.status} removed` });
    else compareMedia(r.media, now.media, `${at} response ${r.status}`, out);
  }
  const had = new Set(a.responses.map((r) => r.status));
  for (const r of b.responses) if (!had.has(r.status)) out.push({ level: "additive", at, message: `response ${r.status} added` });
}

function compareMedia(a: readonly MediaRecord[], b: readonly MediaRecord[], at: string, out: ApiChange[]): void {
  const now = new Map(b.map((m) => [m.type, m]));
  for (const m of a) {
    const next = now.get(m.type);
    if (!next) out.push({ level: "breaking", at, message: `media type ${m.type} removed` });
    else if (m.schema !== next.schema) out.push({ level: "breaking", at, message: `${m.type} typed ${next.schema ?? "without a schema"} (was ${m.schema ?? "without a schema"})` });
  }
  const had = new Set(a.map((m) => m.type));
  for (const m of b) if (!had.has(m.type)) out.push({ level: "additive", at, message: `media type ${m.type} added` });
}

/**
 * The types the package's user only ever reads: those that responses (and what webhooks and
 * callbacks send: their parameters and bodies) use, and that nothing the user sends reaches (a
 * request's body or parameters, a webhook's or callback's response).
 */
export function readOnlyTypes(operations: readonly OperationRecord[], webhooks: readonly OperationRecord[], model: Pick<IrModel, "types">): Set<string> {
  const reach = (roots: readonly string[]): Set<string> => {
    const found = new Set<string>();
    const byName = new Map(model.types.map((t) => [t.name, t]));
    for (const stack = [...roots]; stack.length > 0; ) {
      const name = stack.pop()!;
      if (found.has(name) || !byName.has(name)) continue;
      found.add(name);
      stack.push(...refsOf(byName.get(name)!.schema));
    }
    return found;
  };
  const schemas = (media: readonly MediaRecord[]): string[] => media.flatMap((m) => (m.schema ? [m.schema] : []));
  // The parameter objects are request types too: <Stem>Params<Location>, named like the model names them.
  const requestParts = (o: OperationRecord): string[] => [...schemas(o.requestBody?.media ?? []), ...model.types.filter((t) => t.name.startsWith(`${toTypeName(o.name)}Params`)).map((t) => t.name)];
  const responseParts = (o: OperationRecord): string[] => o.responses.flatMap((r) => schemas(r.media));
  const sent = reach([...operations.flatMap(requestParts), ...webhooks.flatMap(responseParts)]);
  const read = reach([...operations.flatMap(responseParts), ...webhooks.flatMap(requestParts)]);
  return new Set([...read].filter((name) => !sent.has(name)));
}

/**
 * The types' changes seen from the operations: a property added as required to a type the user
 * only reads, or made required there, is additive (what is read holds more), not breaking as it is
 * for a payload the user builds; made optional there, it is breaking (code that read it as always
 * there no longer compiles), not additive.
 */
export function forReadOnly(changes: readonly ApiChange[], readOnly: ReadonlySet<string>): ApiChange[] {
  return changes.map((c) => {
    const type = /^[^.[]*/.exec(c.at)![0];
    if (!readOnly.has(type)) return c;
    const level = READ_ONLY_LEVELS.get(c.message);
    return level === undefined ? c : { ...c, level, message: `${c.message} (read, never sent)` };
  });
}

/** The types' changes whose level is the other way round in a type the user only reads (forReadOnly). */
const READ_ONLY_LEVELS = new Map<string, ApiChange["level"]>([
  ["required property added", "additive"],
  ["now required", "additive"],
  ["now optional", "breaking"],
]);

/** An API: its named types and, for an OpenAPI input, its operations, webhooks and callbacks. */
export interface ApiShape {
  types: IrModel["types"];
  operations?: readonly OperationRecord[];
  /** webhookRecords(); absent from a snapshot written before they were recorded, which then compares none. */
  webhooks?: readonly OperationRecord[];
}

/**
 * Every change from `before` to `after`: the types' (diff-models.ts), seen from the operations when
 * both have them, and the operations' and webhooks' own; sorted as diffModels sorts.
 */
export function diffApi(before: ApiShape, after: ApiShape): ApiChange[] {
  const types = diffModels(before, after);
  if (!before.operations || !after.operations) return types;
  const readOnly = readOnlyTypes(after.operations, after.webhooks ?? [], after);
  const webhooks = before.webhooks && after.webhooks ? diffOperations(before.webhooks, after.webhooks, true) : [];
  return sortChanges([...forReadOnly(types, readOnly), ...diffOperations(before.operations, after.operations), ...webhooks]);
}
