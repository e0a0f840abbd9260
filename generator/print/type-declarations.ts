/**
 * The types module's declarations (interfaces and type aliases) as text, exactly as ts-morph's
 * `printStructure` prints the same structures, without ts-morph: loading it loads TypeScript's
 * stand-in and @ts-morph/common, and its printer makes a writer per type text, each scanned twice.
 * On stripe's 1.9 MB types.ts that printer was ~0.2 s of the other thread's time, the load ~0.05 s
 * more; a cold `generate` of the Koala schema loaded ts-morph for this alone.
 *
 * {@link DeclarationWriter} is the part of code-block-writer (ts-morph's writer) these declarations
 * use, with its state: where a line starts it indents, unless it believes the line is inside a
 * string. It reads every character it writes for quotes, comments and what looks like a regular
 * expression, as code-block-writer does, quirks included (a string literal that ends in an escaped
 * backslash, `"\\"`, is still open to it until the line ends), so the text is the same byte for byte.
 * test/print/type-declarations.test.ts holds the two equal on real schemas and generated input.
 */

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
 * Each exported declaration's text, as printStructure prints them one after another as a source
 * file's statements, a blank line between them (print-module.ts's separateDeclarations): what the
 * writer believes at the end of one declaration carries into the next, as it does there.
 */
export function printTypeDeclarations(declarations: readonly TypeDeclaration[]): string[] {
  const writer = new DeclarationWriter();
  return declarations.map((declaration, i) => {
    // The end of the previous declaration's line and the blank line after it.
    if (i > 0) writer.passNewLines(2);
    writer.closeComment();
    writer.docs(declaration.docs);
    if (declaration.kind === "alias") {
      writer.write(`export type ${declaration.name}`);
      writer.typed(" =", declaration.type);
      writer.write(";");
    } else {
      writer.write(`export interface ${declaration.name}`);
      writer.write(" ");
      writer.inlineBlock(() => {
        if (declaration.index !== undefined) {
          writer.separateMembers();
          writer.closeComment();
          writer.write("[key: string]");
          writer.typed(":", declaration.index);
          writer.write(";");
        }
        if (declaration.properties.length > 0) writer.separateMembers();
        declaration.properties.forEach((property, j) => {
          if (j > 0) writer.newLine();
          writer.closeComment();
          writer.docs(property.docs);
          writer.write(property.name);
          if (property.optional) writer.write("?");
          writer.typed(":", property.type);
          writer.write(";");
        });
      });
    }
    return writer.take();
  });
}

const NEW_LINE = 10;
const CARRIAGE_RETURN = 13;
const BACK_SLASH = 92;
const SLASH = 47;
const ASTERISK = 42;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACK_TICK = 96;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const DOLLAR = 36;
const SPACE = 32;
/** No character yet (code-block-writer's `undefined`). */
const NONE = -1;

/** The characters that can change what the writer believes (code-block-writer's isCharToHandle). */
const HANDLED = new Set([BACK_SLASH, SLASH, NEW_LINE, CARRIAGE_RETURN, ASTERISK, DOUBLE_QUOTE, SINGLE_QUOTE, BACK_TICK, OPEN_BRACE, CLOSE_BRACE]);

const INDENTATION = "    ";
const LINE_BREAK = /\r?\n/;

const enum Comment {
  None,
  Line,
  Star,
}

/** code-block-writer's CodeBlockWriter with printStructure's options (4 spaces, "\n"), for what the declarations write. */
class DeclarationWriter {
  private parts: string[] = [];
  private last = NONE;
  private beforeLast = NONE;
  private level = 0;
  private queued: number | undefined;
  private firstLineOfBlock = true;
  private readonly strings: number[] = [];
  private comment = Comment.None;
  private inRegex = false;

  /** The text written since the last call. */
  take(): string {
    const text = this.parts.join("");
    this.parts = [];
    return text;
  }

  /** What `count` line breaks written elsewhere (between statements) do to the writer's state. */
  passNewLines(count: number): void {
    for (let i = 0; i < count; i++) {
      this.endLine();
      this.last = this.beforeLast = NEW_LINE;
    }
  }

