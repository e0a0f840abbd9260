/** allOf: every member applies to the same value, in place. */
import type { KeywordCheck } from "../guards/check";
import { applyInPlace } from "../guards/scope";

export const allOf: KeywordCheck = {
  keywords: ["allOf"],
  applies: "any",
  emit(s, node) {
    node.allOf!.forEach((member, i) => applyInPlace(s, member, `${node.schemaPath}/allOf/${i}`));
  },
};
