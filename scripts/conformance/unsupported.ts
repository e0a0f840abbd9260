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

export const UNSUPPORTED: readonly Unsupported[] = [
  {
    file: "dynamicRef.json",
    refusal: /unsupported keyword "\$dynamicRef"/,
    reason: "$dynamicRef/$dynamicAnchor need run-time dynamic scope; a static guard cannot resolve them, so generation stops",
  },
  {
    file: "unevaluatedItems.json",
    refusal: /unsupported keyword "\$dynamicRef"/,
    reason: "only the group that combines unevaluatedItems with $dynamicRef",
  },
  {
    file: "unevaluatedProperties.json",
    refusal: /unsupported keyword "\$dynamicRef"/,
    reason: "only the group that combines unevaluatedProperties with $dynamicRef",
  },
  {
    file: "defs.json",
    refusal: /remote https:\/\/json-schema\.org\/draft\/2020-12\/schema/,
    reason: "validates against the 2020-12 meta-schema, which is not in the suite's remotes (and uses $dynamicRef)",
  },
  {
    file: "ref.json",
    refusal: /remote https:\/\/json-schema\.org\/draft\/2020-12\/schema/,
    reason: "only the group whose remote is the 2020-12 meta-schema itself",
  },
  {
    file: "vocabulary.json",
    refusal: /unsupported meta-schema/,
    reason: "custom meta-schemas with $vocabulary: the generator supports the standard dialects only",
  },
];
