/**
 * What every guard shares: the error and result types, the error thrown by `assertX`, and the
 * Standard Schema v1 adapter. Zero dependencies: the Standard Schema interface is declared here.
 */

/** One failed check. `path` is a JSON Pointer into the value ("" = the value itself), like ajv's instancePath. */
export interface ValidationError {
  path: string;
  /** Where the failing keyword is in the schema: "#/$defs/TrackEvent/required". */
  schemaPath: string;
  keyword: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/**
 * Records one error (generated code calls this rather than repeating the object literal: smaller
 * output). Without a list (a guard's fast path) it records nothing and returns true: "stop, invalid".
 * The keyword is the schema path's last token unless given (it is, for the few errors whose schema
 * path ends elsewhere: maxDepth, a false schema, discriminator), so most calls do not repeat it.
 */
export function pushError(errors: ValidationError[] | undefined, path: string, schemaPath: string, message: string, keyword?: string): boolean {
  if (!errors) return true;
  errors.push({ path, schemaPath, keyword: keyword ?? (keywords[schemaPath] ??= schemaPath.slice(schemaPath.lastIndexOf("/") + 1)), message });
  return false;
}

/**
 * The keyword of each schema path seen (its last token), so a check failing again does not search
 * and slice the path (lastIndexOf is a call into the runtime: a tenth of an all-errors validateX).
 * Keyed by schema paths, which all hold a "#": none is a key of Object.prototype. Bounded by the
 * paths written in the guards.
 */
const keywords: Record<string, string> = {};

/** {@link pushError} for an error about one key: the key, as JSON, goes between `message` and `afterKey`. */
export function pushKeyError(errors: ValidationError[] | undefined, path: string, key: string, schemaPath: string, message: string, afterKey = "", keyword?: string): boolean {
  return !errors || pushError(errors, path, schemaPath, message + JSON.stringify(key) + afterKey, keyword);
}

/**
 * Collecting, an array's items report at paths relative to the array ("3/id", "3"): building
 * "/events/3" for every item, valid or not, was a sixth of an all-errors validateX on the Koala
 * batch. After the loop, the errors it added (from index `from` on) get the array's path and "/"
 * in front, only those, once per array level.
 */
export function rebase(errors: ValidationError[], from: number | undefined, prefix: string): void {
  // `from` is `errors?.length` before the loop: set whenever `errors` is.
  for (let k = from!; k < errors.length; k++) errors[k]!.path = prefix + errors[k]!.path;
}

/** Thrown by `assertX`: carries every error, and says the first few in its message. */
export class SchemaValidationError extends Error {
  readonly errors: ValidationError[];
  constructor(typeName: string, errors: ValidationError[]) {
    super(describeErrors(typeName, errors));
    this.name = "SchemaValidationError";
    this.errors = errors;
  }
}

/** "not a valid TrackEvent: /event must be string; (root) must have required property 'type'". */
export function describeErrors(typeName: string, errors: readonly ValidationError[]): string {
  const shown = errors.slice(0, 5).map((e) => `${e.path || "(root)"} ${e.message}`);
  if (errors.length > shown.length) shown.push(`and ${errors.length - shown.length} more`);
  return `not a valid ${typeName}: ${shown.join("; ")}`;
}

/** The Standard Schema v1 interface (https://standardschema.dev), declared locally so nothing is imported at run time. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace StandardSchemaV1 {
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  export interface PathSegment {
    readonly key: PropertyKey;
  }
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
}

/** Wraps a generated `validateX` as a Standard Schema v1 object. */
export function standardSchema<T>(validate: (value: unknown) => ValidationResult<T>): StandardSchemaV1<T> {
  return {
    "~standard": {
      version: 1,
      vendor: "koala-codegen",
      validate(value: unknown): StandardSchemaV1.Result<T> {
        const result = validate(value);
        if (result.ok) return { value: result.value };
        return { issues: result.errors.map((e) => ({ message: e.message, path: pointerSegments(e.path) })) };
      },
    },
  };
}

/** "/events/0/type" → ["events", 0, "type"]: array indexes become numbers, `~1`/`~0` are unescaped. */
export function pointerSegments(pointer: string): (string | number)[] {
  // The token before the first "/" is the empty root (and "" has only that one): slice it off.
  return pointer
    .split("/")
    .slice(1)
    .map((token) => {
      const key = token.replace(/~1/g, "/").replace(/~0/g, "~");
      return /^(0|[1-9]\d*)$/.test(key) ? Number(key) : key;
    });
}

/**
 * A generated check (`collect$X`): called with the value alone it is the fast path (false at the
 * first failure, nothing allocated); called with a list it pushes every error into it.
 */
export type Check = (value: unknown, path?: string, errors?: ValidationError[]) => boolean;

/**
 * The failed result of `validateX` once its fast path said invalid: the check run again to collect
 * every error. `validateX` stays a function of its own that calls its check directly (see
 * emit/guards/index.ts); only this slow path, and {@link tooDeep}, are shared by every type.
 */
export function invalid(check: Check, value: unknown): { ok: false; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  check(value, "", errors);
  return { ok: false, errors };
}

/**
 * The result of `validateX` when its check threw: the call stack ran out (a value nested deeper
 * than the depth counter of recursive types foresees, emit/guards/guard-module.ts DATA_DEPTH_LIMIT)
 * is one "maxDepth" error, never a RangeError; any other exception (a getter of the data) goes through.
 * `isX` calls it too, for the same test and rethrow: any result means "not valid".
 */
export function tooDeep(error: unknown): { ok: false; errors: ValidationError[] } {
  if (!(error instanceof RangeError)) throw error;
  return { ok: false, errors: [{ path: "", schemaPath: "#", keyword: "maxDepth", message: "is nested too deep to check: the call stack ran out" }] };
}
