/**
 * JSDoc from a schema's annotations and constraints, so an editor's hover tells a user what the
 * schema says: description, examples, default, format, bounds, deprecation.
 */
import type { IrNode, IrSchema } from "../ir/model";
import { toTypeName } from "../ir/naming";
import { docComment, docText } from "./code";

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

/** A JSDoc block (`/** … *\/`) around the lines, made safe with docText(); one line stays on one line. */
export function docBlock(lines: readonly string[]): string {
  return docComment(lines).text;
}

function constraintTags(node: IrNode): string[] {
  const tags: string[] = [];
  if (node.format) tags.push(`@format ${node.format}`);
  const numeric = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"] as const;
  for (const key of numeric) if (node[key] !== undefined) tags.push(`@${key} ${node[key]}`);
  if (node.pattern !== undefined) tags.push(`@pattern ${node.pattern}`);
  if (node.uniqueItems) tags.push("@uniqueItems");
  return tags;
}
