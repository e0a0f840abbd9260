/**
 * emitClient: the `client` artifact — `client.ts`, a factory `createXClient(options)` whose methods
 * post a root type to its endpoint (one method per configured endpoint) through the hand-written
 * transport in templates/runtime/http-client.ts. The generated part is only wiring: the path with
 * its parameters, the guard, the splitter, the idempotency arrays and the defaults.
 */
import { isObjectType } from "../builders/object-shape";
import { derivedNames, toTypeName } from "../../ir/naming";
import { code, docText, id, join, literal, member, propertyKey, type Code } from "../code";
import { exportedFunction } from "../declared";
import { packageTypesOf, type ClientEmitOptions, type EmitContext, type EmittedModule, type Emitter } from "../emitter";
import { reexportedAs, reexportStatement, runtimeAlias, runtimeImports } from "../runtime-names";
import { idempotencyFor, methodName, parsePath, type EndpointPlan } from "./endpoints";

export const clientEmitter: Emitter = {
  artifact: "client",
  requires: ["types", "guards", "builders"],
  templates: ["runtime/http-client.ts"],
  emit: (context) => emitClient(context),
};

const TRANSPORT = "runtime/http-client.ts";
/** The transport's types client.ts uses; it imports them and `send` under their `$` aliases (emit/runtime-names.ts). */
const TRANSPORT_TYPES: ReadonlySet<string> = new Set(["CallOptions", "EndpointSpec", "SendResult", "TransportOptions"]);
/** `$send`, `$CallOptions`, ...: a transport export as client.ts names it. */
const rt = (name: string): Code => id(runtimeAlias(name));

/**
 * Types a generated client re-exports from the transport, so users import everything from the
 * package (a schema type of the same name wins: emit/runtime-names.ts).
 */
export const CLIENT_RUNTIME_TYPES = [
  "AbortSignalLike",
  "CallOptions",
  "ClientHooks",
  "FailureKind",
  "FetchInit",
  "FetchLike",
  "FetchResponse",
  "RequestEvent",
  "ResponseEvent",
  "RetryEvent",
  "RetryOptions",
  "SendFailure",
  "SendResult",
  "SendSuccess",
  "TransportOptions",
  "ValidationIssue",
];

/** The endpoints the options name, in the order of the model's types. */
export function planEndpoints({ model, options }: EmitContext): EndpointPlan[] {
  const endpoints = options.endpoints ?? {};
  const used = new Set<string>();
  return model.types
    .filter((t) => Object.prototype.hasOwnProperty.call(endpoints, t.name))
    .map((t) => {
      const path = endpoints[t.name]!;
      const parts = parsePath(path);
      let method = methodName(parts);
      if (used.has(method)) method = `${method}${t.name}`;
      used.add(method);
      const plan: EndpointPlan = { typeName: t.name, path, parts, method };
      const idempotency = idempotencyFor(model, t.name, options.client?.idempotencyKey);
      if (idempotency) plan.idempotency = idempotency;
      return plan;
    });
}

