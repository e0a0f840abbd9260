/**
 * `groupXItems(entries)`: a mixed list of items, each with the identity it belongs to (for Koala: the
 * person, `profile_id` and/or `email`), becomes ready-to-send requests — one per identity, each
 * item in its array, split with `chunkX`. An item finds its array by the schema's discriminator
 * when the item types have one, else by the item types' guards.
 */
import { code, docComment, id, join, literal, optionalMember, ts, typeCode, type Code } from "../code";
import { exportedFunction, exportedType, type BuilderStatement } from "../declared";
import { isNode, type IrSchema } from "../../ir/model";
import { typeOf } from "../types";
import { unionType, UNKNOWN } from "../type-expression";
import { arrayProperties } from "./chunking";
import { findDiscriminated, itemTypeNames } from "./discriminators";
import { guardNames, type ModuleNames, withArticle } from "./names";
import type { ObjectInfo } from "./object-shape";
import type { IrModel } from "../../ir/model";
import type { StampKeys } from "./stamps";

export interface GroupPlan {
  group: string;
  chunk: string;
  identity: string;
  item: string;
  entry: string;
}

/** The type names for the grouping helper, or undefined when the root has no array to fill. */
export function planGrouping(root: ObjectInfo, group: string, chunk: string, names: ModuleNames): GroupPlan | undefined {
  if (itemArrays(root).length === 0) return undefined;
  return {
    group,
    chunk,
    identity: names.type(`${root.name}Identity`, `the identity part of ${root.name}`),
    item: names.type(`${root.name}Item`, `an item of ${root.name}`),
    entry: names.type(`${root.name}Entry`, `an entry of ${group}()`),
  };
}

/**
 * The arrays an item can be routed to: those whose items are named types (an item finds its
 * array by its type), or the only array there is. Other arrays belong to the identity.
 */
function itemArrays(root: ObjectInfo): { name: string; items: IrSchema | undefined; types: string[] }[] {
  const arrays = arrayProperties(root).map((a) => {
    const items = itemsOf(root, a.name);
    return { name: a.name, items, types: itemTypeNames(items) };
  });
  return arrays.length === 1 ? arrays : arrays.filter((a) => a.types.length > 0);
}

/** The identity, item and entry types, and the grouping function. */
export function emitGrouping(model: IrModel, root: ObjectInfo, objects: ReadonlyMap<string, ObjectInfo>, plan: GroupPlan): BuilderStatement[] {
  const arrays = itemArrays(root);
  const itemType = unionType(arrays.map((a) => (a.items === undefined ? UNKNOWN : typeOf(a.items))));

  const statements: BuilderStatement[] = [
    exportedType(
      docComment([`Who ${withArticle(root.name)} is about: every property but the item arrays.`]),
      code`export type ${id(plan.identity)} = runtime.Rest<${id(root.name)}, ${join(arrays.map((a) => literal(a.name)), " | ")}>;`,
    ),
    exportedType(docComment([`An item of any of the arrays of ${withArticle(root.name)}.`]), code`export type ${id(plan.item)} = ${typeCode(itemType)};`),
    exportedType(
      docComment([`An item and the identity it belongs to, for {@link ${plan.group}}.`]),
      code`export type ${id(plan.entry)} = runtime.IdentifiedItem<${id(plan.identity)}, ${id(plan.item)}>;`,
    ),
  ];

  const route = routeBody(model, root, objects, arrays);
  const doc = docComment([
    `Groups items by identity into requests: one per distinct identity (in order of first`,
    `appearance), each item in its array (${route.how}), split with {@link ${plan.chunk}}.`,
    `An invalid entry is named by its index and identity; \`options.onInvalid\` ("skip", or a`,
    `function that is told each one) leaves it out instead of throwing, so the others still go.`,
    ``,
    `@throws TypeError when an item fits none of the arrays.`,
    `@throws SchemaValidationError with the guard's errors when an entry is not valid.`,
  ]);
  statements.push(
    exportedFunction(
      doc,
      id(plan.group),
      [
        { name: code`entries`, type: code`Iterable<${id(plan.entry)}>` },
        { name: code`options`, type: code`runtime.GroupOptions<${id(plan.entry)}>`, optional: true },
      ],
      code`${id(root.name)}[]`,
      [code`  return runtime.groupByIdentity${ts`<${id(plan.identity)}, ${id(plan.item)}, ${id(root.name)}>`}(entries, ${route.arrow}, ${id(plan.chunk)}, options);`],
    ),
  );
  return statements;
}

