/**
 * How a schema's regular expression (`pattern`, `patternProperties`) is compiled: with "u", as
 * JSON Schema's ECMA-262 dialect asks, or with no flag for a pattern that only the web-compatible
 * (non-Unicode) syntax accepts: real documents escape characters that need no escape, such as
 * `[\:\-\_]`, which `u` rejects ("Invalid escape") and every browser and Node accept without it.
 *
 * Documents written from Java code also carry Java's POSIX classes (`\p{Alnum}`, `[\p{Alpha}_]`).
 * ECMA-262 has none of them, and without "u" `\p{Alnum}` reads as the literal text "p{Alnum}", so
 * a guard would refuse every value the author meant. Where "u" refuses only such classes, they are
 * written as the ASCII sets Java gives them (a `\p{...}` that ECMA-262 knows, `\p{L}` or
 * `\p{ASCII}`, compiles with "u" and keeps its ECMA-262 meaning). So are Java's other property
 * names (javaPropertyClass): `\p{LD}` (letter or digit, amazonaws.com/ds's passwords: no request
 * could be made), `\p{all}`, `\p{L1}`, `\p{IsLetter}` and `\p{IsLatin}`, and a bare script name.
 */

/** Java's POSIX character classes (java.util.regex.Pattern, US-ASCII only), as class contents. */
const JAVA_POSIX_CLASSES: Readonly<Record<string, string>> = {
  Lower: "a-z",
  Upper: "A-Z",
  ASCII: "\\x00-\\x7F",
  Alpha: "a-zA-Z",
  Digit: "0-9",
  Alnum: "a-zA-Z0-9",
  Punct: "!-\\/:-@\\[-`{-~",
  Graph: "!-~",
  Print: " -~",
  Blank: " \\t",
  Cntrl: "\\x00-\\x1F\\x7F",
  XDigit: "0-9a-fA-F",
  Space: " \\t\\n\\x0B\\f\\r",
};

/** POSIX bracket classes (`[[:alpha:]]`; PCRE, Ruby, Go: ASCII), as class contents: Java's sets, and `word`. */
const POSIX_BRACKET_CLASSES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(JAVA_POSIX_CLASSES).map(([name, set]) => [name.toLowerCase(), set])),
  word: "a-zA-Z0-9_",
};

/** The anchors of Ruby, PCRE, Java and Python that ECMA-262 lacks (outside a class), as ECMA-262 writes them. */
const FOREIGN_ANCHORS: Readonly<Record<string, string>> = { A: "^", z: "$", Z: "$" };

/** Java's binary properties (`\p{IsAlphabetic}`, case-insensitive, java.lang.Character's), as ECMA-262 properties. */
const JAVA_BINARY_PROPERTIES: Readonly<Record<string, string>> = {
  letter: "\\p{L}",
  alphabetic: "\\p{Alphabetic}",
  ideographic: "\\p{Ideographic}",
  lowercase: "\\p{Lowercase}",
  uppercase: "\\p{Uppercase}",
  titlecase: "\\p{Lt}",
  white_space: "\\p{White_Space}",
  whitespace: "\\p{White_Space}",
  punctuation: "\\p{P}",
  control: "\\p{Cc}",
  digit: "\\p{Nd}",
  hex_digit: "\\p{Hex_Digit}",
  hexdigit: "\\p{Hex_Digit}",
  assigned: "\\p{Assigned}",
  join_control: "\\p{Join_Control}",
  noncharacter_code_point: "\\p{Noncharacter_Code_Point}",
};

/** Java's own property names beyond POSIX (java.util.regex.Pattern), as class contents. */
const JAVA_PROPERTIES: Readonly<Record<string, string>> = {
  all: "\\s\\S",
  LD: "\\p{L}\\p{Nd}",
  L1: "\\x00-\\xFF",
  javaLowerCase: "\\p{Lowercase}",
  javaUpperCase: "\\p{Uppercase}",
  javaAlphabetic: "\\p{Alphabetic}",
  javaLetter: "\\p{L}",
  javaDigit: "\\p{Nd}",
  javaLetterOrDigit: "\\p{L}\\p{Nd}",
};

/**
 * The class contents Java gives a property name ECMA-262 does not know, or undefined: a POSIX class,
 * one of Java's own (JAVA_PROPERTIES), `Is` + a binary property, general category or script
 * (`IsLetter`, `IsLu`, `IsLatin`), or a bare script name (`Han`), which ECMA-262 writes `Script=Han`.
 * Blocks (`InGreek`) have no ECMA-262 counterpart: undefined.
 */
