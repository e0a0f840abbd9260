/**
 * The `operations` artifact — `operations.ts` for an OpenAPI document: one standalone function per
 * operation, `getUser(client, { path, query, header, cookie, body }, call?)`, and a factory
 * `createXClient(options)` for the settings they share. Functions, not methods of one object, so
 * that a bundler keeps only the operations a program imports (see scripts/bench-client.mjs).
 *
 * The generated part is the wiring of each operation: its path with each parameter serialized by
 * its style and explode (templates/runtime/params.ts), its security alternatives, its bodies and
 * their guards, its responses and their guards. Sending, retrying, matching the status and checking
 * the body are templates/runtime/operation-call.ts (on the transport of http-client.ts).
 */
import type { IrApi } from "../../ir/model";
import { transportModule } from "../client/index";
import { code, docComment, id, join, literal, objectKey, propertyKeyCode, ts, typeScriptCode, type Code } from "../code";
import { packageTypesOf, type EmitContext, type EmittedModule, type Emitter } from "../emitter";
import { reexportStatement, runtimeAlias, runtimeImports } from "../runtime-names";
import { apiNames, type ApiNames, type EarlierNames } from "./names";
import { planOperation } from "./plan";
import type { ScriptImport, StatedScript } from "../../print/scripts";
import { defaultServerUrl, isAbsoluteUrl, serverUrlExpression, serverVariableMembers } from "./servers";

export const operationsEmitter: Emitter = {
  templates: ["runtime/http-client.ts", "runtime/operation-call.ts", "runtime/params.ts", "runtime/response-headers.ts", "runtime/responses.ts", "runtime/security.ts"],
  emit: (context) => emitOperations(context),
};

/** Runtime types operations.ts re-exports, so users import everything from the package. */
const OPERATION_RUNTIME_TYPES: Record<string, string[]> = {
  "runtime/operation-call.ts": ["ApiClient", "BlobLike", "MultipartBody", "OperationClientOptions"],
  "runtime/security.ts": ["Credential"],
  "runtime/responses.ts": ["ApiFailure", "ApiHttpError", "ApiIssue", "ApiSuccess", "ApiUnsupportedMethod", "HeadersLike", "StatusRange"],
};
/** What the generated code may call or name, per template; the types among them are imported as types. */
const RUNTIME_EXPORTS: Record<string, string[]> = {
  "runtime/http-client.ts": ["CallOptions", "withIdempotencyKeys"],
  "runtime/operation-call.ts": ["ApiClient", "BlobLike", "MultipartBody", "OperationClientOptions", "byMediaType", "callForbiddenMethod", "callOperation", "createApiClient", "formBody", "jsonBody", "multipartBody", "newIdempotencyKey", "operationBaseUrl", "rawBody", "refuseDotSegments", "withoutFiles"],
  "runtime/params.ts": ["jsonParam", "ownParam", "serializeCookieParam", "serializeHeaderParam", "serializePathParam", "serializePrimitiveHeader", "serializeQueryParam", "serializeSimplePathParam"],
  "runtime/response-headers.ts": ["headerReader"],
  "runtime/responses.ts": ["ApiFailure", "ApiHttpError", "ApiSuccess", "ApiUnsupportedMethod", "StatusRange"],
  "runtime/security.ts": ["apiKeyScheme", "basicScheme", "bearerScheme"],
};
const RUNTIME_TYPES: ReadonlySet<string> = new Set(["ApiClient", "BlobLike", "MultipartBody", "CallOptions", "OperationClientOptions", "ApiFailure", "ApiHttpError", "ApiSuccess", "ApiUnsupportedMethod", "StatusRange"]);

/** `$callOperation`, `$ApiClient`, ...: a runtime export as operations.ts names it. */
const rt = (name: string): Code => id(runtimeAlias(name));
const runtimeImport = (names: readonly string[], template: string): Code =>
  code`import { ${runtimeImports([...names].sort(), RUNTIME_TYPES)} } from ${`./${template.replace(/\.ts$/, ".js")}`};`;

