/**
 * Query keys that two parameters of one operation write: a parameter's own name, and a property of
 * an exploded form object (style form, explode true: its properties are the query's own pairs).
 * AWS's query APIs do it: elasticbeanstalk's CreateEnvironment has a `Version` parameter (the API
 * version, an enum) and a `Tier` object whose `Version` property is the tier's, so a request may
 * carry `Version=...` twice and no server (the mock included) can tell whose each one is. Two exploded
 * objects with a property of one name do the same: rds's CreateDBCluster has `ScalingConfiguration`
 * and `ServerlessV2ScalingConfiguration`, each with a `MinCapacity` (an integer, a double). Found in
 * 10 documents of the APIs.guru corpus (45 operations; 8 and 26 with the parameter names alone); generate warns, and the request is sent as written.
 */
import type { IrOperation } from "./operation-model";
import { followRefs, type RefResolver } from "./document-refs";
import { parameterSchemaValue } from "./operation-parts";
import { isJsonObject } from "../keywords";

/** "GET /x: Version (a parameter, and a property of Tier)" for each operation with such a key (its first one). */
export function queryKeyClashes(operations: readonly IrOperation[], resolve: RefResolver, file?: string): string[] {
  const clashes: string[] = [];
  for (const operation of operations) {
    const query = operation.parameters.filter((p) => p.in === "query");
    const names = new Set(query.map((p) => p.name));
    const exploded = query.filter((p) => p.style === "form" && p.explode && p.mediaType === undefined && p.schemaPointer !== undefined);
    const owners = new Map<string, string>();
    const found = exploded.flatMap((p) =>
      [...new Set(propertyNames(p.schemaPointer!, resolve, file, 0, parameterSchemaValue(p)))]
        .filter((name) => name !== p.name)
        .flatMap((name) => {
          const owner = owners.get(name);
          if (owner === undefined) owners.set(name, p.name);
          if (names.has(name)) return [`${name} (a parameter, and a property of ${p.name})`];
          return owner === undefined ? [] : [`${name} (a property of ${owner} and of ${p.name})`];
        }),
    );
    if (found.length > 0) clashes.push(`${operation.method.toUpperCase()} ${operation.path}: ${found[0]}`);
  }
  return clashes;
}

/**
 * The properties an object schema declares, itself and its allOf branches, references followed; [] when it cannot be read.
 * `written`: the schema at `pointer`, when the caller has it (else looked up there).
 */
function propertyNames(pointer: string, resolve: RefResolver, file: string | undefined, depth = 0, written?: unknown): string[] {
  let schema: unknown;
  try {
    schema = followRefs({ value: written ?? resolve(pointer.startsWith("#") ? pointer : `#${pointer}`, pointer)?.value, pointer }, resolve, file).value;
  } catch {
    return [];
  }
  if (!isJsonObject(schema)) return [];
  const own = isJsonObject(schema.properties) ? Object.keys(schema.properties) : [];
  const branches = depth < 4 && Array.isArray(schema.allOf) ? schema.allOf.flatMap((_, i) => propertyNames(`${pointer}/allOf/${i}`, resolve, file, depth + 1)) : [];
  return [...own, ...branches];
}
