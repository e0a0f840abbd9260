/**
 * Short builders (`track(event, properties?, options?)`) for the item types the schema's
 * discriminators name (see `discriminators.ts`). Arguments, derived from the type alone:
 *  1. every required property that is not a constant or defaulted, in schema order (at most two);
 *  2. if none of those is a string: the one plain optional string property, if there is exactly one;
 *  3. the one optional object property, if there is exactly one;
 *  4. `options`: every other property, plus the stamp options.
 * A name that is not unique (another item type, a generated function, a reserved word) is not
 * used: that type keeps only `createX`, and a comment in the module says why. The config's
 * `shortBuilders` names them instead of the discriminators (or `false`: none).
 */
import { code, docComment, id, join, literal, objectKey, type Code } from "../code";
import { exportedFunction, exportedType, type BuilderStatement, type Parameter } from "../declared";
import { toPascalCase, toValueName } from "../../ir/naming";
import { findDiscriminated, isUsableShortName, type Discriminated } from "./discriminators";
import { withArticle, type ModuleNames } from "./names";
import { hasSingleType, type PropertyInfo } from "./object-shape";
import type { ObjectBuilder } from "./object-builders";
import type { ShortBuilderSettings } from "../emitter";

export interface ShortBuilder {
  name: string;
  builder: ObjectBuilder;
  /** The schema's discriminator of the type, when it has one (always, for a name found from it). */
  discriminator?: Discriminated;
  positional: { property: PropertyInfo; param: string; optional: boolean }[];
  options: { type: string; required: boolean; stamps: boolean };
}

export interface ShortBuilderPlan {
  builders: ShortBuilder[];
  /** One line per discriminated type that got no short name, for a comment in the module. */
  skipped: string[];
}

/** Decides the short builders: names (with clash fallback) and arguments. */
export function planShortBuilders(
  model: Parameters<typeof findDiscriminated>[0],
  builders: ReadonlyMap<string, ObjectBuilder>,
  names: ModuleNames,
  settings?: ShortBuilderSettings,
): ShortBuilderPlan {
  if (settings === false) return { builders: [], skipped: [] };
  const infos = new Map([...builders].map(([name, b]) => [name, b.info]));
  const found = findDiscriminated(model, infos);
  const wanted = new Map<string, { name: string; discriminator?: Discriminated }[]>();
  const skipped: string[] = [];
  if (settings !== undefined) {
    for (const [type, name] of Object.entries(settings)) {
      if (builders.has(type)) wanted.set(type, [{ name, discriminator: found.find((d) => d.type === type) }]);
      else skipped.push(`${type}: named by the config's shortBuilders, but it is not an object type of this package`);
    }
  } else {
    for (const d of found) {
      const list = wanted.get(d.type) ?? [];
      if (!list.some((x) => x.name === d.name)) list.push({ name: d.name, discriminator: d });
      wanted.set(d.type, list);
    }
  }
  const byName = new Map<string, string[]>();
  for (const [type, list] of wanted) {
    if (list.length > 1) {
      skipped.push(`${type}: the schema suggests several short names (${list.map((d) => d.name).join(", ")})`);
      continue;
    }
    byName.set(list[0]!.name, [...(byName.get(list[0]!.name) ?? []), type]);
  }
  const result: ShortBuilder[] = [];
  for (const [name, types] of byName) {
    const reason = types.length > 1 ? `"${name}" would name ${types.join(" and ")}` : !isUsableShortName(name) ? `"${name}" is not a usable function name` : names.hasValue(name) ? `"${name}" is already taken` : undefined;
    if (reason) {
      for (const type of types) skipped.push(`${type}: ${reason}; use ${builders.get(type)!.create}`);
      continue;
    }
    names.takeValue(name);
    const builder = builders.get(types[0]!)!;
    result.push(shortBuilder(name, builder, wanted.get(types[0]!)![0]!.discriminator, names));
  }
  return { builders: result, skipped };
}

