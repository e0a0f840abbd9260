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
export type ValidationResult<T> = {
    ok: true;
    value: T;
} | {
    ok: false;
    errors: ValidationError[];
};
/**
 * Records one error (generated code calls this rather than repeating the object literal: smaller
 * output). Without a list (a guard's fast path) it records nothing and returns true: "stop, invalid".
 * The keyword is the schema path's last token unless given (it is, for the few errors whose schema
 * path ends elsewhere: maxDepth, a false schema, discriminator), so most calls do not repeat it.
 */
export declare function pushError(errors: ValidationError[] | undefined, path: string, schemaPath: string, message: string, keyword?: string): boolean;
/** {@link pushError} for an error about one key: the key, as JSON, goes between `message` and `afterKey`. */
export declare function pushKeyError(errors: ValidationError[] | undefined, path: string, key: string, schemaPath: string, message: string, afterKey?: string, keyword?: string): boolean;
/**
 * Collecting, an array's items report at paths relative to the array ("3/id", "3"): building
 * "/events/3" for every item, valid or not, was a sixth of an all-errors validateX on the Koala
 * batch. After the loop, the errors it added (from index `from` on) get the array's path and "/"
 * in front, only those, once per array level.
 */
export declare function rebase(errors: ValidationError[], from: number | undefined, prefix: string): void;
/** Thrown by `assertX`: carries every error, and says the first few in its message. */
export declare class SchemaValidationError extends Error {
    readonly errors: ValidationError[];
    constructor(typeName: string, errors: ValidationError[]);
}
/** "not a valid TrackEvent: /event must be string; (root) must have required property 'type'". */
export declare function describeErrors(typeName: string, errors: readonly ValidationError[]): string;
/** The Standard Schema v1 interface (https://standardschema.dev), declared locally so nothing is imported at run time. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
    readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}
export declare namespace StandardSchemaV1 {
    interface Props<Input = unknown, Output = Input> {
        readonly version: 1;
        readonly vendor: string;
        readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
        readonly types?: Types<Input, Output> | undefined;
    }
    type Result<Output> = SuccessResult<Output> | FailureResult;
    interface SuccessResult<Output> {
        readonly value: Output;
        readonly issues?: undefined;
    }
    interface FailureResult {
        readonly issues: ReadonlyArray<Issue>;
    }
    interface Issue {
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
    }
    interface PathSegment {
        readonly key: PropertyKey;
    }
    interface Types<Input = unknown, Output = Input> {
        readonly input: Input;
        readonly output: Output;
    }
}
/** Wraps a generated `validateX` as a Standard Schema v1 object. */
export declare function standardSchema<T>(validate: (value: unknown) => ValidationResult<T>): StandardSchemaV1<T>;
/** "/events/0/type" → ["events", 0, "type"]: array indexes become numbers, `~1`/`~0` are unescaped. */
export declare function pointerSegments(pointer: string): (string | number)[];
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
export declare function invalid(check: Check, value: unknown): {
    ok: false;
    errors: ValidationError[];
};
/**
 * The result of `validateX` when its check threw: the call stack ran out (a value nested deeper
 * than the depth counter of recursive types foresees, emit/guards/guard-module.ts DATA_DEPTH_LIMIT)
 * is one "maxDepth" error, never a RangeError; any other exception (a getter of the data) goes through.
 * `isX` calls it too, for the same test and rethrow: any result means "not valid".
 */
export declare function tooDeep(error: unknown): {
    ok: false;
    errors: ValidationError[];
};