/** One module per OpenAPI document of the package (`operations.ts`; `operations-2.ts`, ... for more). */
export function emitOperations(context: EmitContext): EmittedModule[] {
  const apis = context.options.apis ?? [];
  // A document without operations (components only) has no client.
  // Names are settled document after document: a later one does not take an earlier one's.
  const earlier: EarlierNames = { values: new Set(), types: new Set() };
  const modules = apis.filter((api) => api.operations.length > 0).map((api, i) => emitApi(context, api, i === 0 ? "operations.ts" : `operations-${i + 1}.ts`, earlier));
  // The transport's types (FetchLike, RetryOptions, hooks...) on the `<package>/transport` subpath, as for the endpoint client (which writes it when the package has one).
  const endpointClient = Object.keys(context.options.endpoints ?? {}).length > 0;
  return modules.length > 0 && !endpointClient ? [...modules, transportModule()] : modules;
}

function emitApi(context: EmitContext, api: IrApi & { apiName: string }, path: string, earlier: EarlierNames): EmittedModule {
  const { options } = context;
  const packageTypes = packageTypesOf(context);
  const names = apiNames(api.apiName, api.operations, packageTypes, earlier);
  const plans = api.operations.map((operation) => planOperation(operation, api, names.operations.get(operation)!, context.model));
  const typeNames = new Set(plans.flatMap((p) => p.typeNames));
  const guardNames = new Set(plans.flatMap((p) => p.guardNames));

  // The package's types and this module's own (an API titled "Api" has the client type ApiClient):
  // a runtime type re-exported under one of their names is re-exported as `$Name` (runtime-names.ts).
  const ownTypes = new Set([...packageTypes, names.client, names.options, names.serverVariables, ...[...names.operations.values()].flatMap((o) => [o.request, o.result])]);
  const client = clientStatements(api, names, options.client?.userAgent);
  // The code, TypeScript-only parts marked (emit/code.ts's ts): operations.ts keeps them, operations.js not.
  const marked = [...client.map((c) => c.code), ...plans.flatMap((p) => p.statements)];
  const body = marked.map(typeScriptCode);
  // Its `.d.ts`, stated: deriving it with TypeScript took seconds on a document of hundreds of operations.
  const declared = [...client.map((c) => c.declaration), ...plans.flatMap((p) => p.declarations)];
  // The runtime names the code uses (its TypeScript's): operations.ts's imports, and operations.js's.
  const usedInCode = runtimeNamesIn(body);
  /** The imports and re-exports of a module whose code uses the runtime names `used` (`$callOperation`, `$ApiSuccess`, ...), exactly those, for noUnusedLocals. */
  const head = (used: ReadonlySet<string>, { declarations = false } = {}): Code[] => {
    const out: Code[] = [];
    for (const [template, exported] of Object.entries(RUNTIME_EXPORTS)) {
      const wanted = exported.filter((name) => used.has(name));
      if (wanted.length > 0) out.push(runtimeImport(wanted, template));
    }
    if (typeNames.size > 0) out.push(code`import type { ${join([...typeNames].sort().map(id), ", ")} } from "./types.js";`);
    // The guards are called in the bodies only.
    if (guardNames.size > 0 && !declarations) out.push(code`import { ${join([...guardNames].sort().map(id), ", ")} } from "./guards.js";`);
    for (const [template, types] of Object.entries(OPERATION_RUNTIME_TYPES)) out.push(...reexportStatement(types, template, ownTypes, true));
    return out;
  };
  const statements: Code[] = [...head(usedInCode), ...body];
  const declarations: Code[] = [...head(runtimeNamesIn(declared), { declarations: true }), ...declared];
  const mapDoc = docComment(
    [
      "Every operation with its method and path, for generic callers (tests, a command line): importing",
      "this map bundles every operation; import the functions themselves to bundle only those.",
    ],
    { block: true },
  );
  // The map last: the functions it holds are declared above it.
  const mapTypes = plans.map((p) => code`  readonly ${propertyKeyCode(p.names.fn)}: { readonly method: ${p.operation.method.toUpperCase()}; readonly path: ${p.operation.path}; readonly call: typeof ${id(p.names.fn)} };`);
  const mapValues = plans.map((p) => code`  ${objectKey(p.names.fn)}: { method: ${p.operation.method.toUpperCase()}, path: ${p.operation.path}, call: ${id(p.names.fn)} },`);
  const map = code`${ts`${mapDoc}\nexport `}const ${id(names.map)}${ts`: {\n${join(mapTypes, "\n")}\n}`} = {\n${join(mapValues, "\n")}\n};`;
  statements.push(typeScriptCode(map));
  declarations.push(code`${mapDoc}\nexport declare const ${id(names.map)}: {\n${join(mapTypes, "\n")}\n};`);
  const exported = [...client.flatMap((c) => c.exports), ...plans.map((p) => p.names.fn), names.map];
  return {
    path,
    summary: "OpenAPI operations",
    statements: statements.map((c) => c.text),
    declarations: declarations.map((c) => c.text),
    javascript: script([...marked, map], exported, usedInCode, guardNames),
  };
}

