/**
 * EmittedModule.typesOnly: the pipeline builds a flagged module's JavaScript as an empty module's
 * without reading it (print/build-dist.ts, buildTypesOnlyScripts), so the flag must say exactly
 * which modules hold no code: here, every module of every emitter, compiled by esbuild itself.
 */
import { transformSync } from "esbuild";
import * as path from "node:path";
import { EMITTERS } from "../../generator/emit/index";
import type { EmitOptions } from "../../generator/emit/emitter";
import { fromJsonSchema } from "../../generator/ir/from-json-schema";
import { KEYWORDS } from "../../generator/emit/keywords/index";
import { loadSchema } from "../../generator/load/load-schema";
import { printModule } from "../../generator/print/print-module";
import { REPO_ROOT } from "../helpers/paths";

test("a module is flagged typesOnly exactly when esbuild compiles it to no code", async () => {
  const schema = path.join(REPO_ROOT, "schemas", "koala-profile-batch-request.schema.json");
  const model = fromJsonSchema(await loadSchema(schema, {}), KEYWORDS, { reservedNames: [], nameCollisions: "suffix" });
  const options: EmitOptions = { artifacts: ["types", "guards", "builders", "client"], formats: "assert", endpoints: { [model.rootName]: "/batch" }, client: { userAgent: "test" } };
  const seen: [string, boolean][] = [];
  for (const emitter of EMITTERS) {
    for (const module of emitter.emit({ model, options })) {
      const { text } = printModule({ path: module.path, header: "", statements: module.statements, declarations: module.declarations });
      const code = transformSync(text, { loader: "ts", format: "esm" }).code.trim();
      expect([module.path, module.typesOnly === true]).toEqual([module.path, code === ""]);
      seen.push([module.path, module.typesOnly === true]);
    }
  }
  // Both kinds are checked: types.ts and transport.ts hold types only; guards, builders and the client hold code.
  expect(seen.filter(([, only]) => only).map(([p]) => p).sort()).toEqual(["transport.ts", "types.ts"]);
  expect(seen.filter(([, only]) => !only).length).toBeGreaterThanOrEqual(3);
});
