/**
 * `readOnly`/`writeOnly` in requests and responses: a request body leaves out read-only properties
 * and a response body write-only ones (and neither is then `required` there, as OpenAPI says).
 * A component schema needs a request (or response) view when it has such a property, directly or
 * through a component it references; `view` builds the view of any schema (a component's, or an
 * operation's inline one), its references to affected components pointed at their views, named by
 * the caller. Pure and iterative.
 */
import { forEachSubschema, isJsonObject, type JsonObject } from "../keywords";
import { mapSchemaGraph } from "./map-schema-graph";
import { readDiscriminator } from "./discriminator";
import { componentSchemaName } from "./names";

export type AccessFlag = "readOnly" | "writeOnly";

export interface ReadWriteViews {
  /** The properties this view leaves out. */
  flag: AccessFlag;
  /** The component schemas whose view differs from the schema: directly, or through a reference. */
  affected: ReadonlySet<string>;
  /**
   * The view of a schema: its `flag` properties left out (and out of `required`), each reference to
   * an affected component replaced by `viewRef(name)`, every other reference by `rebase(ref)` (the
   * view lives in another document; default: as written). The input is not touched.
   */
  view(schema: unknown, viewRef: (component: string) => string, rebase?: (ref: string) => string): unknown;
  /** Whether a schema's view differs from it: it has a `flag` property, or references an affected component. */
  differs(schema: unknown): boolean;
}

/** The type name of a component's view: PetRequest (no readOnly properties), PetResponse (no writeOnly ones). */
export function viewSchemaName(component: string, flag: AccessFlag): string {
  return `${component}${flag === "readOnly" ? "Request" : "Response"}`;
}

/** The `flag` views of a document's schemas: "readOnly" for requests, "writeOnly" for responses. */
export function readWriteViews(document: JsonObject, flag: AccessFlag): ReadWriteViews {
  const schemas = isJsonObject(document.components) && isJsonObject(document.components.schemas) ? document.components.schemas : {};
  const flaggedRoots = new Set(Object.keys(schemas).filter((name) => isJsonObject(schemas[name]) && (schemas[name] as JsonObject)[flag] === true));
  const affected = new Set<string>();
  const references = new Map<string, Set<string>>();
  for (const [name, schema] of Object.entries(schemas)) {
    const found = scan(schema, flag, flaggedRoots);
    if (found.flagged) affected.add(name);
    references.set(name, found.references);
  }
  // Whoever references an affected component is affected: to a fixpoint.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, refs] of references) {
      if (!affected.has(name) && [...refs].some((ref) => affected.has(ref))) {
        affected.add(name);
        changed = true;
      }
    }
  }
  return {
    flag,
    affected,
    view: (schema, viewRef, rebase = (ref) => ref) => viewOf(document, schema, flag, flaggedRoots, affected, viewRef, rebase),
    differs: (schema) => {
      const found = scan(schema, flag, flaggedRoots);
      return found.flagged || [...found.references].some((ref) => affected.has(ref));
    },
  };
}

/** Whether a schema has a `flag` property (not through references), and the components it references. */
function scan(schema: unknown, flag: AccessFlag, flaggedRoots: Set<string>): { flagged: boolean; references: Set<string> } {
  const references = new Set<string>();
  let flagged = false;
  const stack = [schema];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (!isJsonObject(next)) continue;
    const ref = typeof next.$ref === "string" ? componentSchemaName(next.$ref) : undefined;
    if (ref !== undefined) references.add(ref);
    if (isJsonObject(next.properties) && Object.values(next.properties).some((p) => isFlagged(p, flag, flaggedRoots))) flagged = true;
    forEachSubschema(next, (child) => stack.push(child));
  }
  return { flagged, references };
}

/** A property schema marked `flag`, itself or by being a reference to a component marked so at its root. */
function isFlagged(property: unknown, flag: AccessFlag, flaggedRoots: Set<string>): boolean {
  if (!isJsonObject(property)) return false;
  if (property[flag] === true) return true;
  const ref = typeof property.$ref === "string" ? componentSchemaName(property.$ref) : undefined;
  return ref !== undefined && flaggedRoots.has(ref);
}

function viewOf(
  document: JsonObject,
  schema: unknown,
  flag: AccessFlag,
  flaggedRoots: Set<string>,
  affected: ReadonlySet<string>,
  viewRef: (component: string) => string,
  rebase: (ref: string) => string,
): unknown {
  return mapSchemaGraph(schema, (source) => ({ ...source }), (source, copy, viewOfChild) => {
    const target = (reference: string): string => {
      const component = componentSchemaName(reference);
      return component !== undefined && affected.has(component) ? viewRef(component) : rebase(reference);
    };
    if (typeof source.$ref === "string") copy.$ref = target(source.$ref);
    // A discriminator's tags, written out as a mapping to the branches as the view references them:
    // an implicit tag (a branch's component name) would be lost with a view's name, and a mapping's
    // target is a reference like any other (rebased, or the branch's view).
    const table = isJsonObject(source.discriminator) ? readDiscriminator(source, "", document) : undefined;
    if (table && table.branches.length > 0) {
      copy.discriminator = { ...(source.discriminator as JsonObject), mapping: Object.fromEntries(table.branches.map((b) => [b.tag, target(b.ref)])) };
    }
    if (isJsonObject(source.properties)) {
      const removed = Object.keys(source.properties).filter((name) => isFlagged((source.properties as JsonObject)[name], flag, flaggedRoots));
      if (removed.length > 0 && Array.isArray(source.required)) copy.required = source.required.filter((name) => !removed.includes(name as string));
      copy.properties = Object.fromEntries(Object.entries(source.properties).filter(([name]) => !removed.includes(name)));
    }
    // Each container of subschemas copied once, then its subschemas replaced by their views.
    forEachSubschema(copy, (_child, tokens) => {
      if (tokens.length === 2 && copy[tokens[0]!] === source[tokens[0]!]) {
        const container = copy[tokens[0]!];
        copy[tokens[0]!] = Array.isArray(container) ? [...container] : { ...(container as JsonObject) };
      }
    });
    forEachSubschema(copy, (child, tokens) => {
      if (tokens.length === 1) copy[tokens[0]!] = viewOfChild(child);
      else (copy[tokens[0]!] as Record<string, unknown>)[tokens[1]!] = viewOfChild(child);
    });
  });
}
