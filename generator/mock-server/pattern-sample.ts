/**
 * A string that matches a regular expression (a schema's `pattern`), for synthesized values: a small
 * sampler over the ECMA-262 subset that schemas use (literals, classes, escapes, groups, alternation,
 * quantifiers, anchors; lookarounds and word boundaries read as nothing, named groups as groups,
 * a positive lookahead read as its own text instead on request (`lookaheads: "text"`),
 * Unicode property escapes). A backreference repeats what its group gave (an unaimed sample only:
 * an aimed one gives undefined). What is beyond it gives undefined, and the caller falls back (the
 * guard then decides, and the server says when no valid value was found).
 * With a length range (a schema's minLength/maxLength), the sampler aims at a length: it works out
 * which lengths each part of the pattern can take and draws a string of one of them, so
 * `^[a-f0-9]+$` with minLength 40 gives 40 characters rather than the usual one to four.
 */

type Node =
  | { kind: "chars"; set: string }
  | { kind: "seq"; items: Node[] }
  | { kind: "alt"; options: Node[] }
  /** max is Infinity for an open quantifier (`*`, `+`, `{n,}`); an unaimed sample takes at most min + 3. */
  | { kind: "repeat"; node: Node; min: number; max: number }
  /** A capturing group (numbered from 1 by its opening parenthesis, named ones included) and a backreference to one. */
  | { kind: "capture"; index: number; node: Node }
  | { kind: "backref"; index: number };

class Unsupported extends Error {}

const DIGITS = "0123456789";
const WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
const SPACE = " ";
/** An atom that matches the empty string: what a quantifier after an anchor or lookaround is read on. */
const NOTHING: Node = { kind: "seq", items: [] };
/** What `.` and negated classes pick from. */
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");

/** Past this length the sampler does not aim (its work grows with the square of the length). */
export const MAX_AIMED_LENGTH = 4096;

/**
 * A string matching `pattern`, or undefined when the pattern uses what the sampler does not know.
 * With `length`, a string whose length in code points is within [min, max] (one of the few shortest
 * such lengths the pattern allows, at random), or undefined when the pattern allows none of them
 * (or min is past MAX_AIMED_LENGTH). Anchors are read as nothing either way: the sample matches the
 * whole pattern, so the caller checks it with the RegExp when anchors stand mid-pattern.
 */
