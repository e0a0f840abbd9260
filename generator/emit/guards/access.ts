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

/**
 * Property values already read into a local by an earlier check of the same node (required reads
 * what properties then checks): by the body they were declared at the top of, then object and key.
 * A node's object checks share one body of their own (compile-node.ts's renderGroup), so a local
 * found here is in scope for the later check, and no other node's body can see it.
 */
const readLocals = new WeakMap<Scope["body"], Map<string, Code>>();

/** `const pN = object.key;` at the current position of the body, remembered for {@link previousRead}. */
export function readIntoLocal(s: Scope, object: Code, key: string): Code {
  const local = s.local("p");
  s.body.line(code`const ${local} = ${readProperty(s, object, key)};`);
  let locals = readLocals.get(s.body);
  if (!locals) readLocals.set(s.body, (locals = new Map()));
  locals.set(`${object.text}\u0000${key}`, local);
  return local;
}

/** The local an earlier check of this node read `object.key` into, if any. */
export function previousRead(s: Scope, object: Code, key: string): Code | undefined {
  return readLocals.get(s.body)?.get(`${object.text}\u0000${key}`);
}
