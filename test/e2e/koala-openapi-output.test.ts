/**
 * The second committed Koala package, from Koala's OpenAPI document (schemas/koala-ingestion.openapi.yaml):
 * a snapshot of every generated file, and the drift check that the committed `generated/koala-openapi`
 * is exactly what the generator produces now.
 */
import { testCommittedOutput } from "../helpers/committed-output";
import { KOALA_OPENAPI_OUT } from "../helpers/paths";

testCommittedOutput({
  out: KOALA_OPENAPI_OUT,
  config: "koala-codegen.openapi.config.json",
  checkSummary: /1 schema, \d+ types/,
});
