/**
 * The rules on paths that the OpenAPI schemas cannot express: every `{name}` of a path template is
 * declared as an `in: path` parameter of each operation (path item or operation level), every path
 * parameter names a template expression and has `required: true`, no list declares a (name, in)
 * twice (header names compared case-insensitively, as HTTP does), and no two templates differ only
 * in their parameter names (`/a/{x}` and `/a/{y}`). A Path Item without operations is exempt from
 * the first rule, as the specification allows (empty for lack of access, say). A `{name}` in a
 * query string of the key (path-query.ts) that no path parameter declares is a warning: its pair is left out.
 */
import { pointerFragment } from "../../errors";
import { HTTP_METHODS } from "./operation-model";
import { escapePointerToken, isJsonObject } from "../keywords";
import { followRefs, type Located, type RefResolver } from "./document-refs";
import { templateNames } from "./path-query";
import type { Finding } from "./semantic-checks";

interface DeclaredParameter {
  name: string;
  in: string;
  pointer: string;
}

export function checkPaths(paths: unknown, resolve: RefResolver): Finding[] {
  if (!isJsonObject(paths)) return [];
  const findings: Finding[] = [];
  const shapes = new Map<string, string>();
  for (const [path, entry] of Object.entries(paths)) {
    if (!path.startsWith("/")) continue;
    const pointer = `#/paths/${escapePointerToken(path)}`;
    const shape = path.replace(/\{[^}]*\}/g, "{}");
    const twin = shapes.get(shape);
    if (twin !== undefined) findings.push({ pointer, message: `path template ${path} is the same as ${twin} but for its parameter names`, warning: true });
    else shapes.set(shape, path);
    const item = tryFollow({ value: entry, pointer }, resolve);
    if (!item || !isJsonObject(item.value)) continue;
    // A query string in the key (path-query.ts): its expressions are filled by path parameters when declared, left out when not.
    const names = templateNames(path);
    const template = [...names.path, ...names.query];
    const shared = checkList(item.value.parameters, `${item.pointer}/parameters`, template, resolve, findings);
    for (const method of HTTP_METHODS) {
      const operation = item.value[method];
      if (!isJsonObject(operation)) continue;
      const own = checkList(operation.parameters, `${item.pointer}/${method}/parameters`, template, resolve, findings);
      const declared = new Set([...shared, ...own].filter((p) => p.in === "path").map((p) => p.name));
      for (const name of names.path) {
        if (!declared.has(name)) findings.push({ pointer: `${item.pointer}/${method}`, message: `path parameter "${name}" of ${path} is not declared (no parameter with in: path and name: ${name})` });
      }
      for (const name of names.query) {
        if (!declared.has(name)) findings.push({ pointer: `${item.pointer}/${method}`, message: `"{${name}}" in the query string of ${path} is not declared as a path parameter: its pair is left out of the requests`, warning: true });
      }
    }
  }
  return findings;
}

/** One parameter list: duplicates, path parameters that are not in the template or not required. */
function checkList(list: unknown, pointer: string, template: string[], resolve: RefResolver, findings: Finding[]): DeclaredParameter[] {
  if (!Array.isArray(list)) return [];
  const declared: DeclaredParameter[] = [];
  const seen = new Map<string, string>();
  list.forEach((entry, index) => {
    const located = tryFollow({ value: entry, pointer: `${pointer}/${index}` }, resolve);
    const parameter = located?.value;
    if (!isJsonObject(parameter) || typeof parameter.name !== "string" || typeof parameter.in !== "string") return;
    const where = `${pointer}/${index}`;
    const key = `${parameter.in}:${parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name}`;
    const first = seen.get(key);
    if (first !== undefined) findings.push({ pointer: where, message: `parameter "${parameter.name}" (in: ${parameter.in}) is declared twice in this list, first at ${pointerFragment(first)}` });
    else seen.set(key, where);
    if (parameter.in === "path") {
      if (!template.includes(parameter.name)) findings.push({ pointer: where, message: `path parameter "${parameter.name}" is not in the path template` });
      if (parameter.required !== true) findings.push({ pointer: where, message: `path parameter "${parameter.name}" must have required: true` });
    }
    declared.push({ name: parameter.name, in: parameter.in, pointer: where });
  });
  return declared;
}

/** A reference that does not resolve is reported by the $ref rule (ref-checks.ts); here it is skipped. */
function tryFollow(start: Located, resolve: RefResolver): Located | undefined {
  try {
    return followRefs(start, resolve);
  } catch {
    return undefined;
  }
}
