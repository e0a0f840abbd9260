/** dependentRequired: when a key is present, the listed keys must be too. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import { readProperty } from "../guards/access";

export const dependentRequired: KeywordCheck = {
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