/** The `client` module, or none when no endpoint is configured. */
export function emitClient(context: EmitContext): EmittedModule[] {
  const plans = planEndpoints(context);
  if (plans.length === 0) return [];
  const { model, options } = context;
  const client: ClientEmitOptions = options.client ?? {};
  const stem = toTypeName(client.name ?? model.rootName);
  const names = { factory: derivedNames.createClient(stem), client: derivedNames.clientType(stem), options: derivedNames.clientOptions(stem) };
  const hasGuards = options.artifacts.includes("guards");
  const hasBuilders = options.artifacts.includes("builders");
  // Every root of the package has its chunkX (builders emits one per root, and asking for a
  // client brings builders), so each endpoint splits by its own schema's maxItems.
  const rootNames = new Set(model.roots?.map((r) => r.name) ?? [model.rootName]);
  const isRoot = (name: string): boolean => rootNames.has(name);
  const chunkable = (name: string): boolean => hasBuilders && isRoot(name) && isObjectType(model, name);

  const params = [...new Map(plans.flatMap((p) => p.parts.flatMap((part) => ("param" in part ? [[part.option, part.param] as const] : [])))).entries()];
  const typeNames = [...new Set(plans.map((p) => p.typeName))];
  const guardImports = hasGuards ? typeNames.map((n) => derivedNames.validate(n)) : [];
  const chunkImports = typeNames.filter(chunkable).map((n) => derivedNames.chunk(n));

  const typesImport = code`import type { ${join(typeNames.map(id), ", ")} } from "./types.js";`.text;
  const transportImport = code`import { ${runtimeImports([...TRANSPORT_TYPES, "send"], TRANSPORT_TYPES)} } from "./runtime/http-client.js";`.text;
  const statements: string[] = [transportImport, typesImport];
  if (guardImports.length) statements.push(code`import { ${join(guardImports.map(id), ", ")} } from "./guards.js";`.text);
  if (chunkImports.length) statements.push(code`import { ${join(chunkImports.map(id), ", ")} } from "./builders.js";`.text);
  const packageTypes = packageTypesOf(context);
  const reexports = reexportStatement(CLIENT_RUNTIME_TYPES, TRANSPORT, packageTypes, true);
  statements.push(...reexports);
  // client.d.ts: the runtime types the signatures name (as TypeScript keeps that import), then the
  // same re-exports and interfaces, and the factory's head.
  const declarationImport = code`import { ${runtimeImports(["CallOptions", "SendResult", "TransportOptions"], TRANSPORT_TYPES)} } from "./runtime/http-client.js";`.text;
  const declarations: string[] = [declarationImport, typesImport, ...reexports];

  const optionLines = params.map(([option, param]) => `  /** Fills \`{${docText(param)}}\` in the endpoint paths. */\n  ${propertyKey(option)}: string;`);
  if (client.baseUrl === undefined) optionLines.push("  /** Scheme and host of the service (or of a proxy standing in for it). */\n  baseUrl: string;");
  const optionsInterface = [
    `/** Options of {@link ${names.factory}}: the endpoint parameters, plus the transport's options. */`,
    `export interface ${id(names.options).text} extends ${rt("TransportOptions").text} {`,
    ...optionLines,
    `}`,
  ].join("\n");
  statements.push(optionsInterface);
  declarations.push(optionsInterface);

  const clientInterface = [
    `/** One method per endpoint. Methods never throw for HTTP or network failures: see {@link ${reexportedAs("SendResult", packageTypes)}}. */`,
    `export interface ${id(names.client).text} {`,
    ...plans.map((plan) =>
      [
        `  /**`,
        `   * \`POST ${docText(plan.path)}\` with a {@link ${plan.typeName}}: ${describePlan(plan, hasGuards, chunkable(plan.typeName))}`,
        `   */`,
        code`  ${id(plan.method)}(request: ${id(plan.typeName)}, options?: ${rt("CallOptions")}): Promise<${rt("SendResult")}<${id(plan.typeName)}>>;`.text,
      ].join("\n"),
    ),
    `}`,
  ].join("\n");
  statements.push(clientInterface);
  declarations.push(clientInterface);

  const defaults = [
    client.baseUrl !== undefined ? code`baseUrl: options.baseUrl ?? ${client.baseUrl}` : undefined,
    client.userAgent !== undefined ? code`userAgent: options.userAgent ?? ${client.userAgent}` : undefined,
  ].filter((c): c is Code => c !== undefined);
  const body: string[] = [
    defaults.length ? code`  const transport: ${rt("TransportOptions")} = { ...options, ${join(defaults, ", ")} };`.text : code`  const transport: ${rt("TransportOptions")} = options;`.text,
  ];
  for (const plan of plans) {
    const fields: Code[] = [code`path: ${pathExpression(plan)}`];
    if (hasGuards) fields.push(code`validate: ${id(`validate${plan.typeName}`)}`);
    if (chunkable(plan.typeName)) fields.push(code`chunk: ${id(derivedNames.chunk(plan.typeName))}`);
    if (plan.idempotency) fields.push(code`idempotency: { key: ${plan.idempotency.key}, arrays: ${plan.idempotency.arrays} }`);
    if (client.suspendedErrors?.length) fields.push(code`suspended: ${client.suspendedErrors}`);
    body.push(code`  const ${id(`${plan.method}Endpoint`)}: ${rt("EndpointSpec")}<${id(plan.typeName)}> = { ${join(fields, ", ")} };`.text);
  }
  body.push(
    `  return {`,
    ...plans.map((plan) => code`    ${id(plan.method)}: (request, call) => ${rt("send")}(transport, ${id(`${plan.method}Endpoint`)}, request, call),`.text),
    `  };`,
  );
  const defaultsDoc = [client.baseUrl !== undefined ? `base URL ${client.baseUrl}` : "", client.userAgent !== undefined ? `User-Agent ${client.userAgent}` : ""].filter(Boolean);
  const factory = exportedFunction(
    `/** Creates a client${defaultsDoc.length ? ` (defaults: ${docText(defaultsDoc.join(", "))})` : ""}. It holds no timers or connections of its own. */`,
    `export function ${id(names.factory).text}(options: ${names.options}): ${names.client}`,
    body,
  );
  statements.push(factory.code);
  declarations.push(factory.declaration);
  return [{ path: "client.ts", summary: "HTTP client", statements, declarations }];
}

/** The path as a string expression: literals quoted, parameters URI-encoded from the options. */
function pathExpression(plan: EndpointPlan): Code {
  const pieces = plan.parts.map((part) =>
    "text" in part ? literal(part.text) : code`encodeURIComponent(${member(id("options"), part.option)})`,
  );
  return join(pieces, " + ");
}

function describePlan(plan: EndpointPlan, validated: boolean, chunked: boolean): string {
  const steps = [validated ? `checked with validate${plan.typeName}` : "", chunked ? `split by \`maxItems\` with chunk${plan.typeName}` : ""];
  if (plan.idempotency) steps.push(`\`${docText(plan.idempotency.key)}\` filled in where missing (${plan.idempotency.arrays.map((a) => `\`${docText(a)}\``).join(", ")})`);
  steps.push("sent with retries");
  return steps.filter(Boolean).join("; ") + ".";
}

