/**
 * compileSchema: one subschema → statements in the current scope. The `type` keyword first (it
 * narrows the value for everything after it), then each JSON type's keywords behind one type
 * test, then the keywords that apply to any instance, then unevaluated*.
 */
import { code, ts, type Code } from "../code";
import type { IrNode, IrSchema, JsonType, JsonValue } from "../../ir/model";
import { checksIndex, type Applies, type KeywordCheck } from "./check";
import { checkedBySwitch, constEnumTest } from "../keywords/const-enum";
import { CHECKS } from "../keywords/index";
import { enterDynamicScope } from "../keywords/dynamic-ref";
import { Body, Scope } from "./scope";

type Group = Exclude<Applies, "any">;

/** The checks a node has keywords of, in CHECKS's order. */
const checksOf = checksIndex(CHECKS);
const GROUPS: readonly Group[] = ["string", "number", "array", "object"];

/** The expression testing one JSON type. */
export function typeTest(type: JsonType, value: Code): Code {
  switch (type) {
    case "string":
      return code`typeof ${value} === "string"`;
    case "number":
      // false for anything that is not a number too: one call, no typeof before it.
      return code`Number.isFinite(${value})`;
    case "integer":
      return code`Number.isInteger(${value})`;
    case "boolean":
      return code`typeof ${value} === "boolean"`;
    case "null":
      return code`${value} === null`;
    case "array":
      return code`Array.isArray(${value})`;
    case "object":
      return code`typeof ${value} === "object" && ${value} !== null && !Array.isArray(${value})`;
  }
}

function groupTest(group: Group, value: Code): Code {
  return group === "number" ? code`typeof ${value} === "number"` : typeTest(group, value);
}

const ALIAS: Record<Group, { prefix: string; type: Code }> = {
  string: { prefix: "s", type: code`string` },
  number: { prefix: "n", type: code`number` },
  array: { prefix: "a", type: code`unknown[]` },
  object: { prefix: "o", type: code`Record<string, unknown>` },
};

function groupOf(type: JsonType): Group | undefined {
  if (type === "integer") return "number";
  return type === "boolean" || type === "null" ? undefined : type;
}

/** Compiles `schema` for `scope.value` into `scope.body`. */
export function compileSchema(scope: Scope, schema: IrSchema, schemaPath: string): void {
  if (schema === true) return;
  if (schema === false) {
    scope.body.line(scope.fail("false", "boolean schema is false", { schemaPath }));
    return;
  }
  const node = schema;
  let s = enterDynamicScope(scope.with({ node }), node);
  // unevaluated* sees only this node's own annotations (and its in-place subschemas'), never a cousin's.
  const ownEv = node.unevaluatedProperties !== undefined || node.unevaluatedItems !== undefined ? scope.local("ev") : undefined;
  if (ownEv) {
    s.body.line(code`const ${ownEv} = ${s.module.runtime("evaluated", "evaluated")}();`);
    s = s.with({ ev: ownEv });
  }

  const checks = checksOf(node);
  if (emitValueFirst(s, node, checks)) return;
  const main = checks.filter((c) => c.phase !== "last");
  const last = checks.filter((c) => c.phase === "last");

  let known: Group | undefined;
  let unreachable = false;
  if (node.type) {
    const test = node.type.length === 1 ? typeTest(node.type[0]!, s.value) : joinOr(node.type.map((t) => code`(${typeTest(t, s.value)})`));
    const groups = new Set(node.type.map(groupOf));
    const single = groups.size === 1 ? [...groups][0] : undefined;
    const message = `must be ${node.type.join(",")}`;
    if (s.collecting) {
      // The keywords of the allowed type run once the type test passed (the else branch, or the
      // loop below when several types are allowed). The keywords of the types `type` rules out
      // still apply to a value of those types: JSON Schema evaluates every keyword, so 3 against
      // { type: "string", minimum: 5 } fails `type` and `minimum` (ajv allErrors reports both).
      // They go in the failed type's branch, after its report: the fast path has returned false
      // by then, so it runs exactly as before, and only an error list pays for them.
      const inner = single ? renderGroup(s, single, main.filter((c) => c.applies === single)) : undefined;
      const others = new Body();
      for (const group of GROUPS) {
        const inGroup = main.filter((c) => c.applies === group);
        // A group the type allows is checked once the test passed. But when integers are the
        // only type, in the else branch, numbers are checked here too: 3.5 against
        // { type: "integer", minimum: 5 } fails both.
        const nonInteger = group === "number" && single === "number" && !node.type.includes("number");
        if (inGroup.length === 0 || (node.type.some((t) => groupOf(t) === group) && !nonInteger)) continue;
        emitGroup(s.with({ body: others }), group, inGroup, false);
      }
      if (others.isEmpty) {
        if (inner) s.body.block(code`if (!(${test})) ${s.fail("type", message)} else`, () => s.body.append(inner));
        else s.failIf(code`!(${test})`, "type", message);
      } else {
        s.body.line(code`if (!(${test})) {`);
        // Not s.fail(): its `{ ... }` would stand alone as a block here.
        s.body.line(code`if (${s.module.report(s.path, `${node.schemaPath}/type`, "type", message)}) ${s.module.returnFalse}`);
        s.body.append(others);
        if (inner) {
          s.body.line(code`} else {`);
          s.body.append(inner);
        }
        s.body.line(code`}`);
      }
      known = single;
      unreachable = true;
    } else {
      s.failIf(code`!(${test})`, "type", message);
      known = single;
    }
  }

  for (const group of GROUPS) {
    const inGroup = main.filter((c) => c.applies === group);
    if (inGroup.length === 0) continue;
    if (known !== undefined || (node.type && !node.type.some((t) => groupOf(t) === group))) {
      // Either emitted above (collect) / narrowed (is), or a type this node's `type` rules out.
      if (known === group && !unreachable) emitGroup(s, group, inGroup, true);
      continue;
    }
    emitGroup(s, group, inGroup, false);
  }
  for (const check of main.filter((c) => c.applies === "any")) check.emit(s, node);
  for (const check of last) {
    if (check.applies === "any") check.emit(s, node);
    else emitGroup(s, check.applies, [check], false);
  }
  if (ownEv && scope.ev) s.body.line(code`${s.module.runtime("evaluated", "mergeEvaluated")}(${scope.ev}, ${ownEv});`);
}

