/**
 * The in-memory loader the mock server runs its guards with (generator/run-generated.ts): a module
 * TypeScript's transpileModule cannot take, its binder running out of stack on a chain of thousands
 * of `||` operands, is transpiled by esbuild instead, and runs the same.
 */
import { loadGenerated } from "../../generator/run-generated";

test("a 20,000-operand || chain loads and runs", () => {
  const operands = Array.from({ length: 20_000 }, (_, i) => `value === ${i}`).join(" || ");
  const exports = loadGenerated([
    { path: "src/guards.ts", contents: `import { twice } from "./twice.js";\nexport function isSmall(value: unknown): boolean {\n  return ${operands};\n}\nexport const four: number = twice(2);\n` },
    { path: "src/twice.ts", contents: "export const twice = (n: number): number => n * 2;\n" },
  ]);
  const isSmall = exports.isSmall as (value: unknown) => boolean;
  expect([isSmall(0), isSmall(19_999), isSmall(20_000), isSmall("0")]).toEqual([true, true, false, false]);
  expect(exports.four).toBe(4);
});
