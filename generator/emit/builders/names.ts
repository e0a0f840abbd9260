/**
 * Every identifier `builders.ts` declares or imports, decided up front so that nothing it exports
 * can collide with the types and guards that `index.ts` re-exports next to it (an `export *`
 * collision would be a compile error in the package).
 */
import type { IrModel } from "../../ir/model";
import { NameAllocator } from "../../ir/naming";
import { namesDerivedFrom } from "../index";
import { guardNames as guardsArtifactNames } from "../guards/artifact";
import { builderNames } from "./artifact";
import { CLIENT_RUNTIME_TYPES, QUEUE_TYPES } from "../client/artifact";
import { GUARDS_RUNTIME_EXPORTS } from "../guards/index";

/**
 * The runtime template is imported as a namespace (`runtime.defined(...)`): no schema type can
 * shadow it, since type names are PascalCase and this value name is claimed below.
 */
export const RUNTIME_NAMESPACE = "runtime";
/** Re-exported from the runtime so users can name it. */
export const RUNTIME_TYPE_EXPORTS = ["StampOptions", "GroupOptions", "InvalidEntry"] as const;

/** The guard functions `guards.ts` exports for a named type (the agreed names). */
export function guardNames(typeName: string): { is: string; validate: string; assert: string; schema: string } {
  const g = guardsArtifactNames;
  return { is: g.is(typeName), validate: g.validate(typeName), assert: g.assert(typeName), schema: g.standardSchema(typeName) };
}

export function createName(typeName: string): string {
  return builderNames.create(typeName);
}

export function chunkName(typeName: string): string {
  return builderNames.chunk(typeName);
}

export function groupName(typeName: string): string {
  return builderNames.group(typeName);
}

/** "a TrackEvent", "an IdentifyCall": for generated documentation. */
export function withArticle(typeName: string): string {
  return `${/^[AEIOU]/.test(typeName) ? "an" : "a"} {@link ${typeName}}`;
}

/**
 * Two namespaces: values (functions) and types. Both start with everything the package already
 * exports, plus the runtime imports; `type()` hands out a fresh type name (suffixing on a
 * collision, with a warning), `takeValue()` claims a value name or reports that it is taken.
 */
export class ModuleNames {
  private readonly types: NameAllocator;
  private readonly values = new Set<string>();

  constructor(model: IrModel) {
    const typeNames = model.types.map((t) => t.name);
    // A builder type (`RetryOptions` for a short builder `retry`) must not take a runtime name the
    // package re-exports (guards', the client's, ours), nor a schema type's.
    const runtimeExports = [...RUNTIME_TYPE_EXPORTS, ...GUARDS_RUNTIME_EXPORTS.values, ...GUARDS_RUNTIME_EXPORTS.types, ...CLIENT_RUNTIME_TYPES, ...QUEUE_TYPES];
    this.types = new NameAllocator([...typeNames, ...runtimeExports, ...typeNames.map((n) => guardNames(n).schema)], namesDerivedFrom);
    for (const name of typeNames) {
      const guards = guardNames(name);
      for (const value of [guards.is, guards.validate, guards.assert, guards.schema]) this.values.add(value);
    }
    this.values.add(RUNTIME_NAMESPACE);
  }

  get warnings(): readonly string[] {
    return this.types.warnings;
  }

  /** A new exported type name based on `desired` ("TrackEventInput"). */
  type(desired: string, origin: string): string {
    return this.types.allocate(desired, origin);
  }

  /** Claims a value name; false when it is taken (the caller falls back or gives up). */
  takeValue(name: string): boolean {
    if (this.values.has(name)) return false;
    this.values.add(name);
    return true;
  }

  hasValue(name: string): boolean {
    return this.values.has(name);
  }
}