/** The runtime names (`$callOperation` → callOperation) the statements mention. */
function runtimeNamesIn(statements: readonly Code[]): Set<string> {
  return new Set([...statements.map((c) => c.text).join("\n").matchAll(/\$([A-Za-z]\w*)/g)].map((m) => m[1]!));
}

/**
 * operations.js as the emitter states it (print/scripts.ts, printScripts), not compiled from
 * operations.ts by esbuild (0.15-0.27 s on stripe's critical path): the code without its
 * TypeScript-only parts, importing the runtime values and guards that code calls. Those are what
 * operations.ts imports as values: `used`, the runtime names its code mentions, less the types
 * (a runtime function is never named in a type); the guards, called by the functions alone.
 */
function script(marked: readonly Code[], exports: string[], used: ReadonlySet<string>, guardNames: ReadonlySet<string>): StatedScript {
  const imports: ScriptImport[] = [];
  for (const [template, exported] of Object.entries(RUNTIME_EXPORTS)) {
    const wanted = exported.filter((name) => used.has(name) && !RUNTIME_TYPES.has(name)).sort();
    if (wanted.length > 0) imports.push({ from: `./${template.replace(/\.ts$/, ".js")}`, names: wanted.map((name) => [name, runtimeAlias(name)] as const) });
  }
  if (guardNames.size > 0) imports.push({ from: "./guards.js", names: [...guardNames].sort().map((name) => [name, name] as const) });
  return { imports, reexports: [], statements: marked.map((c) => c.text), exports };
}

/** A statement of operations.ts: its code (TypeScript-only parts marked), its declaration, the values it exports. */
interface ClientStatement {
  code: Code;
  declaration: Code;
  exports: string[];
}

