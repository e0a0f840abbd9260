/** enum: one of the listed JSON values. */
import { code, join } from "../code";
import type { KeywordCheck } from "../guards/check";
import { equals } from "./const";

export const enumKeyword: KeywordCheck = {
  keywords: ["enum"],
  applies: "any",
  emit(s, node) {
    const values = node.enum!;
    const test = values.length === 0 ? code`false` : join(values.map((v) => equals(s, s.value, v)), " || ");
    s.failIf(code`!(${test})`, "enum", "must be equal to one of the allowed values");
  },
};
