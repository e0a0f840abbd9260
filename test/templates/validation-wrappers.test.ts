/**
 * templates/runtime/validation.ts: the shared cold paths of the exported wrappers (`invalid`: every
 * error once the fast path said no; `tooDeep`: the check threw) and `standardSchema`, under
 * `validateX` written as emit/guards/index.ts writes it, on hand-written checks with the generated
 * checks' contract: false at the first failure without a list, every error pushed with one. The
 * generated wrappers are tested end to end elsewhere (test/emit/guards/koala-guards.test.ts,
 * test/e2e/deep-schemas.test.ts, test/emit/guards/wrappers.test.ts).
 */
import { invalid, pushError, SchemaValidationError, standardSchema, tooDeep, type Check, type ValidationError, type ValidationResult } from "../../templates/runtime/validation";

/** A check of `{ n: number }` with two possible errors, as generated code writes it. */
function collectPoint(value: unknown, path = "", errors?: ValidationError[]): boolean {
  if (typeof value !== "object" || value === null) return !pushError(errors, path, "#/type", "must be object");
  const n = (value as { n?: unknown }).n;
  if (typeof n !== "number") {
    if (pushError(errors, `${path}/n`, "#/properties/n/type", "must be number")) return false;
  } else if (n < 0) {
    if (pushError(errors, `${path}/n`, "#/properties/n/minimum", "must be >= 0")) return false;
  }
  return errors === undefined || errors.length === 0;
}

/** A check that recurses without end: the call stack runs out, as on data nested too deep. */
function collectForever(value: unknown, path = "", errors?: ValidationError[]): boolean {
  return collectForever(value, path, errors);
}

const STACK_ERROR = { path: "", schemaPath: "#", keyword: "maxDepth", message: "is nested too deep to check: the call stack ran out" };

/** validateX and assertX as generated code writes them, over `check` (`reset`: a module's depth counter put back). */
function wrappers<T>(name: string, check: Check, reset = (): void => {}) {
  function validate(value: unknown): ValidationResult<T> {
    try {
      return check(value) ? { ok: true, value: value as T } : invalid(check, value);
    } catch (error) {
      reset();
      return tooDeep(error);
    }
  }
  function assert(value: unknown): asserts value is T {
    const result = validate(value);
    if (!result.ok) throw new SchemaValidationError(name, result.errors);
  }
  return { validate, assert };
}

test("invalid: every error of the check, collected from the root", () => {
  expect(invalid(collectPoint, { n: -1 })).toEqual({ ok: false, errors: [{ path: "/n", schemaPath: "#/properties/n/minimum", keyword: "minimum", message: "must be >= 0" }] });
  expect(invalid(collectPoint, null)).toEqual({ ok: false, errors: [{ path: "", schemaPath: "#/type", keyword: "type", message: "must be object" }] });
});

test("tooDeep: one maxDepth error for a RangeError, a fresh one each time; any other exception thrown again", () => {
  const first = tooDeep(new RangeError("Maximum call stack size exceeded"));
  expect(first).toEqual({ ok: false, errors: [STACK_ERROR] });
  first.errors[0]!.message = "changed";
  expect(tooDeep(new RangeError("x"))).toEqual({ ok: false, errors: [STACK_ERROR] });
  const other = new TypeError("getter failed");
  expect(() => tooDeep(other)).toThrow(other);
});

test("validateX: the value itself on success, every error on failure, maxDepth when the stack runs out (after the reset)", () => {
  const { validate } = wrappers<{ n: number }>("Point", collectPoint);
  const valid = { n: 1 };
  const result = validate(valid);
  expect(result).toEqual({ ok: true, value: valid });
  expect(result.ok && result.value).toBe(valid);
  expect(validate({ n: "1" })).toEqual({ ok: false, errors: [{ path: "/n", schemaPath: "#/properties/n/type", keyword: "type", message: "must be number" }] });
  let resets = 0;
  expect(wrappers("Forever", collectForever, () => resets++).validate(1)).toEqual({ ok: false, errors: [STACK_ERROR] });
  expect(resets).toBe(1);
  const thrown = new TypeError("getter failed");
  const throwing = wrappers("Throwing", () => {
    throw thrown;
  }, () => resets++);
  expect(() => throwing.validate(1)).toThrow(thrown);
  expect(resets).toBe(2);
});

test("assertX: returns on a valid value, throws SchemaValidationError naming the type and the errors", () => {
  const assertPoint: (value: unknown) => asserts value is { n: number } = wrappers<{ n: number }>("Point", collectPoint).assert;
  expect(() => assertPoint({ n: 2 })).not.toThrow();
  let caught: unknown;
  try {
    assertPoint({ n: "two" });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SchemaValidationError);
  const error = caught as SchemaValidationError;
  expect(error.name).toBe("SchemaValidationError");
  expect(error.message).toBe("not a valid Point: /n must be number");
  expect(error.errors).toEqual([{ path: "/n", schemaPath: "#/properties/n/type", keyword: "type", message: "must be number" }]);
  // Too deep: the maxDepth error, in the same exception.
  expect(() => wrappers("Forever", collectForever).assert(1)).toThrow("not a valid Forever: (root) is nested too deep to check: the call stack ran out");
});

test("standardSchema over validateX: Standard Schema v1, value or issues with paths", async () => {
  const schema = standardSchema(wrappers<{ n: number }>("Point", collectPoint).validate)["~standard"];
  expect(schema.version).toBe(1);
  expect(schema.vendor).toBe("koala-codegen");
  expect(await schema.validate({ n: 3 })).toEqual({ value: { n: 3 } });
  expect(await schema.validate({ n: -3 })).toEqual({ issues: [{ message: "must be >= 0", path: ["n"] }] });
  expect(await standardSchema(wrappers("Forever", collectForever).validate)["~standard"].validate(1)).toEqual({ issues: [{ message: STACK_ERROR.message, path: [] }] });
});
