/** dependentSchemas: when a key is present, the whole object must also match a schema. */
import { code } from "../../code";
import type { KeywordCheck } from "../check";
import { readProperty } from "../access";
import { applyInPlace } from "../scope";
import { escapeToken } from "../paths";

export const dependentSchemas: KeywordCheck = {
  keywords: ["dependentSchemas"],
  applies: "object",
  emit(s, node) {
    for (const { name, schema } of node.dependentSchemas!) {
      if (schema === true) continue;
      s.body.block(code`if (${readProperty(s, s.value, name)} !== undefined)`, () => {
        applyInPlace(s, schema, `${node.schemaPath}/dependentSchemas/${escapeToken(name)}`);
      });
    }
  },
};
