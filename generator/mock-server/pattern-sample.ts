/**
 * A string that matches a regular expression (a schema's `pattern`), for synthesized values: a small
 * sampler over the ECMA-262 subset that schemas use (literals, classes, escapes, groups, alternation,
 * quantifiers, anchors). Lookarounds and backreferences are beyond it: undefined, and the caller
 * falls back (the guard then decides, and the server says when no valid value was found).
 */

type Node =
  | { kind: "chars"; set: string }
  | { kind: "seq"; items: Node[] }
  | { kind: "alt"; options: Node[] }
  | { kind: "repeat"; node: Node; min: number; max: number };

class Unsupported extends Error {}

const DIGITS = "0123456789";
const WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
const SPACE = " ";
/** What `.` and negated classes pick from. */
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");

/** A string matching `pattern`, or undefined when the pattern uses what the sampler does not know. */
export function samplePattern(pattern: string, random: () => number): string | undefined {
  try {
    const parser = new Parser(pattern);
    const node = parser.alternation();
    if (!parser.done()) return undefined;
    return generate(node, random);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function generate(node: Node, random: () => number): string {
  switch (node.kind) {
    case "chars":
      return [...node.set][Math.floor(random() * [...node.set].length)]!;
    case "seq":
      return node.items.map((item) => generate(item, random)).join("");
    case "alt":
      return generate(node.options[Math.floor(random() * node.options.length)]!, random);
    case "repeat": {
      const count = node.min + Math.floor(random() * (Math.min(node.max, node.min + 3) - node.min + 1));
      let out = "";
      for (let i = 0; i < count; i++) out += generate(node.node, random);
      return out;
    }
  }
}

function fromSet(set: string): Node {
  if (set.length === 0) throw new Unsupported();
  return { kind: "chars", set };
}

class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

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
      if (atom) items.push(this.quantified(atom));
    }
    return { kind: "seq", items };
  }

  private quantified(atom: Node): Node {
    const char = this.source[this.at];
    let min: number;
    let max: number;
    if (char === "*") [min, max] = [0, 3];
    else if (char === "+") [min, max] = [1, 4];
    else if (char === "?") [min, max] = [0, 1];
    else if (char === "{") {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!match) return atom; // a literal "{"
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === "" ? min + 3 : Number(match[3]);
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
      if (this.source[this.at] === "?") {
        if (this.source[this.at + 1] !== ":") throw new Unsupported(); // lookaround, named group
        this.at += 2;
      }
      const inner = this.alternation();
      if (this.source[this.at++] !== ")") throw new Unsupported();
      return inner;
    }
    if (char === "[") return this.characterClass();
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
    if (/[1-9]/.test(char) && !inClass) throw new Unsupported(); // backreference
    if (char === "b" && !inClass) throw new Unsupported(); // word boundary
    const controls: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", "0": "\0" };
    if (controls[char] !== undefined) return fromSet(controls[char]);
    if (char === "u" || char === "x") {
      const braced = char === "u" && this.source[this.at] === "{" ? /^\{([0-9a-fA-F]+)\}/.exec(this.source.slice(this.at)) : null;
      const hex = braced ? braced[1]! : this.source.slice(this.at, this.at + (char === "u" ? 4 : 2));
      if (!/^[0-9a-fA-F]+$/.test(hex)) throw new Unsupported();
      this.at += braced ? braced[0].length : hex.length;
      return fromSet(String.fromCodePoint(parseInt(hex, 16)));
    }
    if (char === "p" || char === "P") throw new Unsupported();
    return fromSet(char);
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
    if (negated) return fromSet([...PRINTABLE].filter((c) => !set.includes(c)).join(""));
    return fromSet([...new Set(set)].join(""));
  }
}

/** The characters of an escape met in a class. */
function membersOf(node: Node): string {
  if (node.kind !== "chars") throw new Unsupported();
  return node.set;
}
