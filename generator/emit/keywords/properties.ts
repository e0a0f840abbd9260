/**
 * properties, patternProperties, additionalProperties. Declared keys are read directly; the key
 * loop (own keys only, `__proto__` included) runs only when patterns or a non-`true`
 * additionalProperties need it.
 */
import { code, join, type Code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { escapePointerToken } from "../../load/keywords";
import { stripPaths } from "../../ir/merge-models";
import type { IrNode } from "../../ir/model";
import { previousRead, readIntoLocal } from "../guards/access";
import { escapeToken } from "../guards/paths";
import { emitSlices } from "../guards/split";

const check: KeywordCheck = {
  keywords: ["properties", "patternProperties", "additionalProperties"],
  applies: "object",
  emit(s, node) {
    const o = s.value;
    const markKey = s.ev ? s.module.runtime("evaluated", "markKey") : undefined;
    // Hundreds of properties: checked by helpers, in order (guards/split.ts: tsc's TS2563).
    const split = emitSlices(s, node, "properties");
    for (const { name, schema } of split ? [] : (node.properties ?? [])) {
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
          let test = code`${s.module.regex(pattern)}.test(${key})`;
          const checks = schema !== true || markKey !== undefined;
          if (checks && loopAdditional) {
            // Tested once per key: the additionalProperties test below reads the answer.
            const matched = s.local("m");
            s.body.line(code`const ${matched} = ${test};`);
            test = matched;
          }
          matches.push(test);
          if (!checks) continue;
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
            s.body.line(s.fail("additionalProperties", "must NOT have additional property ", { key }));
          } else s.child(additional!, item, path, `${node.schemaPath}/additionalProperties`);
        };
        if (known.length > 0) s.body.block(code`if (!(${join(known, " || ")}))`, check);
        else check();
      });
    }
  },
};

export const propertiesKeyword: KeywordDefinition = {
  keywords: ["properties", "patternProperties", "additionalProperties"],
  read(r) {
    if (r.has("properties")) r.node.properties = r.schemaMap("properties").map(([name, schema]) => ({ name, schema }));
    if (r.has("patternProperties")) {
      r.node.patternProperties = r.schemaMap("patternProperties").map(([source, schema]) => ({
        pattern: r.regex(`patternProperties/${escapePointerToken(source)}`, source),
        schema,
      }));
    }
    if (r.has("additionalProperties")) r.node.additionalProperties = r.sub(r.schema.additionalProperties, "additionalProperties");
    // Beside a `$ref` and no properties of its own, `additionalProperties: false` sees none of the
    // target's properties: only `{}` passes, so every object the target describes fails (Interledger's
    // Open Payments responses, @interledger/open-payments). Checked as written, as JSON Schema says; said once.
    if (r.schema.additionalProperties === false && !r.has("properties") && !r.has("patternProperties")) {
      if (r.has("$ref")) {
        r.warn("additionalProperties", `"additionalProperties": false beside "$ref" sees none of the referenced schema's properties, so only an object with no property passes; "unevaluatedProperties": false allows exactly the referenced ones`);
      } else {
        // The same beside `allOf`/`anyOf`/`oneOf`: their branches' properties are not this schema's
        // (shipengine-openapi writes its objects so, `{type: object, additionalProperties: false,
        // allOf: [{$ref}]}`: half of its 76 operations have no valid request or answer). A 3.0
        // document is read as 2020-12 here, but its authors have no `unevaluatedProperties`: both fixes said.
        const beside = ["allOf", "anyOf", "oneOf"].find((keyword) => r.has(keyword));
        if (beside !== undefined) {
          r.warn("additionalProperties", `"additionalProperties": false beside "${beside}" and no "properties" of its own sees none of the properties its subschemas declare, so only an object with no property passes; list them in "properties" too, or (OpenAPI 3.1, JSON Schema 2019-09 and later) write "unevaluatedProperties": false instead`);
        }
      }
    }
  },
  guard: check,
  diff(c) {
    const { before: a, after: b, at } = c;
    const before = new Map((a.properties ?? []).map((p) => [p.name, p.schema]));
    const after = new Map((b.properties ?? []).map((p) => [p.name, p.schema]));
    const requiredAfter = new Set(b.required ?? []);
    for (const [name, schema] of before) {
      const next = after.get(name);
      if (next === undefined) c.report("breaking", "property removed", `${at}.${name}`);
      else c.compare(schema, next, `${at}.${name}`);
    }
    for (const name of after.keys()) {
      if (before.has(name)) continue;
      if (requiredAfter.has(name)) c.report("breaking", "required property added", `${at}.${name}`);
      else c.report("additive", "optional property added", `${at}.${name}`);
    }
    // Pattern properties: compared as a whole; only their removal is clearly a widening.
    const patterns = (n: IrNode): string | undefined => (n.patternProperties ? JSON.stringify(n.patternProperties.map((p) => [p.pattern, stripPaths(p.schema)])) : undefined);
    if (patterns(a) !== patterns(b)) {
      if (patterns(b) === undefined) c.report("additive", "patternProperties removed");
      else c.report("breaking", "patternProperties changed");
    }
    c.subschema("additionalProperties");
  },
};
