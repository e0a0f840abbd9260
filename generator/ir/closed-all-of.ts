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
      if (node.allOf && node.allOf.length > 1) check(model, node, findings);
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
}
