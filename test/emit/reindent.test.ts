import * as ts from "typescript";
import { reindent } from "../../generator/print/reindent";

/** The code with all whitespace outside tokens normalized: what the TypeScript printer makes of it. */
function printed(source: string): string {
  const file = ts.createSourceFile("x.ts", source, ts.ScriptTarget.ES2022, true);
  return ts.createPrinter({ removeComments: false }).printFile(file);
}

const SOURCE = [
  "/** doc with { and ( */",
  "export function isX(value: unknown): value is X {",
  "if (!(typeof value === \"object\" && value !== null)) return false;",
  "const s = \"}}}\" + '((' + `[[`;",
  "for (let i = 0; i < 3; i++) {",
  "if ([1, 2].includes(i)) {",
  "// a comment with }",
  "continue;",
  "}",
  "}",
  "/*",
  " * block { comment",
  " */",
  "return check(",
  "value,",
  ");",
  "}",
].join("\n");

test("indents by bracket depth, two spaces a level, ignoring brackets in strings and comments", () => {
  expect(reindent(SOURCE)).toBe(
    [
      "/** doc with { and ( */",
      "export function isX(value: unknown): value is X {",
      '  if (!(typeof value === "object" && value !== null)) return false;',
      "  const s = \"}}}\" + '((' + `[[`;",
      "  for (let i = 0; i < 3; i++) {",
      "    if ([1, 2].includes(i)) {",
      "      // a comment with }",
      "      continue;",
      "    }",
      "  }",
      "  /*",
      "   * block { comment",
      "   */",
      "  return check(",
      "    value,",
      "  );",
      "}",
    ].join("\n"),
  );
});

test("changes nothing but whitespace: the code prints the same", () => {
  expect(printed(reindent(SOURCE))).toBe(printed(SOURCE));
});
