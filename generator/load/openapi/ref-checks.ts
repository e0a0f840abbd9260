/**
 * Every `$ref` of an OpenAPI document that points inside it ("#/...") must resolve there. References
 * to other files are the loader's to read; `#anchor` references are the JSON Schema loader's. Data
 * (`example`, `examples` arrays, an Example's `value`, `default`, `enum`, `const`) is not searched:
 * a "$ref" key there is a value, not a reference. Iterative: documents may nest schemas deeply.
 */
import { escapePointerToken, isJsonObject } from "../keywords";
import { localRefResolver, pointerTokens, type Located } from "./document-refs";
import type { Finding } from "./semantic-checks";

/** Objects whose keys are names chosen by the author (a property called "default" is a property). */
const NAME_MAPS = new Set([
  "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "paths", "webhooks", "schemas", "responses",
  "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems", "content", "encoding", "variables",
]);
const DATA_KEYWORDS = new Set(["example", "default", "enum", "const"]);

interface Visit {
  value: unknown;
  /** The enclosing visit and the (unescaped) key or index of `value` in it: the JSON pointer, spelled only for a `$ref` (pointerOf). */
  parent: Visit | undefined;
  token: string;
  /** The keys of `value` are names (see NAME_MAPS). */
  names: boolean;
  /** Its keys are an Example Object's: `value` is data. */
  example: boolean;
  /** Where "#/..." resolves: the document, or the nearest enclosing schema with an `$id` (localRefResolver's, which needs no `from`). */
  resolve: LocalRefResolver;
}

export function checkLocalRefs(document: unknown): Finding[] {
  const findings: Finding[] = [];
  const whole = localRefResolver(document);
  const stack: Visit[] = [{ value: document, parent: undefined, token: "", names: false, example: false, resolve: whole }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value, names } = visit;
    if (Array.isArray(value)) {
      // Visits of one shape (no spread of the parent's), and none for a string, number or boolean,
      // which holds no reference: this walk goes over every value of the document.
      // Pushed first to last, as before (the last item is visited first): findings keep their order.
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        if (typeof item === "object" && item !== null) stack.push({ value: item, parent: visit, token: String(index), names: false, example: false, resolve: visit.resolve });
      }
      continue;
    }
    if (!isJsonObject(value)) continue;
    // A schema with its own `$id` is a resource of its own: "#/..." inside it is relative to it.
    const resolve = !names && typeof value.$id === "string" ? localRefResolver(value) : visit.resolve;
    if (!names && typeof value.$ref === "string") checkRef(value.$ref, visit, resolve, findings, resolve === whole ? undefined : whole);
    // The values of a map of Example Objects are Example Objects.
    const examples = names && visit.parent !== undefined && visit.token === "examples";
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = value[key];
      if (typeof child !== "object" || child === null) continue;
      if (!names && (DATA_KEYWORDS.has(key) || (key === "examples" && Array.isArray(child)) || (visit.example && key === "value"))) continue;
      stack.push({ value: child, parent: visit, token: key, names: !names && NAME_MAPS.has(key), example: examples, resolve });
    }
  }
  return findings;
}

/** "#/paths/~1users/get": the JSON pointer of a visit. */
function pointerOf(visit: Visit): string {
  const tokens: string[] = [];
  for (let v: Visit | undefined = visit; v?.parent !== undefined; v = v.parent) tokens.push(escapePointerToken(v.token));
  return `#${tokens.reverse().map((t) => `/${t}`).join("")}`;
}

type LocalRefResolver = (ref: string) => Located | undefined;

/** `document`: the whole document's resolver, when `resolve` is an enclosing `$id`'s (the one "#/..." is read against). */
function checkRef(ref: string, visit: Visit, resolve: LocalRefResolver, findings: Finding[], document?: LocalRefResolver): void {
  if (!ref.startsWith("#") || pointerTokens(ref) === undefined) return;
  // The reference's own pointer is spelled only for a finding: thousands of references resolve.
  if (resolve(ref) !== undefined) return;
  // Scalar Galaxy (@scalar/galaxy 0.6) writes "#/components/schemas/Planet" inside a schema with an
  // `$id`: JSON Schema reads it in that `$id`'s resource, where it is not. Say so, since the pointer is in the document.
  const why = document?.(ref) !== undefined ? `: inside a schema with an "$id", "#/..." is read in that schema (JSON Schema 2020-12), which has no ${ref.slice(1)}; reference the target by an "$id" of its own, or leave out this one` : "";
  findings.push({ pointer: `${pointerOf(visit)}/$ref`, message: `$ref "${ref}" does not resolve inside the document${why}` });
}
