/** oneOf: count the matching branches; exactly one may match. */
import { code, ts, type Code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { readProperty } from "../guards/access";
import type { Scope } from "../guards/scope";
import { findType, isNode, onlyRef, type IrModel, type IrNode, type IrSchema } from "../../ir/model";
import { evaluateBranches } from "./branches";

/** The object node a branch stands for: itself, or the named type it only refers to. */
function branchNode(model: IrModel, branch: IrSchema): IrNode | undefined {
  for (let hops = 0; hops < 32; hops++) {
    if (!isNode(branch)) return undefined;
    const ref = onlyRef(branch);
    if (!ref) return branch;
    branch = findType(model, ref).schema;
  }
  return undefined;
}

/**
 * A discriminator: a property that every branch requires with a distinct string `const`, on
 * branches that accept only objects. Branch i then passes only on an object whose property is
 * the i-th constant, so one read picks the only branch worth checking.
 */
function discriminator(model: IrModel, branches: readonly IrSchema[]): { key: string; values: string[] } | undefined {
  const nodes = branches.map((b) => branchNode(model, b));
  const first = nodes[0];
  if (branches.length < 3 || !first) return undefined;
  for (const key of first.required ?? []) {
    const values: string[] = [];
    for (const node of nodes) {
      if (!node || node.type?.length !== 1 || node.type[0] !== "object" || !node.required?.includes(key)) break;
      const property = node.properties?.find((p) => p.name === key)?.schema;
      const value = property !== undefined && isNode(property) ? property.const?.value : undefined;
      if (typeof value !== "string" || values.includes(value)) break;
      values.push(value);
    }
    if (values.length === branches.length) return { key, values };
  }
  return undefined;
}

/** Counts into `count` the one branch whose discriminator constant the value holds (0 or 1). */
function countByDiscriminator(s: Scope, branches: readonly IrSchema[], at: (i: number) => string, count: Code, found: { key: string; values: string[] }): void {
  const v = s.value;
  s.body.block(code`if (typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v}))`, () => {
    s.body.block(code`switch (${readProperty(s, code`(${v}${ts` as Record<string, unknown>`})`, found.key)})`, () => {
      branches.forEach((b, i) => s.body.line(code`case ${found.values[i]!}: if (${s.test(b, v, at(i))}) ${count}++; break;`));
    });
  });
}

const check: KeywordCheck = {
  keywords: ["oneOf"],
  applies: "any",
  emit(s, node) {
    // A discriminated oneOf is checked by the discriminator module instead (discriminator.ts).
    if (node.discriminator?.keyword === "oneOf") return;
    const branches = node.oneOf!;
    const at = (i: number): string => `${node.schemaPath}/oneOf/${i}`;
    let count: Code;
    if (s.ev) count = evaluateBranches(s, branches, at);
    else {
      count = s.local("matched");
      s.body.line(code`let ${count} = 0;`);
      const found = discriminator(s.module.model, branches);
      if (found) countByDiscriminator(s, branches, at, count, found);
      else branches.forEach((b, i) => s.body.line(code`if (${s.test(b, s.value, at(i))}) ${count}++;`));
    }
    if (!s.collecting) {
      s.failIf(code`${count} !== 1`, "oneOf", "must match exactly one schema in oneOf");
      return;
    }
    s.body.block(code`if (${count} === 0)`, () => {
      // The fast path (no list) stops here, as in anyOf: no second pass over the branches.
      s.body.line(code`if (!errors) ${s.module.returnFalse}`);
      branches.forEach((b, i) => s.body.line(s.collect(b, s.value, s.path, at(i), true)));
    });
    s.failIf(code`${count} !== 1`, "oneOf", "must match exactly one schema in oneOf");
  },
};

export const oneOfKeyword: KeywordDefinition = {
  keywords: ["oneOf"],
  read(r) {
    if (r.has("oneOf")) r.node.oneOf = r.schemaArray("oneOf", true);
  },
  guard: check,
  diff: (c) => c.list("oneOf"),
  // A discriminated oneOf is its discriminator module's union.
  typescript: (node, parts) => (node.discriminator?.keyword === "oneOf" ? undefined : parts.unionOf(node.oneOf)),
};
