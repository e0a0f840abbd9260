/**
 * `$ref`s between the parts of an OpenAPI document (parameters, request bodies, responses, headers,
 * path items), followed by JSON pointer. Whoever reads the document decides how a reference is
 * resolved (a `RefResolver`): within the document here; across files, the loader's registry later.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { CodegenError, pointerFragment } from "../../errors";
import { isJsonObject, toPointer, unescapePointerToken } from "../keywords";

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
  // Decoded and unescaped only when there is something to (every reference of a document comes here).
  if (fragment.includes("%")) {
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      // Not percent-encoded after all: a `%` in a key, read as written.
    }
  }
  if (fragment === "") return [];
  if (!fragment.startsWith("/")) return undefined; // an anchor ("#foo"), not a pointer
  const tokens = fragment.slice(1).split("/");
  return fragment.includes("~") ? tokens.map(unescapePointerToken) : tokens;
}

/** References within the document only: `#/...` JSON pointers. */
export function localRefResolver(document: unknown): (ref: string, from?: string) => Located | undefined {
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
  // By reference: a document refers to its components from many places (netbox.dev's 6,867
  // parameters), and the sites, views and checks each look them up; the document is not changed
  // while it is read.
  const found = new Map<string, Located | undefined>();
  return (ref) => {
    if (found.has(ref)) return found.get(ref);
    const tokens = pointerTokens(ref);
    const value = tokens === undefined ? undefined : follow(tokens, 0);
    const located = value === undefined ? undefined : { value, pointer: `#${toPointer(tokens!)}` };
    found.set(ref, located);
    return located;
  };
}

/**
 * References within the document and across files: the document itself is `rootUri` (its pointers
 * stay "#/..."), the other files are `documents` by URI (their pointers are "<uri>#/..."). A reference
 * is relative to the file it is written in. A file not in `documents` is added to `missing` (with
 * the pointer of the first `$ref` to it) and stands,
 * for now, as an empty object: the loader reads the missing files and reads the document again.
 */
export function documentsResolver(root: unknown, rootUri: string, documents: ReadonlyMap<string, unknown>, missing?: Map<string, string>): RefResolver {
  const local = localRefResolver(root);
  const others = new Map<unknown, ReturnType<typeof localRefResolver>>();
  // A plain reference within the document read from it resolves to itself: no URL to parse (the
  // document's references and sites are looked up by the thousand).
  const rootIsHref = !rootUri.includes("#") && hrefOf(rootUri) === rootUri;
  return (ref, from) => {
    const fromUri = from.startsWith("#") ? rootUri : from.slice(0, Math.max(from.indexOf("#"), 0));
    if (rootIsHref && fromUri === rootUri && PLAIN_FRAGMENT.test(ref)) return local(ref, from);
    let absolute: string;
    try {
      absolute = new URL(ref, fromUri).href;
    } catch {
      return ref.startsWith("#") && fromUri === rootUri ? local(ref, from) : undefined;
    }
    const hash = absolute.indexOf("#");
    const uri = hash < 0 ? absolute : absolute.slice(0, hash);
    const fragment = hash < 0 ? "#" : absolute.slice(hash);
    if (uri === rootUri) return local(fragment, from);
    const document = documents.get(uri);
    if (document === undefined) {
      if (missing && !missing.has(uri)) missing.set(uri, `${from}/$ref`);
      return missing ? { value: {}, pointer: `${uri}${fragment}` } : undefined;
    }
    let resolveIn = others.get(document);
    if (resolveIn === undefined) others.set(document, (resolveIn = localRefResolver(document)));
    const found = resolveIn(fragment, from);
    return found && { value: found.value, pointer: `${uri}${found.pointer}` };
  };
}

/**
 * A fragment the URL parser leaves as it is: printable ASCII but `"`, `<`, `>` and the backtick,
 * which it percent-encodes (spaces and control characters it encodes or drops).
 */
const PLAIN_FRAGMENT = /^#[\x21\x23-\x3b\x3d\x3f-\x5f\x61-\x7e]*$/;

/** A URI as the URL parser writes it back, or undefined when it is not an absolute URI. */
function hrefOf(uri: string): string | undefined {
  try {
    return new URL(uri).href;
  } catch {
    return undefined;
  }
}

/** A place in a message's text as an error's own place is shown: "#/paths/~1items~1%7Bid%7D", "other.yaml#/a%20b". */
function shownPlace(pointer: string, file?: string): string {
  const at = place(pointer, file);
  return `${at.file === file ? "" : (at.file ?? "")}${pointerFragment(at.pointer)}`;
}

/** "#/a" in the document `file`, or "<uri>#/a" in another file (named by its path from the working folder). */
export function place(pointer: string, file?: string): { file?: string; pointer: string } {
  if (pointer.startsWith("#")) return { file, pointer };
  const hash = pointer.indexOf("#");
  const uri = pointer.slice(0, hash);
  return { file: uri.startsWith("file:") ? path.relative(process.cwd(), fileURLToPath(uri)) : uri, pointer: pointer.slice(hash) };
}

/** Follows a chain of Reference Objects to the object they stand for. A dangling or circular chain is an error at its `$ref`. */
export function followRefs(start: Located, resolve: RefResolver, file?: string): Located {
  const seen = new Set<string>([start.pointer]);
  let current = start;
  while (isJsonObject(current.value) && typeof current.value.$ref === "string") {
    const ref = current.value.$ref;
    const target = resolve(ref, current.pointer);
    const where = place(`${current.pointer}/$ref`, file);
    if (!target) throw new CodegenError("unresolvedRef", `$ref "${ref}" does not resolve`, where);
    if (seen.has(target.pointer)) throw new CodegenError("invalidSchema", `$ref "${ref}" is circular: it comes back to ${shownPlace(target.pointer, file)}`, where);
    seen.add(target.pointer);
    current = target;
  }
  return current;
}
