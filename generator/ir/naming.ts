/**
 * Naming, as its own stage: every identifier the output uses comes from here, so the rules for
 * valid identifiers, reserved words and collisions live in one place.
 */

import { showPlace } from "../errors";
import { numberedName, toTypeName } from "../identifiers";
import { unescapePointerToken } from "../load/keywords";
export { isBareKey, isIdentifier, toCamelCase, toPascalCase, toTypeName, toValueName } from "../identifiers";

/** Two names that became one identifier, and what the later one got instead. */
export interface NameCollision {
  /** The name the schema gave ("user_id"). */
  desired: string;
  /** The identifier it becomes ("UserId"). */
  base: string;
  /** What it got ("UserId2"). */
  name: string;
  /** Where it is defined ("#/$defs/user_id"), as the schema path (not percent-encoded). */
  origin: string;
  /** Why `base` was not free ("taken by #/$defs/UserId"), for a user to read: places in it go through showPlace ("#/$defs/user%20id"). */
  reason: string;
}

/**
 * Hands out unique names in a deterministic way: the first comer keeps the name, later ones get
 * a numeric suffix (`Foo2`, `Foo3`; `Response200_2` after a digit) and a warning that says which schema locations collided.
 * Type names are compared case-insensitively, because generated files may land on case-insensitive
 * file systems and because `Foo`/`foo` side by side confuses people. A type name is only handed
 * out if the names derived from it (`isFoo`, `FooSchema`, ...) are free too, and no later type may
 * take a derived name (a type `FooSchema` next to `Foo`): those compare exactly, as JavaScript does
 * (`createUser` and a type `CreateUser` coexist).
 */
/**
 * The value names the emitters derive from a type name (`isX`, `createX`, ...; emit/index.ts's
 * namesDerivedFrom, from each artifact's declaration), handed in by whoever names types so that
 * the IR needs nothing from the emitters.
 */
export type DerivedNames = (type: string, isRoot: boolean) => string[];

const NO_DERIVED_NAMES: DerivedNames = () => [];

export class NameAllocator {
  private readonly taken = new Map<string, string>();
  /** Exact type names → who owns them. */
  private readonly exactTypes = new Map<string, string>();
  /**
   * Exact derived (and reserved) value names → who owns them: a reserved name's owner as it is
   * shown, a derived name's type by its origin (shown only in the rare message that names it:
   * thousands of types derive several names each).
   */
  private readonly values = new Map<string, string | { origin: string; as: string }>();
  readonly collisions: NameCollision[] = [];

  /** Collisions are settled by the caller, from `collisions` (ir/fold-duplicates.ts; --name-collisions error fails there). */
  constructor(
    reserved: Iterable<string> = [],
    private readonly derivedFrom: DerivedNames = NO_DERIVED_NAMES,
  ) {
    // Reserved names (a client's names) compare exactly: a reserved `createAcmeClient` does not block a type `CreateAcmeClient`.
    for (const name of reserved) this.values.set(name, "(reserved by the generated code)");
  }

  /** One line per collision: `name collision: <origin> wanted "X", <reason>; using "X2"`. */
  get warnings(): string[] {
    return this.collisions.map((c) => `name collision: ${showPlace(c.origin)} wanted "${c.base}", ${c.reason}; using "${c.name}"`);
  }

  /** A unique type name for `desired`; `isRoot` reserves the root-only derived names as well. */
  allocate(desired: string, origin: string, isRoot = false): string {
    const base = toTypeName(desired);
    let derived = this.derivedFrom(base, isRoot);
    const reason = this.conflict(base, derived);
    let name = base;
    if (reason !== undefined) {
      for (let n = 2; ; n++) {
        name = numberedName(base, n);
        derived = this.derivedFrom(name, isRoot);
        if (this.conflict(name, derived) === undefined) break;
      }
      const collision = { desired, base, name, origin, reason };
      this.collisions.push(collision);
    }
    this.taken.set(name.toLowerCase(), origin);
    this.exactTypes.set(name, origin);
    for (const as of derived) this.values.set(as, { origin, as });
    return name;
  }

  /**
   * The name of the next subschema hoisted out of type `base` because it nests too deep ("Deep_1",
   * "Deep_2", ...). `toTypeName` never puts "_<digits>" after a letter or digit, so a schema's own
   * name cannot take it; the conflict check covers the rest.
   */
  allocateHoisted(base: string, origin: string): string {
    let name: string;
    let derived: string[];
    do {
      const n = (this.hoisted.get(base) ?? 0) + 1;
      this.hoisted.set(base, n);
      name = `${base}_${n}`;
      derived = this.derivedFrom(name, false);
    } while (this.conflict(name, derived) !== undefined);
    this.taken.set(name.toLowerCase(), origin);
    this.exactTypes.set(name, origin);
    for (const as of derived) this.values.set(as, { origin, as });
    return name;
  }

  private readonly hoisted = new Map<string, number>();

  /** Value (and exported type) names that no type may take or derive, compared exactly as reserved names are: an API's client names. */
  reserve(names: Iterable<string>, owner: string): void {
    for (const name of names) this.values.set(name, owner);
  }

  has(name: string): boolean {
    return this.taken.has(name.toLowerCase()) || this.values.has(name);
  }

  /** Why `name`, deriving the value names `derived`, cannot be handed out, or undefined when it can. */
  private conflict(name: string, derived: readonly string[]): string | undefined {
    // `taken` and `exactTypes` hold origins as they are, shown here.
    const owner = this.taken.get(name.toLowerCase());
    if (owner !== undefined) return `taken by ${showPlace(owner)}`;
    const value = this.values.get(name);
    if (value !== undefined) return `taken by ${ownerText(value)}`;
    for (const as of derived) {
      const value = this.values.get(as);
      if (value !== undefined) return `its derived name "${as}" is taken by ${ownerText(value)}`;
      const type = this.exactTypes.get(as);
      if (type !== undefined) return `its derived name "${as}" is taken by ${showPlace(type)}`;
    }
    return undefined;
  }
}

/** Who owns a value name, as a message shows it: "#/$defs/user%20id (as isUserId)". */
function ownerText(owner: string | { origin: string; as: string }): string {
  return typeof owner === "string" ? owner : `${showPlace(owner.origin)} (as ${owner.as})`;
}

/**
 * The name a reference's target asks for: its `$defs` (or `definitions`) key, else its `title`, else
 * its file's name for a file's root, else the meaningful tokens of its pointer (`pointer`, in the
 * file `uri`), else the referencing path (`fromPath`).
 */
export function referenceNameHint(target: { title?: unknown }, uri: string, pointer: string, fromPath: string): string {
  const tokens = pointer.split("/").slice(1).map(unescapePointerToken);
  const last = tokens[tokens.length - 1];
  const parentKeyword = tokens[tokens.length - 2];
  if (last !== undefined && (parentKeyword === "$defs" || parentKeyword === "definitions")) return last;
  if (typeof target.title === "string" && target.title.trim()) return target.title;
  if (tokens.length === 0) {
    const file = uri.replace(/#.*$/, "").split("/").pop() ?? "";
    return file.replace(/(\.schema)?\.(json|ya?ml)$/i, "") || "Schema";
  }
  const meaningful = tokens.filter((t) => !/^(properties|items|prefixItems|\d+|allOf|anyOf|oneOf|\$defs|definitions)$/.test(t));
  return meaningful.slice(-2).join(" ") || fromPath.replace(/[^A-Za-z0-9]+/g, " ");
}
