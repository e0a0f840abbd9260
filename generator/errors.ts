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
    if (pointer !== undefined) where += pointer.startsWith("#") ? pointer : `#${pointer}`;
    const text = this.message.replace(/\s*\n\s*/g, " ");
    return where ? `${where}: ${text}` : text;
  }
}

/** Every line to print for an error: its own, then those of `also`. */
export function errorLines(error: CodegenError): string[] {
  return [error.format(), ...error.also.map((e) => e.format())];
}

export function isCodegenError(error: unknown): error is CodegenError {
  return error instanceof CodegenError;
}
