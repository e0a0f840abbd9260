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

/** "/items?action=archive" → "/items" and [{ name: "action", value: "archive" }]; a key without "?" → itself and []. */
export function splitPathKey(key: string): { path: string; query: PathKeyQueryPair[] } {
  const hash = key.indexOf("#");
  const at = key.indexOf("?");
  if (at < 0 || (hash >= 0 && hash < at)) return { path: key, query: [] };
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
  return { path: key.slice(0, at), query };
}

/** The template names in a path key's path part (those every operation must declare), and in its query part. */
export function templateNames(key: string): { path: string[]; query: string[] } {
  const { path, query } = splitPathKey(key);
  return { path: [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!), query: query.flatMap((pair) => [pair.nameParameter, pair.parameter].filter((name): name is string => name !== undefined)) };
}
