/** required: every listed key is an own property (a present `undefined` counts as missing, as in ajv). */
import { code, join } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { readIntoLocal, readProperty } from "../guards/access";
import { emitSlices, keywordSlices } from "../guards/split";

const check: KeywordCheck = {
  keywords: ["required"],
  applies: "object",
  emit(s, node) {
    const names = node.required!;
    if (names.length === 0) return;
    if (!s.collecting) {
      s.failIf(join(names.map((name) => code`${readProperty(s, s.value, name)} === undefined`), " || "), "required", "");
      return;
    }
    // Hundreds of names: checked by helpers, in order (guards/split.ts: tsc's TS2563).
    if (emitSlices(s, node, "required")) return;
    // A key that properties checks too is read once, into the local that check then uses.
    // (Not when properties are checked by helpers: they read their own.)
    const checked = new Set(keywordSlices(s, node, "properties") ? [] : (node.properties ?? []).filter((p) => p.schema !== true || s.ev).map((p) => p.name));
    for (const name of names) {
      const read = checked.has(name) ? readIntoLocal(s, s.value, name) : readProperty(s, s.value, name);
      s.failIf(code`${read} === undefined`, "required", `must have required property '${name}'`);
    }
  },
};

export const requiredKeyword: KeywordDefinition = {
  keywords: ["required"],
  read(r) {
    if (r.has("required")) r.node.required = r.stringArray("required", r.schema.required);
  },
  guard: check,
  diff(c) {
    const { before: a, after: b, at } = c;
    const requiredBefore = new Set(a.required ?? []);
    const requiredAfter = new Set(b.required ?? []);
    const declaredBefore = new Set((a.properties ?? []).map((p) => p.name));
    const declaredAfter = new Set((b.properties ?? []).map((p) => p.name));
    for (const name of requiredAfter) {
      // A new property that is required is reported by properties.ts as "required property added".
      if (requiredBefore.has(name) || (declaredAfter.has(name) && !declaredBefore.has(name))) continue;
      c.report("breaking", "now required", `${at}.${name}`);
    }
    for (const name of requiredBefore) if (!requiredAfter.has(name) && declaredAfter.has(name)) c.report("additive", "now optional", `${at}.${name}`);
  },
};