/** The options interface, the server URL (with its variables), and the factory; each with its declaration. */
function clientStatements(api: IrApi & { apiName: string }, names: ApiNames, userAgent: string | undefined): ClientStatement[] {
  const statements: ClientStatement[] = [];
  // A type: the same in both TypeScript files, none of it in the JavaScript.
  const same = (text: Code): ClientStatement => ({ code: ts`${text}`, declaration: text, exports: [] });
  const server = api.servers[0] ?? { url: "/", variables: [] };
  const variables = server.variables;
  const defaultUrl = defaultServerUrl(server);
  const absolute = isAbsoluteUrl(defaultUrl);
  if (variables.length > 0) {
    statements.push(
      same(code`${docComment([`The variables of the server URL ${server.url}; each has its default.`])}\nexport interface ${id(names.serverVariables)} {\n${join(serverVariableMembers(server, "  "), "\n")}\n}`),
    );
    const urlDoc = docComment([`The server URL ${server.url} with \`variables\` (defaults where absent): a \`baseUrl\`.`]);
    statements.push({
      code: code`${ts`${urlDoc}\nexport `}function ${id(names.serverUrl)}(variables${ts`: ${id(names.serverVariables)}`} = {})${ts`: string`} {\n  return ${serverUrlExpression(server, id("variables"), false)};\n}`,
      declaration: code`${urlDoc}\nexport declare function ${id(names.serverUrl)}(variables?: ${id(names.serverVariables)}): string;`,
      exports: [names.serverUrl],
    });
  }
  const schemes = api.securitySchemes.filter((s) => s.kind !== "unsupported");
  const authMembers = schemes.map((s) => {
    const type = s.kind === "basic" ? code`{ username: string; password: string }` : code`string`;
    const what = s.kind === "apiKey" ? `the API key (${s.in} \`${s.parameterName}\`)` : s.kind === "bearer" ? "the bearer token" : "the user and password (HTTP basic)";
    return code`    ${docComment([`${what}${s.description ? `: ${s.description}` : ""}`], { indent: "    " })}\n    ${propertyKeyCode(s.name)}?: ${type};`;
  });
  const auth =
    authMembers.length > 0
      ? code`\n  /** Credentials per security scheme, applied to the operations that ask for them. */\n  auth?: {\n${join(authMembers, "\n")}\n  };`
      : code``;
  const baseDoc = absolute ? `Default: ${defaultUrl}${variables.length > 0 ? ` (see {@link ${names.serverUrl}})` : ""}.` : `The server URL (the document's is ${server.url}, not absolute).`;
  statements.push(
    same(code`${docComment([`Options of {@link ${names.factory}}: the transport's options, \`validateResponses\`, \`retryNonIdempotent\` and credentials.`])}
export interface ${id(names.options)} extends ${rt("OperationClientOptions")} {
  ${docComment([`Scheme, host and path prefix of the API. ${baseDoc}`], { indent: "  " })}
  baseUrl${absolute ? code`?` : code``}: string;${auth}
}`),
  );
  statements.push(same(code`${docComment(["What every operation function takes first: settings only, no connection or timer."])}\nexport type ${id(names.client)} = ${rt("ApiClient")};`));
  // Each scheme's applier: only the kinds the document declares are bundled (no base64 without basic).
  const schemeTable = join(
    schemes.map((s) => {
      const applier = s.kind === "apiKey" ? code`${rt("apiKeyScheme")}(${s.in}, ${s.parameterName})` : rt(s.kind === "basic" ? "basicScheme" : "bearerScheme");
      return code`${objectKey(s.name)}: ${applier}`;
    }),
    ", ",
  );
  // The document's server is passed apart from the options: a baseUrl the caller gives wins over an operation's own servers, the default does not.
  const defaultBase = absolute ? code`, ${variables.length > 0 ? code`${id(names.serverUrl)}()` : literal(defaultUrl)}` : code``;
  const given = userAgent !== undefined ? code`{ ...options, userAgent: options.userAgent ?? ${userAgent} }` : code`options`;
  const factoryDoc = docComment(["Creates the client every operation function takes; a base URL that is not absolute http(s) is a TypeError."]);
  statements.push({
    code: code`${ts`${factoryDoc}
export `}function ${id(names.factory)}(options${ts`: ${id(names.options)}`}${absolute ? code` = {}` : code``})${ts`: ${id(names.client)}`} {
  return ${rt("createApiClient")}(${names.factory}, ${given}, { ${schemeTable} }${defaultBase});
}`,
    declaration: code`${factoryDoc}\nexport declare function ${id(names.factory)}(options${absolute ? code`?` : code``}: ${id(names.options)}): ${id(names.client)};`,
    exports: [names.factory],
  });
  return statements;
}