  write(text: string): void {
    if (text.length === 0) return this.individual("");
    const lines = text.split(LINE_BREAK);
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) this.newLine();
      if (lines[i]!.length > 0) this.individual(lines[i]!);
    }
  }

  newLine(): void {
    this.endLine();
    this.put("\n");
  }

  /** ts-morph's TypedNodeStructurePrinter: `<separator> <type>`, its later lines one level deeper. */
  typed(separator: string, type: string): void {
    if (type.trim() === "") return;
    const saved = { level: this.level, queued: this.queued };
    this.queued = this.level + 1;
    try {
      this.write(`${separator} ${type}`);
    } finally {
      this.level = saved.level;
      this.queued = saved.queued;
    }
  }

  inlineBlock(block: () => void): void {
    this.write("{");
    if (this.last !== NONE) this.newLineIfLastNot();
    this.level++;
    this.firstLineOfBlock = true;
    block();
    this.firstLineOfBlock = false;
    this.level = Math.max(0, this.level - 1);
    this.newLineIfLastNot();
    this.write("}");
  }

  /** ts-morph's TypeElementMemberedNodeStructurePrinter's separator before a kind of member. */
  separateMembers(): void {
    if (!(this.firstLineOfBlock && (this.lastIsNewLine() || this.last === NONE))) this.newLine();
  }

  /** ts-morph's JSDocStructurePrinter, one doc comment, then a line break. */
  docs(text: string | undefined): void {
    if (text === undefined) return;
    this.closeComment();
    const lines = text.split(LINE_BREAK);
    const start = lines[0]!.length === 0 ? 1 : 0;
    const singleLine = lines.length <= 1;
    this.write("/**");
    if (singleLine) {
      this.write(" ");
      this.write(lines[start] ?? "");
    } else {
      this.newLine();
      for (let i = start; i < lines.length; i++) {
        this.write(" *");
        if (lines[i]!.length > 0) this.write(` ${lines[i]}`);
        this.newLine();
      }
    }
    if (this.last !== SPACE) this.write(" ");
    this.write("*/");
    this.newLine();
  }

  /** Ends a comment the writer believes open (NodePrinter.printText calls it before each node). */
  closeComment(): void {
    if (this.comment === Comment.Line) this.newLine();
    else if (this.comment === Comment.Star) {
      if (!this.lastIsNewLine() && this.last !== SPACE) this.write(" ");
      this.write("*/");
    }
  }

  private newLineIfLastNot(): void {
    if (!this.lastIsNewLine()) this.newLine();
  }

  private lastIsNewLine(): boolean {
    return this.last === NEW_LINE || this.last === CARRIAGE_RETURN;
  }

  private inString(): boolean {
    return this.strings.length > 0 && this.strings[this.strings.length - 1] !== OPEN_BRACE;
  }

  /** code-block-writer's _baseWriteNewline, but the writing: a line comment ends, so does a quoted string. */
  private endLine(): void {
    if (this.comment === Comment.Line) this.comment = Comment.None;
    const top = this.strings[this.strings.length - 1];
    if ((top === DOUBLE_QUOTE || top === SINGLE_QUOTE) && this.last !== BACK_SLASH) this.strings.pop();
    this.firstLineOfBlock = false;
    if (this.queued !== undefined) {
      this.level = this.queued;
      this.queued = undefined;
    }
  }

  /** One line's text (no line break in it): indented where a line starts, unless in a string. */
  private individual(text: string): void {
    if (!this.inString() && (this.lastIsNewLine() || this.last === NONE)) this.put(INDENTATION.repeat(this.level));
    this.scan(text);
    this.put(text);
  }

  private put(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    if (text.length >= 2) {
      this.beforeLast = text.charCodeAt(text.length - 2);
      this.last = text.charCodeAt(text.length - 1);
    } else {
      this.beforeLast = this.last;
      this.last = text.charCodeAt(0);
    }
  }

  /** code-block-writer's _updateInternalState: strings, comments and regular expressions, as it sees them. */
  private scan(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const current = text.charCodeAt(i);
      if (!HANDLED.has(current)) continue;
      const past = i === 0 ? this.last : text.charCodeAt(i - 1);
      const pastPast = i === 0 ? this.beforeLast : i === 1 ? this.last : text.charCodeAt(i - 2);
      if (this.inRegex) {
        if ((past === SLASH && pastPast !== BACK_SLASH) || past === NEW_LINE) this.inRegex = false;
        else continue;
      } else if (!this.inString() && this.comment === Comment.None && past === SLASH && current !== SLASH && current !== ASTERISK && pastPast !== ASTERISK && pastPast !== SLASH) {
        this.inRegex = true;
        continue;
      }
      if (!this.inString()) {
        if (this.comment === Comment.None && past === SLASH && current === SLASH) this.comment = Comment.Line;
        else if (this.comment === Comment.None && past === SLASH && current === ASTERISK) this.comment = Comment.Star;
        else if (this.comment === Comment.Star && past === ASTERISK && current === SLASH) this.comment = Comment.None;
      }
      if (this.comment !== Comment.None) continue;
      const top = this.strings.length === 0 ? undefined : this.strings[this.strings.length - 1];
      if (past !== BACK_SLASH && (current === DOUBLE_QUOTE || current === SINGLE_QUOTE || current === BACK_TICK)) {
        if (top === current) this.strings.pop();
        else if (top === OPEN_BRACE || top === undefined) this.strings.push(current);
      } else if (pastPast !== BACK_SLASH && past === DOLLAR && current === OPEN_BRACE && top === BACK_TICK) {
        this.strings.push(current);
      } else if (current === CLOSE_BRACE && top === OPEN_BRACE) {
        this.strings.pop();
      }
    }
  }
}
