/**
 * `createX(input)` for every object type: constants (`const`) filled in, `default`s applied where
 * the input has no value, stamps on request, and the result checked by the generated `assertX`,
 * so a builder returns a valid `X` or throws the guard's `SchemaValidationError`.
 *
 * The input type is derived from the generated type (`BuilderInput<X, "type">`), not re-spelled:
 * everything but the constants and defaults keeps exactly the type `types.ts` gives it.
 */
import { code, docComment, id, join, literal, objectKey, type Code } from "../code";
import { exportedFunction, exportedType, type BuilderStatement, type Parameter } from "../declared";
import { createName, guardNames, type ModuleNames, withArticle } from "./names";
import type { ObjectInfo } from "./object-shape";

export interface ObjectBuilder {
  info: ObjectInfo;
  /** `createX`. */
  create: string;
  /** The input type: `XInput` when it differs from `X`, else `X` itself. */
  input: string;
  /** The `Pick<runtime.StampOptions, ...>` type of the options argument, when the type has stamps. */
  stampOptions?: Code;
}

/** Plans the names of one type's builder (before any code is written, so short builders can refer to them). */
export function planObjectBuilder(info: ObjectInfo, names: ModuleNames): ObjectBuilder {
  const create = createName(info.name);
  if (!names.takeValue(create)) throw new Error(`internal: ${create} is already taken`);
  const loosened = info.properties.some((p) => p.constant || (p.required && p.default));
  const input = loosened ? names.type(`${info.name}Input`, `the builder input of ${info.name}`) : info.name;
  const stampKeys = Object.keys(info.stamps).sort();
  const stampOptions = stampKeys.length ? code`Pick<runtime.StampOptions, ${join(stampKeys.map(literal), " | ")}>` : undefined;
  return { info, create, input, stampOptions };
}

/** The `XInput` alias (if any) and `createX` for one object type. */
export function emitObjectBuilder(builder: ObjectBuilder): BuilderStatement[] {
  const { info } = builder;
  const statements: BuilderStatement[] = [];
  const fixed = info.properties.filter((p) => p.constant);
  const defaulted = info.properties.filter((p) => !p.constant && p.default && p.required);
  if (builder.input !== info.name) {
    const keys = (list: typeof fixed): Code => (list.length ? join(list.map((p) => literal(p.name)), " | ") : code`never`);
    const docs = docComment([`What {@link ${builder.create}} takes: ${withArticle(info.name)} whose constants${defaulted.length ? " and defaulted properties" : ""} may be left out.`]);
    const defaultedArg = defaulted.length ? code`, ${keys(defaulted)}` : code``;
    statements.push(exportedType(docs, code`export type ${id(builder.input)} = runtime.BuilderInput<${id(info.name)}, ${keys(fixed)}${defaultedArg}>;`));
  }

  // Constants first, then defaults, then the input: a default never hides a value, and a wrong
  // constant passed in by untyped code reaches the guard instead of being silently replaced.
  const filled: Code[] = [
    ...fixed.map((p) => code`${objectKey(p.name)}: ${literal(p.constant!.value)}`),
    ...info.properties.filter((p) => !p.constant && p.default).map((p) => code`${objectKey(p.name)}: ${literal(p.default!.value)}`),
  ];
  const object = filled.length ? code`{ ${join([...filled, code`...runtime.defined(input)`], ", ")} }` : code`runtime.defined(input)`;
  const value = builder.stampOptions ? code`runtime.stamped(${object}, options, ${stampKeysObject(info)})` : object;
  const params: Parameter[] = [{ name: code`input`, type: id(builder.input) }];
  if (builder.stampOptions) params.push({ name: code`options`, type: builder.stampOptions, optional: true });
  const assert = guardNames(info.name).assert;
  statements.push(
    exportedFunction(createDocs(builder), id(builder.create), params, id(info.name), [
      code`  const value = ${value};`,
      code`  ${id(assert)}(value);`,
      code`  return value;`,
    ]),
  );
  return statements;
}

function stampKeysObject(info: ObjectInfo): Code {
  const entries = Object.entries(info.stamps).sort(([a], [b]) => (a < b ? -1 : 1));
  return code`{ ${join(entries.map(([option, key]) => code`${id(option)}: ${key}`), ", ")} }`;
}

function createDocs(builder: ObjectBuilder): Code {
  const { info } = builder;
  const lines = [`Builds ${withArticle(info.name)} and checks it against the schema.`];
  const fixed = info.properties.filter((p) => p.constant);
  if (fixed.length) lines.push(`Fills in ${fixed.map((p) => `\`${p.name}: ${JSON.stringify(p.constant!.value)}\``).join(", ")}.`);
  const defaults = info.properties.filter((p) => !p.constant && p.default);
  if (defaults.length) lines.push(`Defaults: ${defaults.map((p) => `\`${p.name}: ${JSON.stringify(p.default!.value)}\``).join(", ")}.`);
  if (info.stamps.idempotencyKey) lines.push(`\`options.idempotencyKey\` fills \`${info.stamps.idempotencyKey}\` with \`crypto.randomUUID()\` when the input has none.`);
  if (info.stamps.timestamp) lines.push(`\`options.timestamp\` fills \`${info.stamps.timestamp}\` with now (or the given Date) when the input has none.`);
  lines.push("", "@throws SchemaValidationError with the guard's errors when the result is not valid.");
  return docComment(lines);
}