function javaPropertyClass(name: string): string | undefined {
  if (JAVA_POSIX_CLASSES[name] !== undefined) return JAVA_POSIX_CLASSES[name];
  if (JAVA_PROPERTIES[name] !== undefined) return JAVA_PROPERTIES[name];
  // A name ECMA-262 knows (`L`, `Lu`, `Script=Greek`) keeps its meaning: the pattern fails "u" for another reason.
  if (compiles(`\\p{${name}}`, "u")) return undefined;
  const bare = name.startsWith("Is") ? name.slice(2) : name;
  if (bare === "") return undefined;
  if (name !== bare) {
    const binary = JAVA_BINARY_PROPERTIES[bare.toLowerCase()];
    if (binary !== undefined) return binary;
    if (compiles(`\\p{${bare}}`, "u")) return `\\p{${bare}}`;
  }
  // Java's script names are case-insensitive, ECMA-262's are not: as written, then capitalized (LATIN → Latin).
  for (const script of [bare, bare[0]!.toUpperCase() + bare.slice(1).toLowerCase()]) {
    if (compiles(`\\p{Script=${script}}`, "u")) return `\\p{Script=${script}}`;
  }
  return undefined;
}

export interface CompiledRegex {
  /** The source to compile: the pattern as written, or with Java's POSIX classes, POSIX bracket classes and foreign anchors spelled out. */
  source: string;
  flags: "u" | "";
  /** Whether `source` differs from the pattern (translated). */
  translated: boolean;
  /** What was translated, for the warning: "Java's character classes", "POSIX bracket classes", "anchors \\A, \\z or \\Z". */
  foreign?: string[];
}

/** How `pattern` compiles (see the module comment); undefined: it compiles no way at all. */
export function compiledRegex(pattern: string): CompiledRegex | undefined {
  if (compiles(pattern, "u")) return { source: pattern, flags: "u", translated: false };
  const rewritten = inEcmaScript(pattern);
  if (rewritten !== undefined && compiles(rewritten.source, "u")) return { source: rewritten.source, flags: "u", translated: true, foreign: rewritten.foreign };
  if (rewritten !== undefined && compiles(rewritten.source, "")) return { source: rewritten.source, flags: "", translated: true, foreign: rewritten.foreign };
  return compiles(pattern, "") ? { source: pattern, flags: "", translated: false } : undefined;
}

/** Whether `text` matches `pattern` as the guards compile it (compiledRegex); undefined when it compiles no way. */
export function patternMatches(pattern: string, text: string): boolean | undefined {
  const compiled = compiledRegex(pattern);
  return compiled && new RegExp(compiled.source, compiled.flags).test(text);
}

/** The flags `pattern` compiles with as written ("u", or none); undefined where it needs rewriting or never compiles. */
export function regexFlags(pattern: string): "u" | "" | undefined {
  const compiled = compiledRegex(pattern);
  return compiled && !compiled.translated ? compiled.flags : undefined;
}

function compiles(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

/**
 * `pattern` with each `\p{Name}` / `\P{Name}` of a Java class (javaPropertyClass) written as an ECMA-262 set:
 * `[...]`/`[^...]` outside a class, the set's contents inside one; each POSIX bracket class
 * (`[:alpha:]`, inside a class) as its set's contents; each `\A`, `\z`, `\Z` outside a class as
 * ECMA-262's anchor. Undefined when there is none, or when one cannot be written so (`\P{Name}`
 * inside a class: a negation within a union).
 */
function inEcmaScript(pattern: string): { source: string; foreign: string[] } | undefined {
  let out = "";
  let inClass = false;
  const foreign = new Set<string>();
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      const match = /^\\([pP])\{(\w+)\}/.exec(pattern.slice(i));
      const set = match ? javaPropertyClass(match[2]!) : undefined;
      if (match && set !== undefined) {
        const negated = match[1] === "P";
        if (inClass && negated) return undefined;
        out += inClass ? set : `[${negated ? "^" : ""}${set}]`;
        i += match[0].length - 1;
        foreign.add("Java's character classes");
        continue;
      }
      const anchor = inClass ? undefined : FOREIGN_ANCHORS[pattern[i + 1] ?? ""];
      if (anchor !== undefined) {
        out += anchor;
        i++;
        foreign.add("the anchors \\A, \\z and \\Z");
        continue;
      }
      out += pattern.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass && c === "[") {
      const posix = /^\[:(\w+):\]/.exec(pattern.slice(i));
      const set = posix ? POSIX_BRACKET_CLASSES[posix[1]!] : undefined;
      if (posix && set !== undefined) {
        out += set;
        i += posix[0].length - 1;
        foreign.add("POSIX bracket classes");
        continue;
      }
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    out += c;
  }
  return foreign.size > 0 ? { source: out, foreign: [...foreign] } : undefined;
}
