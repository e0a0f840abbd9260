/**
 * The classic OpenAPI 3.0 trap: `allOf` members that each say `additionalProperties: false`
 * (`Pet: allOf: [{$ref: Base}, {$ref: Extra}]`, both closed). A member's `additionalProperties` sees
 * only its own `properties`, so every property another member declares is one it refuses: an object
 * with both members' properties passes neither, and when the members require each other's
 * properties no value passes at all (the mock could synthesize no request, "no valid request
 * synthesized", with no word why). Checked as written, as JSON Schema says; generate says so once
 * for each such member of each such allOf, at the member's `additionalProperties`, naming the
 * properties it refuses, the allOf, and the fix.
 */
import { type IrModel, type IrNamedType, type IrNode, type IrSchema } from "./model";
import { resolveNode } from "./resolve-node";
import type { NodeCheck } from "./walk-nodes";

export interface ClosedAllOfFinding {
  /** The closed member's `additionalProperties`: "#/components/schemas/Base/additionalProperties". */
  schemaPath: string;
  text: string;
}

/** The check, for runNodeChecks (walk-nodes.ts): one finding per closed `allOf` member that refuses a property another member of the same `allOf` declares. */
export function closedAllOfFindings(types: readonly IrNamedType[]): NodeCheck<ClosedAllOfFinding> {
  const model = { types } as unknown as IrModel;
  const findings = new Map<string, ClosedAllOfFinding>();
  return {
    visit(node) {
      if (node.allOf && (node.allOf.length > 1 || (node.properties?.length ?? 0) > 0)) check(model, node, findings);
    },
    findings: () => [...findings.values()],
  };
}

function check(model: IrModel, node: IrNode, findings: Map<string, ClosedAllOfFinding>): void {
  const members = node.allOf!.map((member: IrSchema) => resolveNode(model, member));
  const declared = members.map((member) => (member?.properties ?? []).map((p) => p.name));
  members.forEach((member, i) => {
    if (member?.additionalProperties !== false || member.patternProperties) return;
    const own = new Set(declared[i]);
    const refused = [...new Set(declared.flatMap((names, j) => (j === i ? [] : names.filter((name) => !own.has(name)))))];
    if (refused.length === 0) return;
    // The place to change is the member's own `additionalProperties` (a referenced component's, often); the allOf is named in the text.
    const schemaPath = `${member.schemaPath}/additionalProperties`;
    const names = refused.map((name) => JSON.stringify(name)).join(", ");
    findings.set(`${schemaPath} ${node.schemaPath}`, {
      schemaPath,
      text: `"additionalProperties": false refuses ${names}, which another member of the allOf at ${node.schemaPath}/allOf declares beside this one (member ${i}): no object with ${refused.length > 1 ? "those properties" : "that property"} passes there; leave "additionalProperties" out of the members (OpenAPI 3.1, JSON Schema 2019-09 and later: "unevaluatedProperties": false beside the allOf closes the whole)`,
    });
  });
  // The schema's own properties beside the allOf are one more part of the same object (Swashbuckle
  // before 6.6, UseAllOfForInheritance: `Cat: {allOf: [{$ref: Animal}], properties: {meows},
  // additionalProperties: false}` with Animal closed too, so no Cat passes). Without properties of
  // its own, a closed schema beside an allOf is said where it is read (keywords/properties.ts).
  const own = (node.properties ?? []).map((p) => p.name);
  if (own.length === 0) return;
  const ownSet = new Set(own);
  const plural = (refused: string[]): string => (refused.length > 1 ? "those properties" : "that property");
  // Listing only some of the members' properties may mean to narrow them (listed_link of
  // applicator-additional-properties.yaml): said only where a member requires a refused one.
  if (node.additionalProperties === false && !node.patternProperties) {
    const required = new Set(members.flatMap((member) => member?.required ?? []));
    const refused = [...new Set(declared.flat().filter((name) => !ownSet.has(name) && required.has(name)))];
    if (refused.length > 0) {
      const schemaPath = `${node.schemaPath}/additionalProperties`;
      findings.set(`${schemaPath} ${node.schemaPath}`, {
        schemaPath,
        text: `"additionalProperties": false refuses ${refused.map((name) => JSON.stringify(name)).join(", ")}, which the allOf beside it (${node.schemaPath}/allOf) requires: no object passes here; list ${refused.length > 1 ? "them" : "it"} in "properties" too, or (OpenAPI 3.1, JSON Schema 2019-09 and later) write "unevaluatedProperties": false instead`,
      });
    }
  }
  members.forEach((member, i) => {
    if (member?.additionalProperties !== false || member.patternProperties) return;
    const mine = new Set(declared[i]);
    const refused = own.filter((name) => !mine.has(name));
    if (refused.length === 0) return;
    const schemaPath = `${member.schemaPath}/additionalProperties`;
    findings.set(`${schemaPath} ${node.schemaPath} own`, {
      schemaPath,
      text: `"additionalProperties": false refuses ${refused.map((name) => JSON.stringify(name)).join(", ")}, which ${node.schemaPath} declares beside the allOf that holds this schema (member ${i}): no object with ${plural(refused)} passes there; leave "additionalProperties" out of the members (OpenAPI 3.1, JSON Schema 2019-09 and later: "unevaluatedProperties": false beside the allOf closes the whole)`,
    });
  });
}
