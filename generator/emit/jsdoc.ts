/**
 * JSDoc from a schema's annotations and constraints, so an editor's hover tells a user what the
 * schema says: description, examples, default, format, bounds, deprecation.
 */
import type { IrKeyword, IrNode, IrSchema } from "../ir/model";
import { toTypeName } from "../ir/naming";
import { docComment, docText } from "./code";
import { KEYWORDS } from "./keywords/index";

/** `typeName`: a title that only repeats the type's own name says nothing and is left out. */
export function docsFor(schema: IrSchema, typeName?: string): string | undefined {
  if (typeof schema === "boolean") return undefined;
  const lines: string[] = [];
  const a = schema.annotations;
  if (a.title && !a.description && (typeName === undefined || toTypeName(a.title) !== typeName)) lines.push(a.title);
  if (a.description) lines.push(a.description);
  const tags = constraintTags(schema);
  if (a.default) tags.push(`@default ${JSON.stringify(a.default.value)}`);
  for (const example of a.examples ?? []) tags.push(`@example ${JSON.stringify(example)}`);
  if (a.deprecated) tags.push("@deprecated");
  if (a.readOnly) tags.push("@readonly");
  if (lines.length && tags.length) lines.push("");
  lines.push(...tags);
  return lines.length ? docText(lines.join("\n")) : undefined;
}

/** A JSDoc block around the lines, as text (for builders' structures): see code.ts's docComment. */
export function docBlock(lines: readonly string[]): string {
  return docComment(lines).text;
}

/**
 * The order hovers list constraint tags in; a keyword module's tag not listed here comes last.
 * Which keywords have a tag is each module's `jsdoc` (emit/keywords/).
 */
const TAG_ORDER: readonly IrKeyword[] = ["format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "pattern", "uniqueItems"];

const rank = (keyword: IrKeyword): number => (TAG_ORDER.includes(keyword) ? TAG_ORDER.indexOf(keyword) : TAG_ORDER.length);

/** Every keyword with a tag, in TAG_ORDER. */
export const TAGGED_KEYWORDS: readonly IrKeyword[] = KEYWORDS.flatMap((k) => k.jsdoc ?? []).sort((a, b) => rank(a) - rank(b));

/** `@minimum 0`, `@format uuid`, `@uniqueItems`: what the node's tagged keywords say. */
function constraintTags(node: IrNode): string[] {
  const tags: string[] = [];
  for (const keyword of TAGGED_KEYWORDS) {
    const value = node[keyword];
    if (value === undefined || value === false) continue;
    tags.push(value === true ? `@${keyword}` : `@${keyword} ${String(value)}`);
  }
  return tags;
}
