/**
 * The in-memory loader the mock server runs its guards with (generator/run-generated.ts): a module
 * TypeScript's transpileModule cannot take, its binder running out of stack on a chain of thousands
 * of `||` operands, is transpiled by esbuild instead, and runs the same.
 *
 * Which transpiler ran shows in the exports: TypeScript's CommonJS assigns `exports.name = ...`
 * (data properties), esbuild's defines them as getters (`__export`); so the test sees that the
 * fallback really ran, and would fail, not pass vacuously, if transpileModule took the module.
 */
import { ts } from "ts-morph";
import { loadGenerated } from "../../generator/run-generated";

const operands = Array.from({ length: 20_000 }, (_, i) => `value === ${i}`).join(" || ");
const files = [
  { path: "src/guards.ts", contents: `import { twice } from "./twice.js";\nexport function isSmall(value: unknown): boolean {\n  return ${operands};\n}\nexport const four: number = twice(2);\n` },
  { path: "src/twice.ts", contents: "export const twice = (n: number): number => n * 2;\n" },
];
const transpiledBy = (exports: Record<string, unknown>, name: string): string => (Object.getOwnPropertyDescriptor(exports, name)?.get !== undefined ? "esbuild" : "typescript");

test("transpileModule itself cannot take the 20,000-operand module (a RangeError): the case the fallback is for", () => {
  expect(() => ts.transpileModule(files[0]!.contents, { fileName: files[0]!.path, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } })).toThrow(RangeError);
});

test("a 20,000-operand || chain loads and runs, transpiled by esbuild; its small import by transpileModule", () => {
  const exports = loadGenerated(files);
  const isSmall = exports.isSmall as (value: unknown) => boolean;
  expect([isSmall(0), isSmall(19_999), isSmall(20_000), isSmall("0")]).toEqual([true, true, false, false]);
  expect(exports.four).toBe(4);
  expect(transpiledBy(exports, "isSmall")).toBe("esbuild");
  // The same observation tells the usual path apart: a small module goes through transpileModule.
  const small = loadGenerated(files, "src/twice.ts");
  expect((small.twice as (n: number) => number)(3)).toBe(6);
  expect(transpiledBy(small, "twice")).toBe("typescript");
});
