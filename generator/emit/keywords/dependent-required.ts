/** dependentRequired: when a key is present, the listed keys must be too. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { since } from "../../ir/dialect-keywords";
import { escapePointerToken } from "../../load/keywords";
import { readProperty } from "../guards/access";

const check: KeywordCheck = {
  keywords: ["dependentRequired"],
  applies: "object",
  emit(s, node) {
    for (const { name, required } of node.dependentRequired!) {
      if (required.length === 0) continue;
      s.body.block(code`if (${readProperty(s, s.value, name)} !== undefined)`, () => {
        for (const other of required) {
          s.failIf(code`${readProperty(s, s.value, other)} === undefined`, "dependentRequired", `must have property '${other}' when property '${name}' is present`);
        }
      });
    }
  },
};

export const dependentRequiredKeyword: KeywordDefinition = {
  // Up to draft-07, `dependencies` with arrays of names (read by dependent-schemas.ts).
  keywords: ["dependentRequired"],
  dialects: { dependentRequired: since("2019-09") },
  read(r) {
    if (!r.has("dependentRequired")) return;
    r.node.dependentRequired = r.objectEntries("dependentRequired").map(([name, value]) => ({
      name,
      required: r.stringArray(`dependentRequired/${escapePointerToken(name)}`, value),
    }));
  },
  guard: check,
  diff: (c) => c.constraint("dependentRequired"),
};