function shortBuilder(name: string, builder: ObjectBuilder, discriminator: Discriminated | undefined, names: ModuleNames): ShortBuilder {
  const candidates = builder.info.properties.filter((p) => !p.constant && p.name !== builder.info.stamps.idempotencyKey && p.name !== builder.info.stamps.timestamp);
  const required = candidates.filter((p) => p.required && !p.default);
  const positional: PropertyInfo[] = [];
  // More than two required values read better by name, in the (then required) options object.
  if (required.length <= 2) {
    positional.push(...required);
    const optional = candidates.filter((p) => !p.required);
    if (!positional.some((p) => hasSingleType(p.schema, "string"))) {
      const strings = optional.filter((p) => hasSingleType(p.schema, "string") && p.schema.format === undefined);
      if (strings.length === 1) positional.push(strings[0]!);
    }
    const objects = optional.filter((p) => hasSingleType(p.schema, "object"));
    if (objects.length === 1) positional.push(objects[0]!);
  }

  // Parameter names: camelCase of the property, never one of the names the body uses.
  const used = new Set([builder.create, "options", "fields", "idempotencyKey", "timestamp", "undefined", "runtime"]);
  const params = positional.map((property) => {
    let param = toValueName(property.name);
    for (let n = 2; used.has(param); n++) param = `${toValueName(property.name)}${n}`;
    used.add(param);
    return { property, param, optional: !property.required };
  });
  const stampKeys = Object.keys(builder.info.stamps);
  // A stamp option that shares its name with a property of the type could not be told apart from it.
  // (stampKeys only ever holds these two option names, so checking them both covers it.)
  const stamps = stampKeys.length > 0 && !builder.info.properties.some((p) => p.name === "idempotencyKey" || p.name === "timestamp");
  const optionsRequired = required.some((p) => !positional.includes(p));
  const type = names.type(`${toPascalCase(name)}Options`, `the options of ${name}()`);
  return { name, builder, discriminator, positional: params, options: { type, required: optionsRequired, stamps } };
}

/** The options type and the function of one short builder. */
export function emitShortBuilder(short: ShortBuilder): BuilderStatement[] {
  const { builder, positional, options } = short;
  const typeName = builder.info.name;
  const omitted = positional.length ? join(positional.map((p) => literal(p.property.name)), " | ") : code`never`;
  const stampKeys = Object.keys(builder.info.stamps).sort();
  // A stamp the type does not have is `never`, so asking for it is an error rather than an extra field.
  const absent = ["idempotencyKey", "timestamp"].filter((k) => !stampKeys.includes(k));
  const stampType = absent.length ? code`${builder.stampOptions!} & { ${join(absent.map((k) => code`${id(k)}?: never`), "; ")} }` : builder.stampOptions!;
  const optionsType = options.stamps ? code`runtime.Rest<${id(builder.input)}, ${omitted}> & ${stampType}` : code`runtime.Rest<${id(builder.input)}, ${omitted}>`;
  const typeDoc = docComment([`The last argument of {@link ${short.name}}: the other properties of ${withArticle(typeName)}${options.stamps ? ", and the stamp options" : ""}.`]);

  const params: Parameter[] = positional.map((p) => ({ name: id(p.param), type: code`${id(typeName)}[${p.property.name}]`, optional: p.optional }));
  params.push({ name: code`options`, type: id(options.type), optional: !options.required });
  const fields = positional.map((p) => (objectKey(p.property.name).text === p.param ? id(p.param) : code`${objectKey(p.property.name)}: ${id(p.param)}`));
  const body: Code[] = [];
  if (options.stamps) {
    // Both stamp options are left out of the fields, even one the type lacks: it must never reach the payload.
    const access = options.required ? code`options.` : code`options?.`;
    const stampOptions = join(stampKeys.map((k) => code`${id(k)}: ${access}${id(k)}`), ", ");
    body.push(code`return ${id(builder.create)}(runtime.fields(options, { ${join(fields, ", ")} }, true), { ${stampOptions} });`);
  } else {
    body.push(code`return ${id(builder.create)}(runtime.fields(options, { ${join(fields, ", ")} }));`);
  }
  const doc = [
    `Builds ${withArticle(typeName)}${short.discriminator ? ` (\`${short.discriminator.property}: ${JSON.stringify(short.discriminator.value)}\`)` : ""}: shorthand for {@link ${builder.create}}.`,
    "",
    "@throws SchemaValidationError with the guard's errors when the result is not valid.",
  ];
  return [
    exportedType(typeDoc, code`export type ${id(options.type)} = ${optionsType};`),
    exportedFunction(
      docComment(doc),
      id(short.name),
      params,
      id(typeName),
      body.map((b) => code`  ${b}`),
    ),
  ];
}
