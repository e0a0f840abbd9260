/**
 * JSON Schema 2020-12's own `$dynamicRef` example (its Core specification, "strict-tree"): a tree
 * whose nodes refer to themselves through `$dynamicAnchor: "node"`, made strict by
 * `unevaluatedProperties: false` at the root. `tree` is what the Tree's schema holds beside its
 * identity and anchor; `defs`, the other definitions beside it.
 */
export function strictTreeSchema(tree: object, defs: object = {}): Record<string, unknown> {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://example.com/strict-tree",
    title: "StrictTree",
    $dynamicAnchor: "node",
    $ref: "tree",
    unevaluatedProperties: false,
    $defs: { tree: { $id: "tree", title: "Tree", $dynamicAnchor: "node", type: "object", ...tree }, ...defs },
  };
}

/** The Tree's children, each a node of the tree as the dynamic scope has it. */
export const TREE_PROPERTIES = { properties: { data: true, children: { type: "array", items: { $dynamicRef: "#node" } } } };
