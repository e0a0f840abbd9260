/**
 * Every failure the generator reports on purpose is a CodegenError: one line that names the file and
 * where in it (a JSON pointer or line:column), and an exit code of its own so scripts can tell them apart.
 */
export const ExitCode = {
  ok: 0,
  /** `generate --check` found drift, or `diff` found a breaking change. */
  drift: 1,
  usage: 2,
  fileNotFound: 3,
  invalidJson: 4,
  invalidSchema: 5,
  unresolvedRef: 6,
  unsupportedKeyword: 7,
  nameCollision: 8,
  writeFailed: 9,
  invalidConfig: 10,
  /** The input is not a JSON Schema: an OpenAPI, Swagger or AsyncAPI document, or JSON without a schema keyword (load/input-kind.ts). */
  notASchema: 11,
  /** An OpenAPI document that breaks a rule of the specification, or of a version we do not read (openapi/read-openapi.ts). */
  invalidOpenApi: 12,
  internal: 70,
} as const;

export type ErrorCode = keyof typeof ExitCode;

export interface ErrorLocation {
  /** The file the problem is in (as given by the user, or resolved). */
  file?: string;
  /** A JSON pointer into that file ("#/properties/events/items"). */
  pointer?: string;
  /** 1-based line and column, for syntax errors. */
  line?: number;
  column?: number;
}

export class CodegenError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;
  readonly exitCode: number;
  /** Further problems of the same run (a config with several mistakes): printed one line each. */
  readonly also: CodegenError[] = [];

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = "CodegenError";
    this.code = code;
    this.location = location;
    this.exitCode = ExitCode[code];
  }

  /** `file:line:column: message` or `file#/pointer: message`, always on one line. */
  format(): string {
    const { file, pointer, line, column } = this.location;
    let where = file ?? "";
    if (line !== undefined) where += `:${line}:${column ?? 1}`;
    if (pointer !== undefined) where += pointerFragment(pointer);
    const text = this.message.replace(/\s*\n\s*/g, " ");
    return where ? `${where}: ${text}` : text;
  }
}

/**
 * A JSON pointer as the URI fragment a user can paste after the file name (RFC 6901 §6): `#`, then
 * the pointer (its tokens already `~0`/`~1` escaped) with every character a fragment cannot hold
 * percent-encoded as UTF-8: `{id}` → `%7Bid%7D`, a space → `%20`, `%` → `%25`, `é` → `%C3%A9`.
 * "/items?a=b" keeps its `?` and `=`, which a fragment may hold. `pointer` may start with "#", or
 * with a document's URI and "#" (a place in another file): only what follows the "#" is encoded.
 */
export function pointerFragment(pointer: string): string {
  const hash = pointer.indexOf("#");
  const [prefix, fragment] = hash < 0 ? ["", pointer] : [pointer.slice(0, hash), pointer.slice(hash + 1)];
  return `${prefix}#${fragment.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/gu, (char) => (/[\uD800-\uDFFF]/u.test(char) ? "%EF%BF%BD" : encodeURIComponent(char)))}`;
}

/**
 * A place named inside a message's text ("taken by #/$defs/a b", "comes back to other.json#/x"),
 * shown as format() shows an error's own place: the file as it is, the pointer after "#" through
 * pointerFragment ("#/$defs/a%20b"), so a user can paste either one the same way. Text with no "#"
 * ("GET /users", "(reserved by the generated code)") is not a pointer and stays as it is.
 */
export function showPlace(place: string): string {
  return place.includes("#") ? pointerFragment(place) : place;
}

/** Every line to print for an error: its own, then those of `also`. */
export function errorLines(error: CodegenError): string[] {
  return [error.format(), ...error.also.map((e) => e.format())];
}

export function isCodegenError(error: unknown): error is CodegenError {
  return error instanceof CodegenError;
}
