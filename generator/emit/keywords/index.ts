/** The vocabulary: every keyword module, in the order their guard checks run within a type group. */
import type { KeywordCheck } from "../guards/check";
import { allOf } from "./all-of";
import { anyOf } from "./any-of";
import { arrayLimits } from "./array-limits";
import { constKeyword } from "./const";
import { contains } from "./contains";
import { dependentRequired } from "./dependent-required";
import { dependentSchemas } from "./dependent-schemas";
import { dynamicRef } from "./dynamic-ref";
import { enumKeyword } from "./enum";
import { format } from "./format";
import { ifThenElse } from "./if-then-else";
import { items } from "./items";
import { multipleOf } from "./multiple-of";
import { not } from "./not";
import { numberLimits } from "./number-limits";
import { objectLimits } from "./object-limits";
import { oneOf } from "./one-of";
import { pattern } from "./pattern";
import { properties } from "./properties";
import { propertyNames } from "./property-names";
import { ref } from "./ref";
import { required } from "./required";
import { stringLength } from "./string-length";
import { unevaluatedItems } from "./unevaluated-items";
import { unevaluatedProperties } from "./unevaluated-properties";
import { uniqueItems } from "./unique-items";

// Cheap checks first: the fast path returns at the first failure.
export const CHECKS: readonly KeywordCheck[] = [
  constKeyword,
  enumKeyword,
  stringLength,
  pattern,
  format,
  numberLimits,
  multipleOf,
  arrayLimits,
  uniqueItems,
  items,
  contains,
  unevaluatedItems,
  required,
  objectLimits,
  dependentRequired,
  properties,
  propertyNames,
  dependentSchemas,
  unevaluatedProperties,
  ref,
  dynamicRef,
  allOf,
  anyOf,
  oneOf,
  not,
  ifThenElse,
];
