import { generate, type GenerateOptions } from "../../generator/index";

/** One generated source module's text without its three-line header, for readable snapshots. */
export async function moduleText(schema: object, module = "types.ts", options: Partial<GenerateOptions> = {}): Promise<string> {
  const { files } = await generate({ schema, emit: ["types"], build: false, ...options });
  const file = files.find((f) => f.path === `src/${module}`);
  if (!file) throw new Error(`no src/${module} among ${files.map((f) => f.path).join(", ")}`);
  return file.contents.split("\n").slice(4).join("\n");
}
