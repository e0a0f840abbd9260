/**
 * properties, patternProperties, additionalProperties. Declared keys are read directly; the key
 * loop (own keys only, `__proto__` included) runs only when patterns or a non-`true`
 * additionalProperties need it.
 */
import { code, join, type Code } from "../code";
import type { KeywordCheck } from "../guards/check";
import { previousRead, readIntoLocal } from "../guards/access";
import { escapeToken } from "../guards/paths";

export const properties: KeywordCheck = {
  keywords: ["properties", "patternProperties", "additionalProperties"],
  applies: "object",
  emit(s, node) {
    const o = s.value;
    const markKey = s.ev ? s.module.runtime("evaluated", "markKey") : undefined;
    for (const { name, schema } of node.properties ?? []) {
      if (schema === true && !s.ev) continue;
      const value = previousRead(s, o, name) ?? readIntoLocal(s, o, name);
      s.body.block(code`if (${value} !== undefined)`, () => {
        s.child(schema, value, s.at(name), `${node.schemaPath}/properties/${escapeToken(name)}`);
        if (markKey) s.body.line(code`${markKey}(${s.ev}, ${name});`);
      });
    }

    const patterns = node.patternProperties ?? [];
    const additional = node.additionalProperties;
    const loopAdditional = additional !== undefined && additional !== true;
    // The loop is needed for a non-true additionalProperties, or for patterns that check or annotate.
    if (loopAdditional || (patterns.length > 0 && (patterns.some((p) => p.schema !== true) || s.ev))) emitKeyLoop();
    if (additional !== undefined && s.ev) s.body.line(code`${s.ev}.allKeys = true;`);

    function emitKeyLoop(): void {
      const key = s.local("k");
      s.body.block(code`for (const ${key} in ${o})`, () => {
        s.body.line(code`if (!${s.check("hasOwn")}(${o}, ${key})) continue;`);
        const item = s.local("x");
        s.body.line(code`const ${item} = ${o}[${key}];`);
        const path = s.at({ key });
        const matches: Code[] = [];
        for (const { pattern, schema } of patterns) {
          const test = code`${s.module.regex(pattern)}.test(${key})`;
          matches.push(test);
          if (schema === true && !markKey) continue;
          s.body.block(code`if (${test})`, () => {
            s.child(schema, item, path, `${node.schemaPath}/patternProperties/${escapeToken(pattern)}`);
            if (markKey) s.body.line(code`${markKey}(${s.ev}, ${key});`);
          });
        }
        if (!loopAdditional) return;
        const declared = (node.properties ?? []).map((p) => code`${key} === ${p.name}`);
        const known = [...declared, ...matches];
        const check = (): void => {
          if (additional === false) {
            s.body.line(s.fail("additionalProperties", code`${"must NOT have additional property "} + JSON.stringify(${key})`));
          } else s.child(additional!, item, path, `${node.schemaPath}/additionalProperties`);
        };
        if (known.length > 0) s.body.block(code`if (!(${join(known, " || ")}))`, check);
        else check();
      });
    }
  },
};
