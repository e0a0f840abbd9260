/**
 * OpenAPI's `discriminator` on a `oneOf`/`anyOf` (the IR's `node.discriminator`): on an object, the
 * tag property picks the one branch that is checked, and a missing or unknown tag is one error at
 * the tag, `must be one of "cat", "dog"`, instead of an error per branch. This is the Discriminator
 * Object's meaning, and ajv's with `discriminator: true`; where every branch fixes its tag with a
 * `const`, it is also exactly what the plain `oneOf`/`anyOf` accepts. Any other value is checked by
 * the plain keyword (every branch counted), as JSON Schema says.
 */
import { code } from "../../code";
import type { IrNode } from "../../../ir/model";
import { readProperty } from "../access";
import type { Scope } from "../scope";

export function emitDiscriminated(s: Scope, node: IrNode): void {
  const { keyword, propertyName, branches } = node.discriminator!;
  const v = s.value;
  const tags = branches.map((b) => JSON.stringify(b.tag)).join(", ");
  s.body.block(code`if (typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v}))`, () => {
    s.body.block(code`switch (${readProperty(s, code`(${v} as Record<string, unknown>)`, propertyName)})`, () => {
      for (const { tag, type } of branches) {
        const at = `${node.schemaPath}/discriminator/mapping/${tag.replace(/~/g, "~0").replace(/\//g, "~1")}`;
        const branch: IrNode = { schemaPath: at, ref: type, annotations: {} };
        if (s.collecting) {
          const record = s.ev ? code` ${s.evaluate(branch, v, s.ev, at)};` : code``;
          s.body.line(code`case ${tag}: ${s.collect(branch, v, s.path, at)}${record} break;`);
        } else {
          s.body.line(code`case ${tag}: if (!${s.ev ? s.evaluate(branch, v, s.ev, at) : s.test(branch, v, at)}) return false; break;`);
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
