/** dependentSchemas: when a key is present, the whole object must also match a schema. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import { readProperty } from "../guards/access";
import { applyInPlace } from "../guards/scope";
import { escapeToken } from "../guards/paths";

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
