/**
 * The committed Koala package: a snapshot of every generated file, and the drift check that the
 * committed `generated/koala` is exactly what the generator produces now.
 */
import { testCommittedOutput } from "../helpers/committed-output";
import { KOALA_OUT } from "../helpers/paths";

testCommittedOutput({ out: KOALA_OUT, checkSummary: /2 schemas, \d+ types/ });
