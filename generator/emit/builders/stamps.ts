/**
 * Which property a builder may stamp with an idempotency key or a timestamp, found from the schema
 * alone: a string property named like one (`message_id`, `idempotency_key`, `insert_id`, ...) or
 * documented as "idempotency key"; a `format: date-time` property named like a send/event time
 * (`sent_at`, `timestamp`, ...). Nothing is stamped unless a caller asks (`StampOptions`).
 * The config's `stamps` names them instead (or `false`: none), so that renaming a property does
 * not silently change the generated API; `generate --verbose` shows which were found.
 */
import { isNode, type IrSchema } from "../../ir/model";
import type { StampSettings } from "../emitter";

export interface StampKeys {
  idempotencyKey?: string;
  timestamp?: string;
}


const IDEMPOTENCY_NAME = /^(message|idempotency|insert|dedup(e|lication)?|event)[-_]?(id|key)$/i;
const IDEMPOTENCY_DOC = /idempoten|dedupl?icat/i;
const TIMESTAMP_NAME = /^(sent|occurred|event|created|received)?[-_]?(at|time|timestamp)$|^timestamp$/i;

interface Candidate {
  name: string;
  schema: IrSchema;
  constant?: unknown;
}

/** The properties of one object type that `StampOptions` fill, if any. */
export function findStampKeys(properties: readonly Candidate[], settings?: StampSettings): StampKeys {
  const keys: StampKeys = {};
  if (settings === false) return keys;
  // A property the config names is stamped in every type that has it, as a string a UUID (or a date) can fill.
  const named = (name: string | false, format: "uuid" | "date-time"): Candidate[] => (name === false ? [] : properties.filter((p) => p.name === name && isFreeString(p, format)));
  const idempotency =
    settings?.idempotencyKey !== undefined ? named(settings.idempotencyKey, "uuid") : properties.filter((p) => isFreeString(p, "uuid") && isIdempotencyCandidate(p.name, p.schema));
  // Two candidates would make the option ambiguous: then the schema has to be explicit, and we stamp none.
  if (idempotency.length === 1) keys.idempotencyKey = idempotency[0]!.name;
  const timestamp =
    settings?.timestamp !== undefined
      ? named(settings.timestamp, "date-time")
      : properties.filter((p) => isFreeString(p, "date-time") && isNode(p.schema) && p.schema.format === "date-time" && TIMESTAMP_NAME.test(p.name));
  if (timestamp.length === 1) keys.timestamp = timestamp[0]!.name;
  return keys;
}

/** Whether a property is named like an idempotency key or documented as one (title or description); shared with the client's endpoints. */
export function isIdempotencyCandidate(name: string, schema: IrSchema): boolean {
  return IDEMPOTENCY_NAME.test(name) || IDEMPOTENCY_DOC.test(description(schema));
}

/** A string property that any UUID (or ISO-8601 string) could fill: no const, enum, pattern or length bound, no other format. */
function isFreeString(p: Candidate, format: "uuid" | "date-time"): boolean {
  const s = p.schema;
  if (!isNode(s) || p.constant !== undefined) return false;
  if (!(s.type?.length === 1 && s.type[0] === "string")) return false;
  if (s.const || s.enum || s.pattern !== undefined || s.ref || s.maxLength !== undefined) return false;
  return s.format === undefined || s.format === format;
}

function description(schema: IrSchema): string {
  return isNode(schema) ? `${schema.annotations.title ?? ""} ${schema.annotations.description ?? ""}` : "";
}
