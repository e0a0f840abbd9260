/**
 * templates/runtime/validation.ts: the factories behind the exported wrappers (`validateX =
 * validator(collect$X)`, `assertX = asserter("X", validateX)`, `isX`'s catch falseIfTooDeep), on
 * hand-written checks with the generated checks' contract: false at the first failure without a
 * list, every error pushed with one. The generated wrappers are tested end to end elsewhere
 * (test/emit/guards/koala-guards.test.ts, test/e2e/deep-schemas.test.ts).
 */
import { asserter, falseIfTooDeep, pushError, SchemaValidationError, standardSchema, validator, type ValidationError } from "../../templates/runtime/validation";

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

test("validator: the value itself on success, every error on failure", () => {
  const validate = validator<{ n: number }>(collectPoint);
  const valid = { n: 1 };
  const result = validate(valid);
  expect(result).toEqual({ ok: true, value: valid });
  expect(result.ok && result.value).toBe(valid);
  expect(validate({ n: -1 })).toEqual({ ok: false, errors: [{ path: "/n", schemaPath: "#/properties/n/minimum", keyword: "minimum", message: "must be >= 0" }] });
  expect(validate(null)).toEqual({ ok: false, errors: [{ path: "", schemaPath: "#/type", keyword: "type", message: "must be object" }] });
});

test("validator: the call stack running out is one maxDepth error, and the reset runs", () => {
  let resets = 0;
  const validate = validator(collectForever, () => resets++);
  expect(validate(1)).toEqual({ ok: false, errors: [STACK_ERROR] });
  expect(resets).toBe(1);
  // Each failure has its own error objects: a caller changing one changes no later result.
  const first = validate(1);
  if (!first.ok) first.errors[0]!.message = "changed";
  expect(validate(1)).toEqual({ ok: false, errors: [STACK_ERROR] });
});

test("validator: any other exception goes through, after the reset", () => {
  let resets = 0;
  const thrown = new TypeError("getter failed");
  const validate = validator(() => {
    throw thrown;
  }, () => resets++);
  expect(() => validate(1)).toThrow(thrown);
  expect(resets).toBe(1);
  // Without a reset (a module with no recursive type) too.
  expect(() => validator(() => {
    throw thrown;
  })(1)).toThrow(thrown);
});

test("falseIfTooDeep: false for a RangeError, the exception again otherwise, the reset either way", () => {
  let resets = 0;
  expect(falseIfTooDeep(new RangeError("Maximum call stack size exceeded"), () => resets++)).toBe(false);
  const other = new Error("getter failed");
  expect(() => falseIfTooDeep(other, () => resets++)).toThrow(other);
  expect(resets).toBe(2);
  expect(falseIfTooDeep(new RangeError("x"))).toBe(false);
});

test("asserter: returns on a valid value, throws SchemaValidationError naming the type and the errors", () => {
  // Typed as generated code types it: TypeScript calls an assertion only through a declared type.
  const assertPoint: (value: unknown) => asserts value is { n: number } = asserter("Point", validator<{ n: number }>(collectPoint));
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
  expect(() => asserter("Forever", validator(collectForever))(1)).toThrow("not a valid Forever: (root) is nested too deep to check: the call stack ran out");
});

test("standardSchema over a validator: Standard Schema v1, value or issues with paths", async () => {
  const schema = standardSchema(validator<{ n: number }>(collectPoint))["~standard"];
  expect(schema.version).toBe(1);
  expect(schema.vendor).toBe("koala-codegen");
  expect(await schema.validate({ n: 3 })).toEqual({ value: { n: 3 } });
  expect(await schema.validate({ n: -3 })).toEqual({ issues: [{ message: "must be >= 0", path: ["n"] }] });
  expect(await standardSchema(validator(collectForever))["~standard"].validate(1)).toEqual({ issues: [{ message: STACK_ERROR.message, path: [] }] });
});
