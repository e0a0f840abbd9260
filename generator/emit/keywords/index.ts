/**
 * The vocabulary: every keyword module, one line each. The order is the guards' order within a
 * type group (cheap checks first: the fast path returns at the first failure) and the reader's
 * (references first, see KeywordReading.readFirst).
 */
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";
import { allOfKeyword } from "./all-of";
import { anyOfKeyword } from "./any-of";
import { arrayLimitsKeyword } from "./array-limits";
import { constEnumKeyword } from "./const-enum";
import { containsKeyword } from "./contains";
import { dependentRequiredKeyword } from "./dependent-required";
import { dependentSchemasKeyword } from "./dependent-schemas";
import { discriminatorKeyword } from "./discriminator";
import { dynamicRefKeyword } from "./dynamic-ref";
import { formatKeyword } from "./format";
import { ifThenElseKeyword } from "./if-then-else";
import { itemsKeyword } from "./items";
import { multipleOfKeyword } from "./multiple-of";
import { notKeyword } from "./not";
import { numberLimitsKeyword } from "./number-limits";
import { objectLimitsKeyword } from "./object-limits";
import { oneOfKeyword } from "./one-of";
import { patternKeyword } from "./pattern";
import { propertiesKeyword } from "./properties";
import { propertyNamesKeyword } from "./property-names";
import { refKeyword } from "./ref";
import { requiredKeyword } from "./required";
import { stringLengthKeyword } from "./string-length";
import { typeKeyword } from "./type";
import { unevaluatedItemsKeyword } from "./unevaluated-items";
import { unevaluatedPropertiesKeyword } from "./unevaluated-properties";
import { uniqueItemsKeyword } from "./unique-items";

export const KEYWORDS: readonly KeywordDefinition[] = [
  typeKeyword,
  constEnumKeyword,
  stringLengthKeyword,
  patternKeyword,
  formatKeyword,
  numberLimitsKeyword,
  multipleOfKeyword,
  arrayLimitsKeyword,
  uniqueItemsKeyword,
  itemsKeyword,
  containsKeyword,
  unevaluatedItemsKeyword,
  requiredKeyword,
  objectLimitsKeyword,
  dependentRequiredKeyword,
  propertiesKeyword,
  propertyNamesKeyword,
  dependentSchemasKeyword,
  unevaluatedPropertiesKeyword,
  refKeyword,
  dynamicRefKeyword,
  allOfKeyword,
  anyOfKeyword,
  oneOfKeyword,
  // After oneOf/anyOf: it reads which of them it discriminates, and its check stands in for that one.
  discriminatorKeyword,
  notKeyword,
  ifThenElseKeyword,
];

/** The guard checks, in vocabulary order (`type` is compile-node.ts's own first test). */
export const CHECKS: readonly KeywordCheck[] = KEYWORDS.flatMap((k) => (k.guard === "type test" ? [] : [k.guard]));
