/** required: every listed key is an own property (a present `undefined` counts as missing, as in ajv). */
import { code, join } from "../../code";
import type { KeywordCheck } from "../check";
import { readProperty } from "../access";

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
    for (const name of names) {
      s.failIf(code`${readProperty(s, s.value, name)} === undefined`, "required", `must have required property '${name}'`);
    }
  },
};
