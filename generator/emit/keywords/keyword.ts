/**
 * One keyword module per keyword or keyword family, in the spirit of ajv's vocabularies and
 * TypeBox's engine files: how its keywords are read into the IR (and in which dialects), how the
 * guards check them and what errors they report, what hovers show, and how `diff` classifies a
 * change to them. emit/keywords/index.ts lists every module, once.
 */
import type { KeywordReading } from "../../ir/keyword-reader";
import type { IrKeyword, IrNode, IrSchema } from "../../ir/model";
import type { KeywordCheck } from "../guards/check";
import type { TypeExpr } from "../type-expression";

export interface KeywordDefinition extends KeywordReading {
  /**
   * Its guard check. `"type test"`: `type`, which compile-node.ts tests before every other check,
   * since it narrows the value for them.
   */
  readonly guard: KeywordCheck | "type test";
  /** Reports what a change to its keywords does to the generated API (release/diff-models.ts runs it for every node pair). */
  diff(change: KeywordChange): void;
  /** Its keywords that hovers show as `@keyword value` tags (emit/jsdoc.ts). */
  readonly jsdoc?: readonly IrKeyword[];
  /**
   * Its part of the node's TypeScript type (emit/types.ts intersects the parts, references first,
   * then in vocabulary order). None: the keyword narrows values in ways TypeScript cannot say
   * (`minLength`, `pattern`...), and only the guard checks it.
   */
  readonly typescript?: (node: IrNode, parts: TypeParts) => TypeExpr | readonly TypeExpr[] | undefined;
}

/** What a keyword module's `typescript` builds on (emit/types.ts provides it). */
export interface TypeParts {
  /** The type of a subschema. */
  typeOf(schema: IrSchema): TypeExpr;
  /**
   * The value keywords' one type: `type`, `const`/`enum`, and the object and array keywords
   * (`properties`, `required`, `additionalProperties`, `patternProperties`, `items`, `prefixItems`,
   * `minItems` for a tuple's optional slots) together shape one TypeScript object or array type.
   */
  valueType(node: IrNode): TypeExpr;
  /**
   * The union an anyOf/oneOf list stands for, or undefined when its branches only say which
   * properties are required (the object type already says it: emit/types.ts's requiredUnions).
   */
  unionOf(list: readonly IrSchema[] | undefined): TypeExpr | undefined;
}

/**
 * The point of view of `diff`: the code that builds and sends payloads. Anything that can make
 * its valid payloads fail is breaking; anything that only accepts more is additive; a change of
 * documentation only is a patch.
 */
export type ChangeLevel = "breaking" | "additive" | "patch";

/** One node compared with its next version, and the rules every keyword module shares. */
export interface KeywordChange {
  readonly before: IrNode;
  readonly after: IrNode;
  /** Where the node is: "TrackEvent.properties.event". */
  readonly at: string;
  /** Reports a change, here or at `at`. */
  report(level: ChangeLevel, message: string, at?: string): void;
  /** Compares two subschemas, recursively, at `at`. */
  compare(before: IrSchema, after: IrSchema, at: string): void;
  /** A lower (`min`) or upper (`max`) bound: tighter is breaking, looser additive. */
  bound(keyword: IrKeyword, direction: "min" | "max"): void;
  /** A constraint we cannot order: added or changed is breaking, removed additive. */
  constraint(keyword: IrKeyword): void;
  /** A subschema keyword, compared recursively (`not`/`if`: any change is breaking). */
  subschema(keyword: IrKeyword): void;
  /** A list of subschemas (anyOf, oneOf, allOf, prefixItems): members compared in order, then the count. */
  list(keyword: "anyOf" | "oneOf" | "allOf" | "prefixItems"): void;
}
