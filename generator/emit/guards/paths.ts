/** JSON Pointer pieces for error paths. */

/** One JSON Pointer token: "~" → "~0", "/" → "~1". */
export function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
