/**
 * The types module's declarations (interfaces and type aliases) as text, exactly as ts-morph's
 * `printStructure` prints the same structures: ts-morph's own writer (code-block-writer), driven as
 * its structure printers drive it, without loading ts-morph. Loading ts-morph loads TypeScript's
 * stand-in and @ts-morph/common (~0.05 s), and its printer, for each structure, goes through a
 * factory of printers and writes every type text twice, once into a writer of its own: on stripe's
 * 1.9 MB types.ts ~0.15 s. A cold `generate` of the Koala schema loaded ts-morph for this alone.
 * test/print/type-declarations.test.ts holds the two equal on real schemas and generated input.
 */
import CodeBlockWriter from "code-block-writer";

/** An interface member: `name?: type;` with its doc comment. */
export interface PropertyDeclaration {
  /** The key as written: bare or quoted (emit/type-expression.ts's keyCode). */
  name: string;
  type: string;
  optional: boolean;
  docs?: string | undefined;
}

export type TypeDeclaration =
  | { kind: "interface"; name: string; docs?: string | undefined; properties: PropertyDeclaration[]; index?: string | undefined }
  | { kind: "alias"; name: string; docs?: string | undefined; type: string };

/**
 * The declarations as printStructure prints them as a source file's statements (all exported), a
 * blank line between two: one text, from one writer, so that what the writer believes at the end of
 * a declaration (a string it takes for open) carries into the next as it does there.
 */
export function printTypeDeclarations(declarations: readonly TypeDeclaration[]): string {
  // printStructure's writer options: four spaces, "\n".
  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 4, newLine: "\n" });
  for (const declaration of declarations) {
    // StatementStructurePrinter, then NodePrinter.printText.
    if (writer.getLength() > 0) writer.blankLineIfLastNot();
    writer.closeComment();
    writeDeclaration(writer, declaration);
  }
  return writer.toString();
}

function writeDeclaration(writer: CodeBlockWriter, declaration: TypeDeclaration): void {
  writeDocs(writer, declaration.docs);
  if (declaration.kind === "alias") {
    writer.write(`export type ${declaration.name}`);
    writeTyped(writer, " =", declaration.type);
    writer.write(";");
    return;
  }
  writer.write(`export interface ${declaration.name} `);
  writer.inlineBlock(() => {
    // TypeElementMemberedNodeStructurePrinter: index signatures, then properties, a line break between kinds.
    if (declaration.index !== undefined) {
      separateMembers(writer);
      writer.closeComment();
      writer.write("[key: string]");
      writeTyped(writer, ":", declaration.index);
      writer.write(";");
    }
    if (declaration.properties.length > 0) separateMembers(writer);
    declaration.properties.forEach((property, i) => {
      writer.conditionalNewLine(i > 0);
      writer.closeComment();
      writeDocs(writer, property.docs);
      writer.write(property.name);
      writer.conditionalWrite(property.optional, "?");
      writeTyped(writer, ":", property.type);
      writer.write(";");
    });
  });
}

/** JSDocStructurePrinter: one doc comment, then a line break. */
function writeDocs(writer: CodeBlockWriter, text: string | undefined): void {
  if (text === undefined) return;
  writer.closeComment();
  const lines = text.split(/\r?\n/);
  const start = lines[0]!.length === 0 ? 1 : 0;
  writer.write("/**");
  if (lines.length <= 1) {
    writer.space();
    writer.write(lines[start] ?? "");
  } else {
    writer.newLine();
    for (let i = start; i < lines.length; i++) {
      writer.write(" *");
      if (lines[i]!.length > 0) writer.write(` ${lines[i]}`);
      writer.newLine();
    }
  }
  writer.spaceIfLastNot();
  writer.write("*/");
  writer.newLine();
}

/** TypedNodeStructurePrinter: `<separator> <type>`, its later lines one level deeper. */
function writeTyped(writer: CodeBlockWriter, separator: string, type: string): void {
  if (type.trim() === "") return;
  writer.hangingIndent(() => writer.write(`${separator} ${type}`));
}

function separateMembers(writer: CodeBlockWriter): void {
  if (!writer.isAtStartOfFirstLineOfBlock()) writer.newLine();
}
