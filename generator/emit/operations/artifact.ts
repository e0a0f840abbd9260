/**
 * The `operations` artifact: `operations.ts` for an OpenAPI document, one standalone function per
 * operation (a client asked for on an OpenAPI input brings it: pipeline/generate.ts). Its names
 * come from the operations, not from type names (emit/operations/names.ts settles collisions).
 */
import { declareArtifact } from "../artifact";

export const operationsArtifact = declareArtifact({
  artifact: "operations",
  requires: ["types", "guards"],
});
