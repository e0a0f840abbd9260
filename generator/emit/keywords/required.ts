/** required: every listed key is an own property (a present `undefined` counts as missing, as in ajv). */
import { code, join } from "../code";
import type { KeywordCheck } from "../guards/check";
import { readIntoLocal, readProperty } from "../guards/access";

export const required: KeywordCheck = {
  keywords: ["required"],
  applies: "object",
  emit(s, node) {
    const names = node.required!;
    if (names.length === 0) return;
    if (!s.collecting) {
      s.failIf(join(names.map((name) => code`${readProperty(s, s.value, name)} === undefined`), " || "), "required", "");
      return;
    }
    // A key that properties checks too is read once, into the local that check then uses.
    const checked = new Set((node.properties ?? []).filter((p) => p.schema !== true || s.ev).map((p) => p.name));
    for (const name of names) {
      const read = checked.has(name) ? readIntoLocal(s, s.value, name) : readProperty(s, s.value, name);
      s.failIf(code`${read} === undefined`, "required", `must have required property '${name}'`);
    }
  },
};
