/**
 * A query string in a path key (`"/items?action=archive"`, `"/rides?page={page}"`; real documents
 * write them, e.g. in the APIs.guru corpus, to tell operations on one path apart): the path is what
 * is before the `?`, and each `name=value` pair after it is part of every request of the key's
 * operations. A pair's value is fixed text, or one template expression `{name}` filled by the
 * `in: path` parameter of that name (as the document's authors declare it); so may its name be
 * (clicksend.com writes `?{search}=1&{search_type}=2`, the parameter's value as the key). A pair with
 * an expression no parameter declares is left out of the request (path-checks.ts warns of it).
 */

export interface PathKeyQueryPair {
  /** The pair as written ("action=archive"; already a query string's text: sent as written). */
  text: string;
  /** Its name, as written. */
  name: string;
  /** The fixed value as written; absent when the value is a template expression. */
  value?: string;
  /** The `{name}` that is the value. */
  parameter?: string;
  /** The `{name}` that is the pair's name (`{search}=1`); `name` is then the expression as written. */
  nameParameter?: string;
}

/**
 * Where a path key's fragment begins: AWS documents write one key per action as
 * "/#X-Amz-Target=Service.Action", a fragment, which fetch drops and no server sees. A "#" in the
 * path part with more path after it (a "/" or a `{name}` before the "?": mastercard.com writes
 * "/send/#env/v1/partners/{partnerId}/...") is no fragment, whose path parameters would never be
 * sent, but a character of the path, sent as RFC 3986 writes it there, %23 (splitPathKey). A "#"
 * after the "?" always starts the fragment (the query cannot hold one), whatever follows it. -1 when
 * the key has no fragment.
 */
export function fragmentStart(key: string): number {
  const query = key.indexOf("?");
  const pathEnd = query < 0 ? key.length : query;
  for (let at = key.indexOf("#"); at >= 0 && at < pathEnd; at = key.indexOf("#", at + 1)) if (!/[/{]/.test(key.slice(at + 1, pathEnd))) return at;
  return query < 0 ? -1 : key.indexOf("#", query + 1);
}

/**
 * "/items?action=archive" → "/items" and [{ name: "action", value: "archive" }]; a key without "?" →
 * itself and []. A "#" before the fragment is in the path as %23. The fragment is left out of the
 * path, wherever it is: no server sees it, and the client appends the query to this path, so a
 * fragment kept there ("/#Action=AbortEnvironmentUpdate", "/feedback/{arn}#RecommendationId", as AWS
 * documents write them) would carry the operation's `in: query` parameters into it and fetch would
 * drop them with it.
 */
export function splitPathKey(key: string): { path: string; query: PathKeyQueryPair[] } {
  const hash = fragmentStart(key);
  const at = key.indexOf("?");
  const path = (end: number): string => key.slice(0, hash < 0 ? end : Math.min(hash, end)).replace(/#/g, "%23");
  if (at < 0 || (hash >= 0 && hash < at)) return { path: path(key.length), query: [] };
  const query = key
    .slice(at + 1, hash >= 0 ? hash : undefined)
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair): PathKeyQueryPair => {
      const eq = pair.indexOf("=");
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? "" : pair.slice(eq + 1);
      const parameter = /^\{([^}]+)\}$/.exec(value)?.[1];
      const nameParameter = /^\{([^}]+)\}$/.exec(name)?.[1];
      return { text: pair, name, ...(parameter !== undefined ? { parameter } : { value }), ...(nameParameter !== undefined && { nameParameter }) };
    });
  return { path: path(at), query };
}

/** The template names in a path key's path part (those every operation must declare), and in its query part. */
export function templateNames(key: string): { path: string[]; query: string[] } {
  const { path, query } = splitPathKey(key);
  return { path: [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!), query: query.flatMap((pair) => [pair.nameParameter, pair.parameter].filter((name): name is string => name !== undefined)) };
}