export function samplePattern(pattern: string, random: () => number, length?: { min: number; max?: number }, options: SampleOptions = {}): string | undefined {
  try {
    const parser = new Parser(pattern, options.lookaheads === "text");
    const node = parser.alternation();
    if (!parser.done()) return undefined;
    if (!length) return generate(node, random);
    const cap = Math.min(length.max ?? Infinity, length.min + 64, MAX_AIMED_LENGTH);
    if (length.min > cap) return undefined;
    const aim = new Aim(cap, random);
    const possible = aim.lengths(node);
    const targets: number[] = [];
    for (let n = length.min; n <= cap && targets.length < 4; n++) if (possible[n]) targets.push(n);
    if (targets.length === 0) return undefined;
    return aim.exact(node, targets[Math.floor(random() * targets.length)]!);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

export interface SampleOptions {
  /**
   * A positive lookahead `(?=X)`: "nothing" (the default) reads it as an anchor, and the sample meets
   * it when what follows happens to; "text" writes a sample of X where it stands, for what follows to
   * take in. The second is what a lookahead over an open rest needs: fsx's ARNs
   * `^arn:(?=[^:]+:fsx:[^:]+:\d{12}:)((|...[a-z0-9].*):){4}.{0,1024}$` (the service and account are
   * said only in the lookahead), and the password rules `^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[...]*$`
   * (amazonaws.com/managedblockchain, ds; loket.nl). The first is what a lookahead over a strict rest
   * needs (`(?=\d{3})\d{3}-\d{4}`): the caller tries it first, then this one when its sample misses.
   */
  lookaheads?: "nothing" | "text";
}

/** `captures[i]`: what group i gave last (a backreference to a group that gave nothing matches the empty string, as in ECMA-262). */
function generate(node: Node, random: () => number, captures: string[] = []): string {
  switch (node.kind) {
    case "chars":
      return [...node.set][Math.floor(random() * [...node.set].length)]!;
    case "seq":
      return node.items.map((item) => generate(item, random, captures)).join("");
    case "alt":
      return generate(node.options[Math.floor(random() * node.options.length)]!, random, captures);
    case "repeat": {
      const count = node.min + Math.floor(random() * (Math.min(node.max, node.min + 3) - node.min + 1));
      let out = "";
      for (let i = 0; i < count; i++) out += generate(node.node, random, captures);
      return out;
    }
    case "capture":
      return (captures[node.index] = generate(node.node, random, captures));
    case "backref":
      return captures[node.index] ?? "";
  }
}

/** A set of lengths 0..cap: lengths[n] is 1 when n is one of them. */
type Lengths = Uint8Array;

/**
 * Strings of an exact length: the lengths each node can take (up to cap, memoized per node), then a
 * walk that gives each part a length the rest can complete. Random choices only among lengths that
 * lead to the target, so the walk never backtracks.
 */
class Aim {
  private readonly memo = new Map<Node, Lengths>();
  /** For a seq: the lengths of items[i..] for each i. */
  private readonly suffixes = new Map<Node, Lengths[]>();
  /** For a repeat: the lengths of exactly k copies (countsOf). */
  private readonly counts = new Map<Node, { exactly: Lengths[]; settled: boolean }>();
  /** Steps of set arithmetic left: a pattern that would take longer is given up on (Unsupported). */
  private budget = 100_000_000;

  constructor(
    private readonly cap: number,
    private readonly random: () => number,
  ) {}

  lengths(node: Node): Lengths {
    let out = this.memo.get(node);
    if (out) return out;
    switch (node.kind) {
      case "chars":
        out = this.only(1);
        break;
      case "seq":
        out = this.suffixesOf(node.items, node)[0]!;
        break;
      case "alt":
        out = new Uint8Array(this.cap + 1);
        for (const option of node.options) this.lengths(option).forEach((v, n) => (out![n] ||= v));
        break;
      case "capture":
        out = this.lengths(node.node);
        break;
      case "backref":
        // Its length is its group's, chosen elsewhere: beyond a walk that picks each part's length alone.
        throw new Unsupported();
      case "repeat": {
        out = new Uint8Array(this.cap + 1);
        const { exactly, settled } = this.countsOf(node);
        for (let k = node.min; k < exactly.length && k <= node.max; k++) exactly[k]!.forEach((v, n) => (out![n] ||= v));
        // Every count past the sets computed gives the last set (settled), and such counts are allowed (min ≤ max).
        if (settled && node.min <= node.max) exactly[exactly.length - 1]!.forEach((v, n) => (out![n] ||= v));
        break;
      }
    }
    this.memo.set(node, out);
    return out;
  }

  /** A string of `node` exactly `target` code points long (target is one of lengths(node)). */
  exact(node: Node, target: number): string {
    switch (node.kind) {
      case "chars": {
        const members = [...node.set];
        return members[Math.floor(this.random() * members.length)]!;
      }
      case "capture":
        return this.exact(node.node, target);
      case "backref":
        throw new Unsupported();
      case "alt": {
        const fitting = node.options.filter((option) => this.lengths(option)[target]);
        if (fitting.length === 0) throw new Unsupported(); // cannot happen when target is a length of the alternation
        return this.exact(fitting[Math.floor(this.random() * fitting.length)]!, target);
      }
      case "seq": {
        const rest = this.suffixesOf(node.items, node);
        let out = "";
        let left = target;
        for (const [i, item] of node.items.entries()) {
          const n = this.pick(this.lengths(item), rest[i + 1]!, left);
          out += this.exact(item, n);
          left -= n;
        }
        return out;
      }
      case "repeat": {
        const { exactly, settled } = this.countsOf(node);
        const last = exactly.length - 1;
        // Counts whose copies can be `target` long (the first few); a settled set stands for every count past it.
        const usable: number[] = [];
        for (let k = node.min; k <= Math.min(node.max, last) && usable.length < 4; k++) if (exactly[k]![target]) usable.push(k);
        if (usable.length === 0 && settled && exactly[last]![target]) usable.push(Math.max(node.min, last + 1));
        if (usable.length === 0) throw new Unsupported();
        const k = usable[Math.floor(this.random() * usable.length)]!;
        const inner = this.lengths(node.node);
        let out = "";
        let left = target;
        for (let copy = 0; copy < k; copy++) {
          const n = this.pick(inner, exactly[Math.min(k - copy - 1, last)]!, left);
          out += this.exact(node.node, n);
          left -= n;
        }
        return out;
      }
    }
  }

  /** A length n of `first` with (target - n) one of `rest`: at random among those. */
  private pick(first: Lengths, rest: Lengths, target: number): number {
    const fitting: number[] = [];
    for (let n = 0; n <= target; n++) if (first[n] && rest[target - n]) fitting.push(n);
    if (fitting.length === 0) throw new Unsupported(); // cannot happen when target is a length of the whole
    return fitting[Math.floor(this.random() * fitting.length)]!;
  }

  private suffixesOf(items: Node[], key: Node): Lengths[] {
    let out = this.suffixes.get(key);
    if (out) return out;
    out = [this.only(0)];
    for (let i = items.length - 1; i >= 0; i--) out.unshift(this.plus(this.lengths(items[i]!), out[0]!));
    this.suffixes.set(key, out);
    return out;
  }

  /**
   * exactly[k]: the lengths of k copies, from k = 0 up to node.max copies, or until k copies give
   * nothing within cap (each copy at least one long: no further count gives anything), or until a
   * set equals the one before (an atom that can be empty: every further count gives that same set,
   * `settled`).
   */
  private countsOf(node: Extract<Node, { kind: "repeat" }>): { exactly: Lengths[]; settled: boolean } {
    let out = this.counts.get(node);
    if (out) return out;
    const inner = this.lengths(node.node);
    out = { exactly: [this.only(0)], settled: false };
    for (let k = 1; k <= node.max; k++) {
      const previous = out.exactly[k - 1]!;
      const next = this.plus(previous, inner);
      if (isEmpty(next)) break;
      if (next.every((v, n) => v === previous[n])) {
        out.settled = true;
        break;
      }
      out.exactly.push(next);
    }
    this.counts.set(node, out);
    return out;
  }

  /** {a + b : a in first, b in second} up to cap. */
  private plus(first: Lengths, second: Lengths): Lengths {
    const out = new Uint8Array(this.cap + 1);
    this.budget -= this.cap + 1;
    for (let a = 0; a <= this.cap; a++) {
      if (!first[a]) continue;
      this.budget -= this.cap + 1 - a;
      if (this.budget < 0) throw new Unsupported();
      for (let b = 0; a + b <= this.cap; b++) if (second[b]) out[a + b] = 1;
    }
    return out;
  }

  private only(n: number): Lengths {
    const out = new Uint8Array(this.cap + 1);
    if (n <= this.cap) out[n] = 1;
    return out;
  }
}

function isEmpty(lengths: Lengths): boolean {
  return lengths.every((v) => v === 0);
}

function fromSet(set: string): Node {
  if (set.length === 0) throw new Unsupported();
  return { kind: "chars", set };
}

class Parser {
  private at = 0;
  /** Capturing groups opened so far: the next one's number is groups + 1. */
  private groups = 0;
  constructor(
    private readonly source: string,
    /** A positive lookahead read as its text (SampleOptions.lookaheads), not as nothing. */
    private readonly lookaheadText = false,
  ) {}

  done(): boolean {
    return this.at >= this.source.length;
  }

  alternation(): Node {
    const options = [this.sequence()];
    while (this.source[this.at] === "|") {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { kind: "alt", options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (!this.done() && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const atom = this.atom();
      // A quantifier after an anchor, boundary or lookaround (`(?!\.)+`, amazonaws.com/elasticfilesystem;
      // the non-Unicode syntax allows it) repeats nothing: read and dropped.
      const quantified = this.quantified(atom ?? NOTHING);
      if (atom) items.push(quantified);
    }
    return { kind: "seq", items };
  }

  private quantified(atom: Node): Node {
    const char = this.source[this.at];
    let min: number;
    let max: number;
    if (char === "*") [min, max] = [0, Infinity];
    else if (char === "+") [min, max] = [1, Infinity];
    else if (char === "?") [min, max] = [0, 1];
    else if (char === "{") {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!match) return atom; // a literal "{"
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === "" ? Infinity : Number(match[3]);
      this.at += match[0].length - 1;
    } else return atom;
    this.at++;
    if (this.source[this.at] === "?") this.at++; // lazy: same strings
    return { kind: "repeat", node: atom, min, max };
  }

  /** One atom; undefined for an anchor. */
  private atom(): Node | undefined {
    const char = this.source[this.at++]!;
    if (char === "^" || char === "$") return undefined;
    if (char === ".") return fromSet(WORD);
    if (char === "(") {
      // A lookaround is read as nothing, as an anchor is: the sample may miss it (detective's
      // `(?:(?!-)[A-Za-z0-9-]{1,62})?` starts with "-" once in 63), and the guard, checking each
      // attempt, decides. A named group is a group; a positive lookahead read as its text
      // (SampleOptions.lookaheads) a group that captures nothing.
      let lookaround = false;
      let capturing = true;
      if (this.source[this.at] === "?") {
        const group = /^\?(:|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(this.source.slice(this.at));
        if (!group) throw new Unsupported();
        lookaround = group[1] !== ":" && !group[1]!.endsWith(">") && !(group[1] === "=" && this.lookaheadText);
        capturing = group[1]!.endsWith(">") && !lookaround;
        this.at += group[0].length;
      }
      const index = capturing ? ++this.groups : 0;
      const inner = this.alternation();
      if (this.source[this.at++] !== ")") throw new Unsupported();
      if (lookaround) return undefined;
      return capturing ? { kind: "capture", index, node: inner } : inner;
    }
    if (char === "[") return this.characterClass();
    if (char === "\\" && (this.source[this.at] === "b" || this.source[this.at] === "B")) {
      // A word boundary is read as nothing, as an anchor is (the guard checks each attempt):
      // sso-admin's request ids are `\b[0-9a-f]{8}\b-[0-9a-f]{4}\b-...`, which every sample of the
      // parts between meets.
      this.at++;
      return undefined;
    }
    if (char === "\\") return this.escape(false);
    if (char === "*" || char === "+" || char === "?") throw new Unsupported();
    return fromSet(char);
  }

  /** After a backslash: a class (\d) or a literal; in a class, returns the set as chars. */
  private escape(inClass: boolean): Node {
    const char = this.source[this.at++];
    if (char === undefined) throw new Unsupported();
    const sets: Record<string, string> = { d: DIGITS, w: WORD, s: SPACE, D: "abcXYZ_-", W: "-.!@ ", S: WORD };
    if (sets[char] !== undefined) return fromSet(sets[char]);
    if (/[1-9]/.test(char) && !inClass) {
      // A backreference (the ISO 8601 patterns of amazonaws.com/ssm and iotwireless: `(-?)...\3`).
      const digits = /^\d*/.exec(this.source.slice(this.at))![0];
      this.at += digits.length;
      return { kind: "backref", index: Number(char + digits) };
    }
    const controls: Record<string, string> = { b: "\b", n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", "0": "\0" };
    if (controls[char] !== undefined) return fromSet(controls[char]);
    if (char === "u" || char === "x") {
      const braced = char === "u" && this.source[this.at] === "{" ? /^\{([0-9a-fA-F]+)\}/.exec(this.source.slice(this.at)) : null;
      const hex = braced ? braced[1]! : this.source.slice(this.at, this.at + (char === "u" ? 4 : 2));
      // Not an escape of a code point: the non-Unicode syntax (the only one such a pattern compiles with) reads the letter.
      if (!/^[0-9a-fA-F]+$/.test(hex) || (!braced && hex.length !== (char === "u" ? 4 : 2))) return fromSet(char);
      this.at += braced ? braced[0].length : hex.length;
      return fromSet(String.fromCodePoint(parseInt(hex, 16)));
    }
    if (char === "p" || char === "P") {
      const name = this.readProperty();
      // `\p` without `{Name}` compiles only without "u", which reads the letter (identitystore's `\p\{L\}`).
      return fromSet(name === undefined ? char : propertyMembers(name, char === "P"));
    }
    return fromSet(char);
  }

  /** After `\p`: the `{Name}` or `{Name=Value}` of a Unicode property escape. */
  private readProperty(): string | undefined {
    const match = /^\{([\w=]+)\}/.exec(this.source.slice(this.at));
    if (!match) return undefined;
    this.at += match[0].length;
    return match[1]!;
  }

  private characterClass(): Node {
    const negated = this.source[this.at] === "^";
    if (negated) this.at++;
    let set = "";
    let first = true;
    while (this.source[this.at] !== "]" || first) {
      first = false;
      if (this.done()) throw new Unsupported();
      let low: string;
      if (this.source[this.at] === "\\") {
        this.at++;
        const members = membersOf(this.escape(true));
        if (members.length !== 1) {
          set += members;
          continue;
        }
        low = members;
      } else low = this.source[this.at++]!;
      if (this.source[this.at] === "-" && this.source[this.at + 1] !== "]" && this.at + 1 < this.source.length) {
        this.at++;
        let high = this.source[this.at++]!;
        if (high === "\\") high = membersOf(this.escape(true));
        if (high.length !== 1) throw new Unsupported();
        for (let code = low.codePointAt(0)!; code <= high.codePointAt(0)! && code - low.codePointAt(0)! < 2000; code++) set += String.fromCodePoint(code);
      } else set += low;
    }
    this.at++;
    if (negated) {
      // Printable ASCII first; a class that excludes it all (quicksight's `[^\u0000-\u00FF]`) draws from beyond.
      const outside = (chars: string) => [...chars].filter((c) => !set.includes(c)).join("");
      return fromSet(outside(PRINTABLE) || outside(BEYOND_ASCII));
    }
    return fromSet([...new Set(set)].join(""));
  }
}

/**
 * Characters beyond ASCII that property escapes may ask for: letters of several scripts (Latin,
 * Greek, Cyrillic, kana, Han, Hangul), a combining mark, a no-break and a line separator, a
 * zero-width space (a format character), a currency sign, a dash, a fraction, and two controls.
 */
const BEYOND_ASCII = "\u00e9\u00df\u0394\u0436\u3042\u30ab\u4e2d\ud55c\u0301\u00a0\u2028\u200b\u20ac\u2014\u00bd\t\n";

/**
 * The members of a Unicode property escape (`\p{L}`, `\P{C}`, `\p{Script=Greek}`) that a sample
 * draws from: the printable ASCII characters it has, as RegExp itself decides with "u", else those of
 * BEYOND_ASCII. AWS documents write `[\p{L}\p{M}\p{Z}\p{S}\p{N}\p{P}]+` after a fixed prefix
 * (sso-admin's `arn:aws:iam::aws:policy/...` ARNs): without them no request could be synthesized.
 * A name RegExp does not know (Java's classes are spelled out before: regex-flags.ts) is Unsupported.
 */
function propertyMembers(name: string, negated: boolean): string {
  let property: RegExp;
  try {
    property = new RegExp(`^\\p{${name}}$`, "u");
  } catch {
    throw new Unsupported();
  }
  const member = (c: string) => property.test(c) !== negated;
  const ascii = [...PRINTABLE].filter(member);
  return (ascii.length > 0 ? ascii : [...BEYOND_ASCII].filter(member)).join("");
}

/** The characters of an escape met in a class. */
function membersOf(node: Node): string {
  if (node.kind !== "chars") throw new Unsupported();
  return node.set;
}
