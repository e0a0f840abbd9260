/** Reading a property the way guards must: own properties only, `__proto__` like any other key. */
import { code, member, type Code } from "../code";
import type { Scope } from "./scope";

/**
 * `o.key` is an own-property read for any key that `Object.prototype` does not have (JSON data has
 * plain prototypes). For the keys it has (`__proto__`, `constructor`, `toString`, ...) the read
 * goes through `hasOwn`, so an inherited member never counts as present.
 */
export function readProperty(s: Scope, object: Code, key: string): Code {
  if (key in Object.prototype) return code`(${s.check("hasOwn")}(${object}, ${key}) ? ${object}[${key}] : undefined)`;
  return member(object, key);
}
