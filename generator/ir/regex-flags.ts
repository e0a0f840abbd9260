/**
 * The flags a schema's regular expression (`pattern`, `patternProperties`) is compiled with:
 * "u", as JSON Schema's ECMA-262 dialect asks, or none for a pattern that only the web-compatible
 * (non-Unicode) syntax accepts: real documents escape characters that need no escape, such as
 * `[\:\-\_]`, which `u` rejects ("Invalid escape") and every browser and Node accept without it.
 * undefined: it compiles either way not at all.
 */
export function regexFlags(source: string): "u" | "" | undefined {
  for (const flags of ["u", ""] as const) {
    try {
      new RegExp(source, flags);
      return flags;
    } catch {
      // Try the next syntax.
    }
  }
  return undefined;
}
