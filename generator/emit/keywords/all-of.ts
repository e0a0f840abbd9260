/** allOf: every member applies to the same value, in place. */
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { applyInPlace } from "../guards/scope";
import { allOfOffset, emitSlices } from "../guards/split";

const check: KeywordCheck = {
  keywords: ["allOf"],
  applies: "any",
  emit(s, node) {
    // Hundreds of members: checked by helpers, in order (guards/split.ts: tsc's TS2563); a helper's slice numbers its members from its offset.
    if (emitSlices(s, node, "allOf")) return;
    const offset = allOfOffset(node);
    node.allOf!.forEach((member, i) => applyInPlace(s, member, `${node.schemaPath}/allOf/${offset + i}`));
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
