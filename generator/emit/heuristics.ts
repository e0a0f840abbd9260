/**
 * What the builders and the client guess from property names, as one list: the stamps each object
 * type's `StampOptions` fill, the client's idempotency key, and the short builders with the
 * discriminator they are named after. Found by the same plans the emitters use (planBuilders,
 * idempotencyFor), so the list is what the generated code does. `generate --verbose` prints it,
 * `diff` compares it; the config sets or turns off each (HeuristicSettings).
 */
import { showPlace } from "../errors";
import { isNode, onlyRef, rootTypes, type IrModel } from "../ir/model";
import { planBuilders } from "./builders/index";
import { idempotencyFor } from "./client/endpoints";
import type { EmitContext } from "./emitter";

export interface Heuristic {
  /** The config key that sets it. */
  setting: "stamps.idempotencyKey" | "stamps.timestamp" | "idempotencyKey" | "shortBuilders";
  /** The type it belongs to (for the idempotency key: the root type a client method posts). */
  type: string;
  /** The property stamped, used as the key, or discriminating (none for a short builder named by the config on a type without one). */
  property?: string;
  /** What the generated code makes of it, for people: "track() for type: \"track\"". */
  detail: string;
  /** A short builder's name. */
  name?: string;
  /** The arrays whose items the client gives the idempotency key. */
  arrays?: string[];
  /** Where the property is: its type's origin ("#/$defs/TrackEvent", "other.json#/...") and the pointer below it. */
  origin: string;
  /** Set by the config, or found in the schema. */
  by: "config" | "schema";
}

/** The heuristics of a model as the emitters would apply them, for the artifacts in `options.artifacts`. */
export function findHeuristics(context: EmitContext): Heuristic[] {
  const { model, options } = context;
  const found: Heuristic[] = [];
  const settings = options.heuristics ?? {};
  if (options.artifacts.includes("builders")) {
    const plan = planBuilders(context);
    for (const builder of plan.builders.values()) {
      for (const key of ["idempotencyKey", "timestamp"] as const) {
        const property = builder.info.stamps[key];
        if (property === undefined) continue;
        const by = settings.stamps !== undefined && settings.stamps !== false && settings.stamps[key] !== undefined ? "config" : "schema";
        found.push({ setting: `stamps.${key}`, type: builder.info.name, property, detail: `options.${key} of ${builder.create}()`, origin: propertyOrigin(model, builder.info.name, property), by });
      }
    }
    for (const short of plan.shorts.builders) {
      const property = short.discriminator?.property;
      const detail = `${short.name}()${short.discriminator ? ` for ${property}: ${JSON.stringify(short.discriminator.value)}` : ""}`;
      const origin = property === undefined ? originOf(model, short.builder.info.name) : propertyOrigin(model, short.builder.info.name, property);
      found.push({ setting: "shortBuilders", type: short.builder.info.name, property, detail, name: short.name, origin, by: settings.shortBuilders !== undefined ? "config" : "schema" });
    }
  }
  if (options.artifacts.includes("client")) {
    const key = options.client?.idempotencyKey;
    // The roots a client method posts (every root when no endpoint is given: `diff` compares them all).
    const roots = rootTypes(model).filter((name) => options.endpoints === undefined || Object.prototype.hasOwnProperty.call(options.endpoints, name));
    for (const root of roots) {
      const idempotency = idempotencyFor(model, root, key);
      if (!idempotency) continue;
      // A key of the body itself (root) has its origin there; else in the first array's items.
      const first = idempotency.arrays[0];
      const origin = first === undefined ? propertyOrigin(model, root, idempotency.key) : itemPropertyOrigin(model, root, first, idempotency.key);
      const where = [...(idempotency.root ? ["the body"] : []), ...idempotency.arrays];
      const detail = `filled in ${where.join(", ")} by the client`;
      found.push({ setting: "idempotencyKey", type: root, property: idempotency.key, detail, arrays: idempotency.arrays, origin, by: key !== undefined ? "config" : "schema" });
    }
  }
  return found;
}

/** One line: `stamps.idempotencyKey: TrackEvent.message_id (options.idempotencyKey of createTrackEvent()), found in the schema at <where>`. */
export function heuristicLine(h: Heuristic, where: string): string {
  const subject = h.property === undefined ? h.type : `${h.type}.${h.property}`;
  return `${h.setting}: ${subject} (${h.detail}), ${h.by === "config" ? "set by the config" : "found in the schema"} at ${showPlace(where)}`;
}

function originOf(model: IrModel, type: string): string {
  return model.types.find((t) => t.name === type)?.origin ?? "#";
}

function propertyOrigin(model: IrModel, type: string, property: string): string {
  return `${originOf(model, type)}/properties/${escapePointer(property)}`;
}

/** The key's place in the array's item type (a `$ref`), else below the array itself. */
function itemPropertyOrigin(model: IrModel, root: string, array: string, key: string): string {
  const schema = model.types.find((t) => t.name === root)?.schema;
  const items = schema && isNode(schema) ? schema.properties?.find((p) => p.name === array)?.schema : undefined;
  const itemType = items && isNode(items) && items.items !== undefined ? onlyRef(items.items) : undefined;
  return itemType !== undefined ? propertyOrigin(model, itemType, key) : `${propertyOrigin(model, root, array)}/items/properties/${escapePointer(key)}`;
}

function escapePointer(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
