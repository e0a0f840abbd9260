/**
 * OpenAPI's `discriminator` on a `oneOf`/`anyOf` (the IR's `node.discriminator`): on an object, the
 * tag property picks the one branch that is checked, and a missing or unknown tag is one error at
 * the tag, `must be one of "cat", "dog"`, instead of an error per branch. This is the Discriminator
 * Object's meaning, and ajv's with `discriminator: true`; where every branch fixes its tag with a
 * `const`, it is also exactly what the plain `oneOf`/`anyOf` accepts. Any other value is checked by
 * the plain keyword (every branch counted), as JSON Schema says. The check stands in for the
 * `oneOf`/`anyOf` check it discriminates (one-of.ts and any-of.ts leave that node to it).
 * The type side is emit/discriminated-union.ts.
 */
import { code, ts } from "../code";
import { discriminatedUnion } from "../discriminated-union";
import { unionType } from "../type-expression";
import type { IrNode } from "../../ir/model";
import type { KeywordCheck } from "../guards/check";
import { readProperty } from "../guards/access";
import { escapeToken } from "../guards/paths";
import type { Scope } from "../guards/scope";
import type { KeywordChange, KeywordDefinition } from "./keyword";

function emitDiscriminated(s: Scope, node: IrNode): void {
  const { keyword, propertyName, branches } = node.discriminator!;
  const v = s.value;
  const tags = branches.map((b) => JSON.stringify(b.tag)).join(", ");
  s.body.block(code`if (typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v}))`, () => {
    s.body.block(code`switch (${readProperty(s, code`(${v}${ts` as Record<string, unknown>`})`, propertyName)})`, () => {
      for (const { tag, type } of branches) {
        const at = `${node.schemaPath}/discriminator/mapping/${escapeToken(String(tag))}`;
        const branch: IrNode = { schemaPath: at, ref: type, annotations: {} };
        if (s.collecting) {
          const record = s.ev ? code` ${s.evaluate(branch, v, s.ev, at)};` : code``;
          s.body.line(code`case ${tag}: ${s.collect(branch, v, s.path, at)}${record} break;`);
        } else {
          s.body.line(code`case ${tag}: if (!${s.ev ? s.evaluate(branch, v, s.ev, at) : s.test(branch, v, at)}) ${s.module.returnFalse} break;`);
        }
      }
      s.body.line(code`default: ${s.fail("discriminator", `must be one of ${tags}`, { path: s.at(propertyName), schemaPath: `${node.schemaPath}/discriminator/propertyName` })}`);
    });
  });
  s.body.block(code`else`, () => {
    const list = node[keyword]!;
    const count = s.local("matched");
    s.body.line(code`let ${count} = 0;`);
    list.forEach((b, i) => s.body.line(code`if (${s.ev ? s.evaluate(b, v, s.ev, `${node.schemaPath}/${keyword}/${i}`) : s.test(b, v, `${node.schemaPath}/${keyword}/${i}`)}) ${count}++;`));
    if (keyword === "oneOf") s.failIf(code`${count} !== 1`, "oneOf", "must match exactly one schema in oneOf");
    else s.failIf(code`${count} === 0`, "anyOf", "must match a schema in anyOf");
  });
}

const check: KeywordCheck = {
  keywords: ["discriminator"],
  applies: "any",
  emit: emitDiscriminated,
};

/** A tag (or the type it picks) gone, or another tag property, is breaking; a tag added additive. */
function diff(c: KeywordChange): void {
  const a = c.before.discriminator;
  const b = c.after.discriminator;
  if (!a && !b) return;
  if (a?.propertyName !== b?.propertyName) {
    c.report("breaking", `discriminator ${b ? `now ${b.propertyName}` : "removed"} (was ${a?.propertyName ?? "none"})`);
    return;
  }
  const before = new Map(a!.branches.map((t) => [t.tag, t.type]));
  const after = new Map(b!.branches.map((t) => [t.tag, t.type]));
  for (const [tag, type] of before) {
    if (!after.has(tag)) c.report("breaking", `discriminator value ${JSON.stringify(tag)} removed`);
    else if (after.get(tag) !== type) c.report("breaking", `discriminator value ${JSON.stringify(tag)} now picks ${after.get(tag)} (was ${type})`);
  }
  for (const tag of after.keys()) if (!before.has(tag)) c.report("additive", `discriminator value ${JSON.stringify(tag)} added`);
}

export const discriminatorKeyword: KeywordDefinition = {
  keywords: ["discriminator"],
  read(r) {
    // Read after oneOf/anyOf (emit/keywords/index.ts): it discriminates the one the node has. Without
    // either (the base schema of an `allOf` hierarchy) it picks nothing here.
    const keyword = r.node.oneOf ? "oneOf" : r.node.anyOf ? "anyOf" : undefined;
    if (!keyword || !r.has("discriminator")) return;
    const table = r.discriminator();
    if (table) r.node.discriminator = { keyword, ...table };
  },
  guard: check,
  diff,
  // Each branch with its tag narrowed, where its oneOf/anyOf is a union at all (not only required
  // lists); and the inline alternatives no object passes, which the tag does not pick but the guard
  // takes: typia's `oneOf: [{type: "null"}, ICat, IDog]` with a discriminator is `ICat | IDog | null`.
  typescript: (node, parts) => {
    if (!node.discriminator || parts.unionOf(node[node.discriminator.keyword]) === undefined) return undefined;
    const others = node[node.discriminator.keyword]!.filter((b) => typeof b === "object" && b.ref === undefined && b.type !== undefined && !b.type.includes("object"));
    return unionType([discriminatedUnion(node.discriminator), ...others.map(parts.typeOf)]);
  },
};
