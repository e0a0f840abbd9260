/** allOf: every member applies to the same value, in place. */
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { applyInPlace } from "../guards/scope";

const check: KeywordCheck = {
  keywords: ["allOf"],
  applies: "any",
  emit(s, node) {
    node.allOf!.forEach((member, i) => applyInPlace(s, member, `${node.schemaPath}/allOf/${i}`));
  },
};

export const allOfKeyword: KeywordDefinition = {
  keywords: ["allOf"],
  read(r) {
    // After a `$ref` to a boolean schema (ref.ts), which is kept as an allOf member.
    if (r.has("allOf")) r.node.allOf = [...(r.node.allOf ?? []), ...r.schemaArray("allOf", true)];
  },
  guard: check,
  diff: (c) => c.list("allOf"),
  typescript: (node, parts) => node.allOf?.map((member) => parts.typeOf(member)),
};
