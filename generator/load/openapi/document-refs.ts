/**
 * `$ref`s between the parts of an OpenAPI document (parameters, request bodies, responses, headers,
 * path items), followed by JSON pointer. Whoever reads the document decides how a reference is
 * resolved (a `RefResolver`): within the document here; across files, the loader's registry later.
 */
import { CodegenError } from "../../errors";
import { isJsonObject, toPointer } from "../keywords";

/** A value of the document and where it is: "#/components/parameters/limit" (or "other.yaml#/..."). */
export interface Located {
  value: unknown;
  pointer: string;
}

/** Resolves the `$ref` met at pointer `from`; undefined when it cannot. */
export type RefResolver = (ref: string, from: string) => Located | undefined;

/** "#/paths/~1users~1%7Bid%7D" → ["paths", "/users/{id}"]; undefined for a ref that is not a local JSON pointer. */
export function pointerTokens(ref: string): string[] | undefined {
  if (!ref.startsWith("#")) return undefined;
  let fragment = ref.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // Not percent-encoded after all: a `%` in a key, read as written.
  }
  if (fragment === "") return [];
  if (!fragment.startsWith("/")) return undefined; // an anchor ("#foo"), not a pointer
  return fragment.slice(1).split("/").map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** References within the document only: `#/...` JSON pointers. */
export function localRefResolver(document: unknown): RefResolver {
  const follow = (tokens: readonly string[], depth: number): unknown => {
    let value: unknown = document;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (Array.isArray(value) && /^(0|[1-9]\d*)$/.test(token) && Number(token) < value.length) value = value[Number(token)];
      else if (isJsonObject(value) && Object.prototype.hasOwnProperty.call(value, token)) value = value[token];
      else {
        // A pointer written through a local `$ref` (real documents have them): on from its target.
        const through = isJsonObject(value) && typeof value.$ref === "string" && depth < 32 ? pointerTokens(value.$ref) : undefined;
        return through === undefined ? undefined : follow([...through, ...tokens.slice(i)], depth + 1);
      }
    }
    return value;
  };
  return (ref) => {
    const tokens = pointerTokens(ref);
    if (tokens === undefined) return undefined;
    const value = follow(tokens, 0);
    return value === undefined ? undefined : { value, pointer: `#${toPointer(tokens)}` };
  };
}

/** Follows a chain of Reference Objects to the object they stand for. A dangling or circular chain is an error at its `$ref`. */
export function followRefs(start: Located, resolve: RefResolver, file?: string): Located {
  const seen = new Set<string>([start.pointer]);
  let current = start;
  while (isJsonObject(current.value) && typeof current.value.$ref === "string") {
    const ref = current.value.$ref;
    const target = resolve(ref, current.pointer);
    const where = { file, pointer: `${current.pointer}/$ref` };
    if (!target) throw new CodegenError("unresolvedRef", `$ref "${ref}" does not resolve`, where);
    if (seen.has(target.pointer)) throw new CodegenError("invalidSchema", `$ref "${ref}" is circular: it comes back to ${target.pointer}`, where);
    seen.add(target.pointer);
    current = target;
  }
  return current;
}
