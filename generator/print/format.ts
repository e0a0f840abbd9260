/**
 * prettier, through its standalone build with only the parser it needs: the full `prettier`
 * entry loads every language plugin, which a cold `generate` would pay for on every run.
 *
 * The parser is `babel-ts`: on generated modules it gives exactly what the `typescript` parser
 * gives (checked on every committed package and test fixture: 605 modules, no difference), and it
 * parses in about half the time, with a plugin a third the size to load (prettier is most of a cold
 * `generate` of every artifact). Should babel ever refuse a module, the `typescript` parser, loaded
 * then, formats it.
 */
import type { Options } from "prettier";

/**
 * `embeddedLanguageFormatting: "off"`: prettier otherwise asks, for every node it prints, whether it
 * holds code of another language (CSS, GraphQL, HTML or Markdown in a tagged or commented template
 * literal), which generated modules never do; off, a first format takes ~8 % less CPU (the same
 * text: test/print/format.test.ts compares every committed module and fixture with "auto").
 */
export const PRETTIER_OPTIONS: Options = { parser: "babel-ts", printWidth: 100, trailingComma: "all", endOfLine: "lf", embeddedLanguageFormatting: "off" };

type Prettier = { format(source: string, options: Options): Promise<string> };
let loaded: { prettier: Prettier; plugins: unknown[] } | undefined;

/** prettier and its babel and estree plugins, loaded on first use (or ahead of it: the format worker). */
export function loadPrettier(): { prettier: Prettier; plugins: unknown[] } {
  // Loaded on first use, so commands that format nothing do not pay for it.
  loaded ??= {
    prettier: require("prettier/standalone") as Prettier,
    plugins: [require("prettier/plugins/babel"), require("prettier/plugins/estree")],
  };
  return loaded;
}

export async function formatTypeScript(source: string, file: string): Promise<string> {
  const { prettier, plugins } = loadPrettier();
  try {
    return await prettier.format(source, { ...PRETTIER_OPTIONS, plugins: plugins as Options["plugins"] });
  } catch {
    try {
      return await prettier.format(source, { ...PRETTIER_OPTIONS, parser: "typescript", plugins: [require("prettier/plugins/typescript"), ...plugins] as Options["plugins"] });
    } catch (error) {
      // A syntax error here is a generator bug; keep the source so it can be inspected.
      throw new Error(`internal: prettier could not format generated ${file}: ${(error as Error).message}\n${source}`);
    }
  }
}
