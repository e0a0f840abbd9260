/**
 * Keywords that together let no value through: `minimum` above `maximum` (or equal, with an
 * exclusive bound), `minLength` above `maxLength`, `minItems` above `maxItems`, `minContains`
 * above `maxContains`, `minProperties` above `maxProperties`, `enum: []` (3.1 allows it; 3.0's
 * schema refuses it), an `enum` or `const` with no value of the schema's `type` (visualstudio.com's
 * `{ type: integer, enum: ["0 (StandardHDD)", ...] }`, zoom.us's, whatsapp.local's), and a
 * `required` name that `additionalProperties: false` refuses (neither among `properties` nor
 * matched by `patternProperties`: britbox.co.uk's EeValidatePinResponse requires a
 * `validationStatus` it never declares). Hand-written documents have them by mistake (min and max
 * swapped); the mock could then synthesize no request or answer ("no valid request synthesized", a
 * 500), with no word why. Checked as written, as JSON Schema says; generate says so once at the
 * lower bound (the place to look), and only where the schema's `type` lets the keyword apply.
 */
import { jsonTypeOf, type IrNode, type JsonType, type JsonValue } from "./model";
import { patternMatches } from "./regex-flags";
import type { NodeCheck } from "./walk-nodes";

export interface BoundsFinding {
  schemaPath: string;
  text: string;
}

/** The check, for runNodeChecks (walk-nodes.ts). */
export function contradictoryBounds(): NodeCheck<BoundsFinding> {
  // By place: a read-only or write-only view (PetRequest) repeats its component's nodes.
  const found = new Map<string, BoundsFinding>();
  const say = (node: IrNode, keyword: string, text: string): void => {
    const schemaPath = `${node.schemaPath}/${keyword}`;
    found.set(schemaPath, { schemaPath, text });
  };
  return {
    visit(node) {
      if (node.enum !== undefined && node.enum.length === 0) say(node, "enum", `"enum" is empty: no value passes here`);
      else if (node.enum !== undefined && node.type !== undefined && !node.enum.some((value) => ofTypes(node.type!, value))) say(node, "enum", `"enum" has no value of "type" ${node.type.join(" or ")}: no value passes here`);
      if (node.const !== undefined && node.type !== undefined && !ofTypes(node.type, node.const.value)) say(node, "const", `"const" is not of "type" ${node.type.join(" or ")}: no value passes here`);
      if (applies(node, "number", "integer")) numbers(node, say);
      if (applies(node, "object")) requiredRefused(node, say);
      for (const [low, high, kind] of PAIRS) {
        const a = node[low];
        const b = node[high];
        if (a !== undefined && b !== undefined && a > b && applies(node, kind)) say(node, low, `"${low}" ${a} is above "${high}" ${b}: no ${kind} passes here`);
      }
    },
    findings: () => [...found.values()],
  };
}

/** The pairs of counting keywords, with the type each applies to. */
const PAIRS = [
  ["minLength", "maxLength", "string"],
  ["minItems", "maxItems", "array"],
  ["minContains", "maxContains", "array"],
  ["minProperties", "maxProperties", "object"],
] as const;

/** Whether a value is of one of these types (an integer is also a number), as types.ts's ofTypes reads `enum` and `const` beside `type`. */
function ofTypes(types: readonly JsonType[], value: JsonValue): boolean {
  const kind = jsonTypeOf(value);
  return types.some((type) => type === kind || (type === "number" && kind === "integer"));
}

/** Whether the node's `type` lets a keyword of these types apply (no `type`: every type). */
function applies(node: IrNode, ...kinds: JsonType[]): boolean {
  return node.type === undefined || node.type.some((t) => kinds.includes(t));
}

function numbers(node: IrNode, say: (node: IrNode, keyword: string, text: string) => void): void {
  // The tightest bound each side, and whether it is exclusive (3.0's boolean forms are numbers in the IR).
  const lower = tightest([node.minimum, false], [node.exclusiveMinimum, true], (a, b) => a > b);
  const upper = tightest([node.maximum, false], [node.exclusiveMaximum, true], (a, b) => a < b);
  if (!lower || !upper) return;
  const [low, lowExclusive, lowKeyword] = lower;
  const [high, highExclusive, highKeyword] = upper;
  if (low > high || (low === high && (lowExclusive || highExclusive))) say(node, lowKeyword, `"${lowKeyword}" ${low} ${low === high ? "meets" : "is above"} "${highKeyword}" ${high}: no number passes here`);
}

/** Required names that `additionalProperties: false` refuses: an object must have them and may not. */
function requiredRefused(node: IrNode, say: (node: IrNode, keyword: string, text: string) => void): void {
  if (node.additionalProperties !== false || !node.required) return;
  const declared = new Set((node.properties ?? []).map((p) => p.name));
  // A pattern that compiles no way is not known to refuse the name: no word then.
  const allowed = (name: string): boolean => declared.has(name) || (node.patternProperties ?? []).some((p) => patternMatches(p.pattern, name) ?? true);
  const refused = [...new Set(node.required.filter((name) => !allowed(name)))];
  if (refused.length === 0) return;
  const names = refused.map((name) => JSON.stringify(name)).join(", ");
  say(node, "required", `"required" names ${names}, which "additionalProperties": false refuses (${refused.length > 1 ? "they are" : "it is"} not among "properties"${node.patternProperties ? ` nor matched by "patternProperties"` : ""}): no object passes here`);
}

function tightest(inclusive: [number | undefined, false], exclusive: [number | undefined, true], tighter: (a: number, b: number) => boolean): [number, boolean, string] | undefined {
  const [i] = inclusive;
  const [e] = exclusive;
  const names = tighter(1, 0) ? ["minimum", "exclusiveMinimum"] : ["maximum", "exclusiveMaximum"];
  if (i === undefined && e === undefined) return undefined;
  if (e === undefined || (i !== undefined && tighter(i, e))) return [i!, false, names[0]!];
  return [e, true, names[1]!];
}
