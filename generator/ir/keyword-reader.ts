/**
 * What a keyword module (emit/keywords/) needs to read its keywords into the IR, and what the
 * reader (from-json-schema.ts) needs from a keyword module: the seam between the two, so the IR
 * reader iterates a vocabulary it is given instead of naming every keyword itself.
 */
import type { Dialect } from "../load/dialect";
import type { JsonObject } from "../load/keywords";
import type { IrDiscriminator, IrKeyword, IrNode, IrSchema } from "./model";

/** The IR keywords whose value is a number (read with {@link KeywordReader.number} or `count`). */
export type NumericKeyword = { [K in IrKeyword]-?: IrNode[K] extends number | undefined ? K : never }[IrKeyword];

/** One schema object being read: its raw keywords, the node they go into, and checked readers. */
export interface KeywordReader {
  /** The schema object as written. */
  readonly schema: JsonObject;
  /** The IR node being filled. */
  readonly node: IrNode;
  /** The dialect of the document the schema sits in. */
  readonly dialect: Dialect;
  /** Whether this is a named type's own schema (entered through a reference), not an inline subschema. */
  readonly entered: boolean;
  /** Present, and not ignored by the dialect or the document's vocabulary. */
  has(keyword: string): boolean;
  /** `schemaPath/keyword`: where a keyword is, for errors and subschema paths. */
  at(keyword: string): string;
  /** Fails with "<keyword> must be <expected>, got <what it is>" at the keyword's place. */
  invalid(keyword: string, expected: string): never;
  string(keyword: string): string;
  boolean(keyword: string): boolean;
  /** A finite number, into `node[keyword]`, when present. */
  number(keyword: NumericKeyword): void;
  /** A non-negative integer, into `node[keyword]`, when present. */
  count(keyword: NumericKeyword): void;
  /** `source`, checked to compile as a Unicode regular expression. */
  regex(keyword: string, source: string): string;
  /** A one-line warning at the keyword's place: the schema is read as written, but likely not as meant. */
  warn(keyword: string, text: string): void;
  /** A subschema at `schemaPath/tokens...` (inline, or hoisted past the inline depth limit). */
  sub(schema: unknown, ...tokens: string[]): IrSchema;
  schemaArray(keyword: string, nonEmpty?: boolean): IrSchema[];
  schemaMap(keyword: string): [string, IrSchema][];
  objectEntries(keyword: string): [string, unknown][];
  stringArray(keyword: string, value: unknown): string[];
  /** `$ref`: the named type it points to, or a boolean schema. */
  refName(ref: string): string | boolean;
  /** `$dynamicRef`/`$recursiveRef`: the static target's name, and the anchor when the reference is dynamic. */
  dynamicRefTarget(keyword: "$dynamicRef" | "$recursiveRef", ref: string): boolean | { name: string; anchor?: string };
  /** The dynamic anchors this schema brings into the dynamic scope (see IrNode.dynamicScope). */
  dynamicScope(): { anchor: string; type: string }[] | undefined;
  /**
   * OpenAPI's Discriminator Object on this schema (load/openapi/discriminator.ts): the tag property,
   * and each tag with the named type it picks (its mapping, else the branches' or `allOf` children's
   * component names). Undefined outside an OpenAPI document, or when no tag is found.
   */
  discriminator(): Omit<IrDiscriminator, "keyword"> | undefined;
}

/** What the reader asks of one keyword module. */
export interface KeywordReading {
  /** The IR fields the module fills (and owns: its guard check and diff rules read them). */
  readonly keywords: readonly IrKeyword[];
  /**
   * The JSON Schema keywords it reads that not every dialect defines → the dialects that do.
   * Elsewhere they are ignored, as JSON Schema ignores unknown keywords (`unevaluatedProperties`
   * in a draft-07 schema does nothing). Absent: every dialect defines them.
   */
  readonly dialects?: Readonly<Record<string, readonly Dialect[]>>;
  /** Read before every other keyword (references: up to draft-07 a `$ref` makes its siblings irrelevant). */
  readonly readFirst?: boolean;
  /** Reads its keywords of `r.schema` into `r.node`, checking every value; `"stop"`: the node's other keywords are not read. */
  read(r: KeywordReader): void | "stop";
}