/**
 * A node that is `type` and `const` (or `enum`) and nothing else, every listed value of that type
 * (a discriminator: `{ "type": "string", "const": "track" }`): the value test alone decides, so
 * the type is tested only once it fails, for the type error, which is still reported first (as
 * ajv does). Valid data pays one comparison instead of a typeof and a comparison. False if the
 * node is not such a node (nothing emitted).
 */
function emitValueFirst(s: Scope, node: IrNode, checks: readonly KeywordCheck[]): boolean {
  const keyword = node.const !== undefined ? "const" : "enum";
  if (!node.type || checks.length !== 1 || !checks[0]!.keywords.includes(keyword) || (node.const !== undefined && node.enum !== undefined)) return false;
  const values = keyword === "const" ? [node.const!.value] : node.enum!;
  // A long enum is a switch (keywords/const-enum.ts), never one `||` test: left to the keyword.
  if (values.length === 0 || checkedBySwitch(values) || !values.every((v) => node.type!.some((t) => hasType(v, t)))) return false;
  const { test, message } = constEnumTest(s, node, keyword);
  if (!s.collecting) {
    s.failIf(code`!(${test})`, keyword, message);
    return true;
  }
  const typeOk = node.type.length === 1 ? typeTest(node.type[0]!, s.value) : joinOr(node.type.map((t) => code`(${typeTest(t, s.value)})`));
  s.body.block(code`if (!(${test}))`, () => {
    s.failIf(code`!(${typeOk})`, "type", `must be ${node.type!.join(",")}`);
    // Not s.fail(): its `{ ... }` would stand alone as a block here.
    s.body.line(code`if (${s.module.report(s.path, `${node.schemaPath}/${keyword}`, keyword, message)}) ${s.module.returnFalse}`);
  });
  return true;
}

/** Whether a primitive JSON value (from the schema) has the JSON type `type`; objects and arrays: false (compared by jsonEqual, left alone). */
function hasType(value: JsonValue, type: JsonType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "integer":
      return Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    default:
      return false;
  }
}

/** Emits a JSON type's checks with the value narrowed to an alias; behind a type test unless already known. */
function emitGroup(s: Scope, group: Group, checks: readonly KeywordCheck[], narrowed: boolean): void {
  const inner = renderGroup(s, group, checks);
  if (!inner) return;
  if (narrowed) s.body.append(inner);
  else s.body.block(code`if (${groupTest(group, s.value)})`, () => s.body.append(inner));
}

/** The group's checks on an alias narrowed to the group's type; undefined when they emit nothing. */
function renderGroup(s: Scope, group: Group, checks: readonly KeywordCheck[]): Body | undefined {
  if (checks.length === 0) return undefined;
  const alias = s.local(ALIAS[group].prefix);
  const body = new Body();
  const scoped = s.with({ value: alias, body });
  for (const check of checks) check.emit(scoped, s.node!);
  if (body.isEmpty) return undefined;
  const out = new Body();
  out.line(code`const ${alias} = ${s.value}${ts` as ${ALIAS[group].type}`};`);
  out.append(body);
  return out;
}

function joinOr(parts: Code[]): Code {
  return code`${parts.reduce((a, b) => code`${a} || ${b}`)}`;
}
