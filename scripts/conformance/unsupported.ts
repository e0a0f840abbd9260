/**
 * What the guards do not implement, said out loud. A group listed here must be *refused* by the
 * generator with an error matching `refusal` (never a silently weaker guard); every other group of
 * every keyword file must pass all its cases. The conformance test enforces both.
 */
export interface Unsupported {
  file: string;
  /** The generator's error for the groups concerned. */
  refusal: RegExp;
  reason: string;
}

/**
 * Empty: since $dynamicRef/$dynamicAnchor, $vocabulary and the bundled 2020-12 meta-schema, no
 * group of the draft 2020-12 (or draft-07) keyword files is refused. A group that starts being
 * refused fails the conformance test until it is listed here with its reason.
 */
export const UNSUPPORTED: readonly Unsupported[] = [];
