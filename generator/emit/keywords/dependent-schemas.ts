/** dependentSchemas: when a key is present, the whole object must also match a schema. */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { since, until } from "../../ir/dialect-keywords";
import { escapePointerToken } from "../../load/keywords";
import { readProperty } from "../guards/access";
import { applyInPlace } from "../guards/scope";
import { escapeToken } from "../guards/paths";

const check: KeywordCheck = {
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

export const dependentSchemasKeyword: KeywordDefinition = {
  keywords: ["dependentSchemas"],
  dialects: { dependentSchemas: since("2019-09"), dependencies: until("draft-07") },
  read(r) {
    if (r.has("dependentSchemas")) r.node.dependentSchemas = r.schemaMap("dependentSchemas").map(([name, schema]) => ({ name, schema }));
    // draft-07 and older: `dependencies` is dependentRequired (arrays) and dependentSchemas (schemas).
    if (!r.has("dependencies")) return;
    for (const [name, value] of r.objectEntries("dependencies")) {
      if (Array.isArray(value)) {
        (r.node.dependentRequired ??= []).push({ name, required: r.stringArray(`dependencies/${escapePointerToken(name)}`, value) });
      } else {
        (r.node.dependentSchemas ??= []).push({ name, schema: r.sub(value, "dependencies", name) });
      }
    }
  },
  guard: check,
  diff: (c) => c.constraint("dependentSchemas"),
};
