import type { Dialect } from "../load/dialect";
import type { KeywordReading } from "./keyword-reader";

/** Every dialect, oldest first. */
export const DIALECTS: readonly Dialect[] = ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"];

/** The dialects from `dialect` on. */
export function since(dialect: Dialect): readonly Dialect[] {
  return DIALECTS.slice(DIALECTS.indexOf(dialect));
}

/** The dialects up to `dialect`. */
export function until(dialect: Dialect): readonly Dialect[] {
  return DIALECTS.slice(0, DIALECTS.indexOf(dialect) + 1);
}

/**
 * Keywords that a dialect does not define, from the keyword modules' `dialects`: JSON Schema
 * ignores unknown keywords, so in that dialect they are annotations, not assertions.
 */
export function keywordsIgnoredByDialect(vocabulary: readonly KeywordReading[]): ReadonlyMap<Dialect, ReadonlySet<string>> {
  const ignored = new Map<Dialect, Set<string>>(DIALECTS.map((d) => [d, new Set()]));
  for (const module of vocabulary) {
    for (const [keyword, dialects] of Object.entries(module.dialects ?? {})) {
      for (const dialect of DIALECTS) if (!dialects.includes(dialect)) ignored.get(dialect)!.add(keyword);
    }
  }
  return ignored;
}