/** What a batch queue needs of a root: how items find their array, each array's limit and stamps. */
export interface QueueShape {
  /** The routing function (item → array name), as `groupXItems` has it. */
  route: Code;
  /** The `isX` guards the route calls. */
  guards: string[];
  /** The item type: the union of the arrays' item types. */
  itemType: Code;
  arrays: { name: string; maxItems: number; stamps: StampKeys }[];
}

/** The queue shape of a root that has a `groupXItems`, else undefined. */
export function queueShape(model: IrModel, root: ObjectInfo, objects: ReadonlyMap<string, ObjectInfo>): QueueShape | undefined {
  const arrays = itemArrays(root);
  if (arrays.length === 0) return undefined;
  const route = routeBody(model, root, objects, arrays);
  const limits = new Map(arrayProperties(root).map((a) => [a.name, a.maxItems]));
  const itemType = typeCode(unionType(arrays.map((a) => (a.items === undefined ? UNKNOWN : typeOf(a.items)))));
  const guards = [...new Set(arrays.flatMap((a) => a.types.map((t) => guardNames(t).is)))].filter((g) => route.arrow.text.includes(`${g}(`));
  return {
    route: route.arrow,
    guards,
    itemType,
    arrays: arrays.map((a) => {
      // An item type's stamps: the same the builders fill (`createX(input, { idempotencyKey, timestamp })`).
      // Several item types in one array: only stamps they all have alike.
      const all = a.types.map((t) => JSON.stringify(objects.get(t)?.stamps ?? {}));
      const stamps: StampKeys = all.length > 0 && all.every((x) => x === all[0]) ? (objects.get(a.types[0]!)?.stamps ?? {}) : {};
      return { name: a.name, maxItems: limits.get(a.name) ?? Infinity, stamps };
    }),
  };
}

interface Route {
  how: string;
  /** The routing function: item → the name of its array. */
  arrow: Code;
}

function routeBody(model: IrModel, root: ObjectInfo, objects: ReadonlyMap<string, ObjectInfo>, arrays: { name: string; types: string[] }[]): Route {
  if (arrays.length === 1) return { how: code`always ${arrays[0]!.name}`.text, arrow: code`() => ${arrays[0]!.name}` };
  const arrayOf = (type: string): string => arrays.find((a) => a.types.includes(type))!.name;
  // The root's own discriminator: found the same way short builder names are.
  const discriminated = findDiscriminated({ ...model, types: model.types.filter((t) => t.name === root.name) }, objects);
  const lines: Code[] = [];
  let how: string;
  if (discriminated.length > 0 && discriminated.every((d) => arrays.some((a) => a.types.includes(d.type)))) {
    const property = discriminated[0]!.property;
    how = `by \`${property}\``;
    lines.push(code`switch (${optionalMember(code`item`, property)}) {`, ...discriminated.map((d) => code`  case ${d.value}:\n    return ${arrayOf(d.type)};`), code`  default:`, code`    return undefined;`, code`}`);
  } else {
    how = "by the first item type whose guard accepts it";
    // One line per guard, the first array it routes to winning (as the set of texts did).
    const routed = new Map<string, Code>();
    for (const a of arrays) for (const t of a.types) {
      const line = code`if (${id(guardNames(t).is)}(item)) return ${a.name};`;
      if (!routed.has(line.text)) routed.set(line.text, line);
    }
    lines.push(...routed.values(), code`return undefined;`);
  }
  return { how, arrow: code`(item) => {\n${join(lines.map((l) => code`  ${l}`), "\n")}\n}` };
}

function itemsOf(root: ObjectInfo, name: string): IrSchema | undefined {
  const property = root.properties.find((p) => p.name === name);
  return property && isNode(property.schema) ? property.schema.items : undefined;
}
