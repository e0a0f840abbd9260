/**
 * Keys that come from a document (a property, parameter, header or schema name) on plain objects.
 * `object[key] = value` with the key "__proto__" sets the object's prototype instead, and the key is
 * lost; defined, it is an own property like any other, as JSON.parse makes it. And a read of a key
 * the object does not have finds Object.prototype's members ("constructor", "toString", ...).
 */

/** `object[key] = value`, "__proto__" included as an own property. */
export function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** Whether `key` is one of Object.prototype's own members, which a plain object seems to have: `constructor`, `toString`, `__proto__`... */
export function isObjectPrototypeKey(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(Object.prototype, key);
}
