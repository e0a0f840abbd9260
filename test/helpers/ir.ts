import { fromJsonSchema, type NormalizeOptions } from "../../generator/ir/from-json-schema";
import { KEYWORDS } from "../../generator/emit/keywords/index";
import { namesDerivedFrom } from "../../generator/emit/index";
import type { IrModel } from "../../generator/ir/model";
import { loadSchema } from "../../generator/load/load-schema";

/** Schema object → IR, the way generate() does it. */
export async function irOf(schema: object, options: NormalizeOptions = {}): Promise<IrModel> {
  return fromJsonSchema(await loadSchema(schema), KEYWORDS, { derivedNames: namesDerivedFrom, ...options });
}
