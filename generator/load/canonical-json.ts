/**
 * The text the schema hash is taken over (package.json's schemaHash, koala-codegen.api.json):
 * JSON.stringify's text with every object's keys sorted, no white space, and a value JSON has no
 * text for written as null. Its text must never change: every committed package would be out of date.
 *
 * Most of a document is written by JSON.stringify itself, which is native and several times faster
 * than building the text in JavaScript: a first walk finds the arrays and objects whose
 * JSON.stringify text is already canonical (plain, keys already in sorted order, every value JSON,
 * nested at most NATIVE_HEIGHT deep), and the second writes the others key by key, as before,
 * handing each canonical child to JSON.stringify whole. Documents are often written with their
 * keys sorted (every APIs.guru document is): stripe's 2.5 MB document then is one JSON.stringify.
 * Both walks keep a stack of their own, not recursion: documents nest as deep as JSON.parse allows.
 */

/** Deeper than this, a subtree is written key by key: JSON.stringify recurses on the machine stack. */
const NATIVE_HEIGHT = 1000;

type Container = readonly unknown[] | Record<string, unknown>;

export function canonicalJson(root: unknown): string {
  const written = typeof root === "object" && root !== null ? keyByKey(root as Container) : undefined;
  if (written === undefined || !written.has(root as Container)) return JSON.stringify(root) ?? "null";
  const out: string[] = [];
  const containers: Container[] = [];
  const keysOf: (string[] | undefined)[] = [];
  const nextOf: number[] = [];
  const quotedKeys = new Map<string, string>();
  const write = (value: unknown): void => {
    if (typeof value === "object" && value !== null && !written.has(value as Container)) {
      out.push(JSON.stringify(value));
    } else if (Array.isArray(value)) {
      out.push("[");
      containers.push(value);
      keysOf.push(undefined);
      nextOf.push(0);
    } else if (typeof value === "object" && value !== null) {
      out.push("{");
      const keys = Object.keys(value).sort();
      containers.push(value as Record<string, unknown>);
      keysOf.push(keys);
      nextOf.push(0);
    } else {
      out.push(JSON.stringify(value) ?? "null");
    }
  };
  write(root);
  while (containers.length > 0) {
    const top = containers.length - 1;
    const container = containers[top]!;
    const keys = keysOf[top];
    const i = nextOf[top]!;
    if (i === (keys ?? (container as readonly unknown[])).length) {
      out.push(keys === undefined ? "]" : "}");
      containers.pop();
      keysOf.pop();
      nextOf.pop();
      continue;
    }
    nextOf[top] = i + 1;
    if (i > 0) out.push(",");
    if (keys !== undefined) {
      // Keys repeat ("type", "description", ...): each is quoted once.
      let key = quotedKeys.get(keys[i]!);
      if (key === undefined) quotedKeys.set(keys[i]!, (key = `${JSON.stringify(keys[i])}:`));
      out.push(key);
    }
    write(keys === undefined ? (container as readonly unknown[])[i] : (container as Record<string, unknown>)[keys[i]!]);
  }
  return out.join("");
}

/**
 * The arrays and objects below `root` (itself included) that JSON.stringify would not write as
 * canonicalJson does: an object whose keys are not in sorted order (JSON.stringify follows
 * Object.keys: integer-like keys first, by number, then the others as inserted), that is not a
 * plain object or array (a Date has a toJSON), or that holds a value JSON has no text for
 * (undefined, a function: JSON.stringify leaves such a property out); and every array or object
 * holding one of those, or nested more than NATIVE_HEIGHT deep. Post-order, with a stack.
 */
function keyByKey(root: Container): Set<Container> {
  const found = new Set<Container>();
  const containers: Container[] = [];
  const keysOf: (string[] | undefined)[] = [];
  const nextOf: number[] = [];
  /** Whether the container is canonical so far (itself, and the children seen). */
  const canonicalOf: boolean[] = [];
  /** The height of its tallest child seen so far (0: none, or only values). */
  const heightOf: number[] = [];
  const enter = (value: Container): void => {
    let canonical: boolean;
    let keys: string[] | undefined;
    if (Array.isArray(value)) {
      canonical = Object.getPrototypeOf(value) === Array.prototype;
    } else {
      const prototype: unknown = Object.getPrototypeOf(value);
      keys = Object.keys(value);
      canonical = prototype === Object.prototype || prototype === null;
      for (let i = 1; canonical && i < keys.length; i++) canonical = keys[i - 1]! < keys[i]!;
    }
    containers.push(value);
    keysOf.push(keys);
    nextOf.push(0);
    canonicalOf.push(canonical);
    heightOf.push(0);
  };
  enter(root);
  while (containers.length > 0) {
    const top = containers.length - 1;
    const container = containers[top]!;
    const keys = keysOf[top];
    const i = nextOf[top]!;
    if (i === (keys ?? (container as readonly unknown[])).length) {
      const height = heightOf[top]! + 1;
      const canonical = canonicalOf[top]! && height <= NATIVE_HEIGHT;
      if (!canonical) found.add(container);
      containers.pop();
      keysOf.pop();
      nextOf.pop();
      canonicalOf.pop();
      heightOf.pop();
      if (top > 0) {
        if (!canonical) canonicalOf[top - 1] = false;
        if (height > heightOf[top - 1]!) heightOf[top - 1] = height;
      }
      continue;
    }
    nextOf[top] = i + 1;
    const value = keys === undefined ? (container as readonly unknown[])[i] : (container as Record<string, unknown>)[keys[i]!];
    if (typeof value === "object" && value !== null) enter(value as Container);
    else if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean" && value !== null) canonicalOf[top] = false;
  }
  return found;
}
