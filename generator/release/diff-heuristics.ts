/**
 * `diff` on what the builders and client take from property names (emit/heuristics.ts): a schema
 * change that moves a stamp, the client's idempotency key or a short builder changes the generated
 * API even when no type changes. Losing or changing one breaks callers (an option that no longer
 * fills anything, a client that no longer deduplicates retries, a function gone); gaining one adds.
 */
import type { Heuristic } from "../emit/heuristics";
import type { ApiChange } from "./diff-models";

/** The changes from the heuristics `before` to those `after`. */
export function diffHeuristics(before: readonly Heuristic[], after: readonly Heuristic[]): ApiChange[] {
  const key = (h: Heuristic): string => `${h.setting} ${h.type}`;
  const next = new Map(after.map((h) => [key(h), h]));
  const previous = new Map(before.map((h) => [key(h), h]));
  const changes: ApiChange[] = [];
  for (const old of before) {
    const now = next.get(key(old));
    if (!now) changes.push({ level: "breaking", at: old.type, message: `${old.setting} ${show(old)} is gone: ${GONE[old.setting]}` });
    else if (value(old) !== value(now)) changes.push({ level: "breaking", at: old.type, message: `${old.setting} changed from ${show(old)} to ${show(now)}${CHANGED[old.setting]}` });
    else if (old.setting === "idempotencyKey" && old.arrays?.join() !== now.arrays?.join()) {
      const lost = (old.arrays ?? []).filter((a) => !now.arrays?.includes(a));
      changes.push({ level: lost.length > 0 ? "breaking" : "additive", at: old.type, message: `${old.setting} ${show(old)}: ${old.detail} became ${now.detail}` });
    }
  }
  for (const added of after) {
    if (!previous.has(key(added))) changes.push({ level: "additive", at: added.type, message: `${added.setting} ${show(added)} added` });
  }
  return changes;
}

const GONE: Record<Heuristic["setting"], string> = {
  "stamps.idempotencyKey": "the builder's idempotencyKey option no longer fills a property",
  "stamps.timestamp": "the builder's timestamp option no longer fills a property",
  idempotencyKey: "the client no longer fills an idempotency key: a retried request may be counted twice",
  shortBuilders: "the short builder is no longer generated",
};

const CHANGED: Record<Heuristic["setting"], string> = {
  "stamps.idempotencyKey": "",
  "stamps.timestamp": "",
  idempotencyKey: ": the client fills another property, so the service no longer deduplicates as before",
  shortBuilders: "",
};

/** What identifies the heuristic's effect: the property stamped or used as the key, or the short builder's name. */
function value(h: Heuristic): string {
  return h.setting === "shortBuilders" ? (h.name ?? "") : (h.property ?? "");
}

/** `message_id`, or `track()`. */
function show(h: Heuristic): string {
  return h.setting === "shortBuilders" ? `${h.name ?? ""}()` : (h.property ?? "");
}
