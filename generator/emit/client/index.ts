/**
 * emitClient: the `client` artifact — `client.ts`, a factory `createXClient(options)` whose methods
 * post a root type to its endpoint (one method per configured endpoint) through the hand-written
 * transport in templates/runtime/http-client.ts. The generated part is only wiring: the path with
 * its parameters, the guard, the splitter, the idempotency arrays and the defaults.
 */
import { isNode, rootTypes } from "../../ir/model";
import { toTypeName } from "../../ir/naming";
import { builderNames } from "../builders/artifact";
import { guardNames } from "../guards/artifact";
import { CLIENT_RUNTIME_TYPES, clientNames, QUEUE_TYPES } from "./artifact";
import { code, docComment, id, join, literal, member, propertyKeyCode, typeScriptCode, type Code } from "../code";
import { exportedFunction } from "../declared";
import { packageTypesOf, type ClientEmitOptions, type EmitContext, type EmittedModule, type Emitter } from "../emitter";
import { reexportedAs, reexportStatement, runtimeAlias, runtimeImports } from "../runtime-names";
import { idempotencyCode, idempotencyFor, methodName, parsePath, type EndpointPlan } from "./endpoints";
import { queueShape, type QueueShape } from "../builders/grouping";
import { isObjectType, objectInfo, objectTypes } from "../builders/object-shape";


export const clientEmitter: Emitter = {
  templates: ["runtime/http-client.ts", "runtime/batch-queue.ts"],
  emit: (context) => emitClient(context),
};

const TRANSPORT = "runtime/http-client.ts";
const QUEUE = "runtime/batch-queue.ts";
/** The runtime types client.ts uses; it imports them and its functions under their `$` aliases (emit/runtime-names.ts). */
const RUNTIME_TYPES_USED: ReadonlySet<string> = new Set(["CallOptions", "EndpointSpec", "SendResult", "TransportOptions", "BatchQueue", "BatchQueueOptions", "QueueSpec", "Rest", "ValidationError"]);
/** `$send`, `$CallOptions`, ...: a runtime export as client.ts names it. */
const rt = (name: string): Code => id(runtimeAlias(name));
/** `import { a as $a, type B as $B } from "./runtime/x.js";` */
const runtimeImport = (names: readonly string[], template: string): Code =>
  code`import { ${runtimeImports(names, RUNTIME_TYPES_USED)} } from ${`./${template.replace(/\.ts$/, ".js")}`};`;


/**
 * The transport's types a user of the client names most, the per-call options and the result:
 * the package root re-exports these too (a schema type of the same name wins: emit/runtime-names.ts).
 */
const ROOT_TRANSPORT_TYPES = ["CallOptions", "FailureKind", "SendFailure", "SendResult", "SendSuccess", "ValidationIssue"];

/** The subpath export holding every transport type (`koala-events/transport`). */
export const TRANSPORT_SUBPATH = "transport";

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
  // The first root type's name: an OpenAPI document first in the package has a name but no root type, and its operations module has its own client (createXClient) under that name.
  const stem = toTypeName(client.name ?? rootTypes(model)[0] ?? model.rootName);
  const names = { factory: clientNames.factory(stem), client: clientNames.client(stem), options: clientNames.options(stem) };
  const hasGuards = options.artifacts.includes("guards");
  const hasBuilders = options.artifacts.includes("builders");
  // Every root of the package has its chunkX (builders emits one per root, and asking for a
  // client brings builders), so each endpoint splits by its own schema's maxItems.
  const rootNames = new Set(rootTypes(model));
  const isRoot = (name: string): boolean => rootNames.has(name);
  const chunkable = (name: string): boolean => hasBuilders && isRoot(name) && isObjectType(model, name);

  // A queue for each endpoint whose root has a group-by-identity builder (groupXItems).
  const objects = new Map(objectTypes(model, options.heuristics?.stamps).map((o) => [o.name, o]));
  const queues = new Map<string, QueueShape>();
  for (const plan of plans) {
    const type = model.types.find((t) => t.name === plan.typeName);
    const root = objects.get(plan.typeName) ?? (type && isNode(type.schema) ? objectInfo(type.name, type.schema, options.heuristics?.stamps) : undefined);
    const shape = hasBuilders && isRoot(plan.typeName) && root ? queueShape(model, root, objects) : undefined;
    if (shape) queues.set(plan.method, shape);
  }
  const queueMethod = (plan: EndpointPlan): string => `${plan.method}Queue`;
  const identityType = (plan: EndpointPlan, shape: QueueShape): Code =>
    code`${rt("Rest")}<${id(plan.typeName)}, ${join(shape.arrays.map((a) => literal(a.name)), " | ")}>`;

  const params = [...new Map(plans.flatMap((p) => p.parts.flatMap((part) => ("param" in part ? [[part.option, part.param] as const] : [])))).entries()];
  // The item types the queues name (words of their type expressions that are the model's types).
  const modelTypes = new Set(model.types.map((t) => t.name));
  const itemTypeNames = [...queues.values()].flatMap((q) => q.itemType.text.match(/[$\p{ID_Continue}]+/gu) ?? []).filter((w) => modelTypes.has(w));
  const typeNames = [...new Set([...plans.map((p) => p.typeName), ...itemTypeNames])];
  const routeGuards = [...new Set([...queues.values()].flatMap((q) => q.guards))];
  const guardImports = hasGuards ? [...new Set(plans.map((p) => guardNames.validate(p.typeName))), ...routeGuards] : [];
  const chunkImports = typeNames.filter(chunkable).map((n) => builderNames.chunk(n));

  const typesImport = code`import type { ${join(typeNames.map(id), ", ")} } from "./types.js";`;
  const hasQueue = queues.size > 0;
  const statements: Code[] = [runtimeImport(["checkOption", "send", ...(hasQueue ? ["randomId"] : []), "CallOptions", "EndpointSpec", "SendResult", "TransportOptions"], TRANSPORT), typesImport];
  const restImport = runtimeImport(["Rest"], "runtime/builders.ts");
  if (hasQueue) statements.push(runtimeImport(["createBatchQueue", "BatchQueue", "BatchQueueOptions", "QueueSpec"], QUEUE), restImport);
  if (hasQueue && hasGuards) statements.push(runtimeImport(["SchemaValidationError", "ValidationError"], "runtime/validation.ts"));
  if (guardImports.length) statements.push(code`import { ${join(guardImports.map(id), ", ")} } from "./guards.js";`);
  if (chunkImports.length) statements.push(code`import { ${join(chunkImports.map(id), ", ")} } from "./builders.js";`);
  const packageTypes = packageTypesOf(context);
  const reexports = reexportStatement(ROOT_TRANSPORT_TYPES, TRANSPORT, packageTypes, true);
  if (hasQueue) reexports.push(...reexportStatement(QUEUE_TYPES, QUEUE, packageTypes, true));
  statements.push(...reexports);
  // client.d.ts: the runtime types the signatures name (as TypeScript keeps that import), then the
  // same re-exports and interfaces, and the factory's head.
  const declarations: Code[] = [runtimeImport(["CallOptions", "SendResult", "TransportOptions"], TRANSPORT), typesImport];
  if (hasQueue) declarations.push(runtimeImport(["BatchQueue", "BatchQueueOptions"], QUEUE), restImport);
  declarations.push(...reexports);

  const optionLines = params.map(([option, param]) => code`  ${docComment([`Fills \`{${param}}\` in the endpoint paths.`])}\n  ${propertyKeyCode(option)}: string;`);
  if (client.baseUrl === undefined) optionLines.push(code`  /** Scheme and host of the service (or of a proxy standing in for it). */\n  baseUrl: string;`);
  const optionsInterface = join(
    [
      docComment([`Options of {@link ${names.factory}}: the endpoint parameters, plus the transport's options.`]),
      code`export interface ${id(names.options)} extends ${rt("TransportOptions")} {`,
      ...optionLines,
      code`}`,
    ],
    "\n",
  );
  statements.push(optionsInterface);
  declarations.push(optionsInterface);

  /** A doc comment of a member of the client interface. */
  const memberDoc = (lines: readonly string[]): Code => code`  ${docComment(lines, { block: true, indent: "  " })}`;

  function queueSignature(plan: EndpointPlan): Code[] {
    const shape = queues.get(plan.method);
    if (!shape) return [];
    const types = code`${identityType(plan, shape)}, ${shape.itemType}`;
    return [
      memberDoc([
        `A queue for {@link ${plan.method}}: \`enqueue(identity, item)\` one at a time; items are checked and stamped at once,`,
        `grouped per identity, and sent \`flushAt\` at a time (default ${Math.min(queueMaxItems(shape), 100)}), \`concurrency\` requests in flight.`,
        `Call \`close()\` before the process exits: see {@link ${reexportedAs("BatchQueue", packageTypes)}}.`,
      ]),
      code`  ${id(queueMethod(plan))}(options?: ${rt("BatchQueueOptions")}<${types}>): ${rt("BatchQueue")}<${types}>;`,
    ];
  }

  const clientInterface = join(
    [
      docComment([`One method per endpoint. Methods never throw for HTTP or network failures: see {@link ${reexportedAs("SendResult", packageTypes)}}.`]),
      code`export interface ${id(names.client)} {`,
      ...plans.map((plan) =>
        join(
          [
            memberDoc([`\`POST ${plan.path}\` with a {@link ${plan.typeName}}: ${describePlan(plan, hasGuards, chunkable(plan.typeName))}`]),
            code`  ${id(plan.method)}(request: ${id(plan.typeName)}, options?: ${rt("CallOptions")}): Promise<${rt("SendResult")}<${id(plan.typeName)}>>;`,
            ...queueSignature(plan),
          ],
          "\n",
        ),
      ),
      code`}`,
    ],
    "\n",
  );
  statements.push(clientInterface);
  declarations.push(clientInterface);

  const defaults = [
    client.baseUrl !== undefined ? code`baseUrl: options.baseUrl ?? ${client.baseUrl}` : undefined,
    client.userAgent !== undefined ? code`userAgent: options.userAgent ?? ${client.userAgent}` : undefined,
  ].filter((c): c is Code => c !== undefined);
  // A missing parameter or a base URL without a scheme is the caller's mistake: a TypeError now, naming the option.
  const factoryName = literal(names.factory);
  const body: Code[] = params.map(([option]) => code`  ${rt("checkOption")}(${factoryName}, ${option}, ${member(id("options"), option)});`);
  body.push(defaults.length ? code`  const transport: ${rt("TransportOptions")} = { ...options, ${join(defaults, ", ")} };` : code`  const transport: ${rt("TransportOptions")} = options;`);
  body.push(code`  ${rt("checkOption")}(${factoryName}, "baseUrl", transport.baseUrl, true);`);
  // The queue checked every item when it was enqueued: its requests skip the guard.
  if (hasQueue) body.push(code`  const queueTransport: ${rt("TransportOptions")} = { ...transport, validate: false };`);
  for (const plan of plans) {
    const fields: Code[] = [code`path: ${pathExpression(plan)}`];
    if (hasGuards) fields.push(code`validate: ${id(guardNames.validate(plan.typeName))}`);
    if (chunkable(plan.typeName)) fields.push(code`chunk: ${id(builderNames.chunk(plan.typeName))}`);
    if (plan.idempotency) fields.push(code`idempotency: ${idempotencyCode(plan.idempotency)}`);
    if (client.suspendedErrors?.length) fields.push(code`suspended: ${client.suspendedErrors}`);
    body.push(code`  const ${id(`${plan.method}Endpoint`)}: ${rt("EndpointSpec")}<${id(plan.typeName)}> = { ${join(fields, ", ")} };`);
    const shape = queues.get(plan.method);
    if (!shape) continue;
    const stamps = shape.arrays.filter((a) => Object.keys(a.stamps).length > 0).map((a) => code`${propertyKeyCode(a.name)}: ${{ ...a.stamps } as Record<string, unknown>}`);
    const spec: Code[] = [
      code`route: ${shape.route}`,
      code`stamps: { ${join(stamps, ", ")} }`,
      code`maxItems: ${literal(queueMaxItems(shape))}`,
    ];
    if (hasGuards) {
      spec.push(code`validate: ${id(guardNames.validate(plan.typeName))}`);
      spec.push(code`invalid: (errors) => new ${rt("SchemaValidationError")}(${`${plan.typeName} entry`}, errors as ${rt("ValidationError")}[])`);
    }
    spec.push(code`send: (request, call) => ${rt("send")}(queueTransport, ${id(`${plan.method}Endpoint`)}, request, call)`, code`newId: options.newId ?? ${rt("randomId")}`);
    body.push(code`  const ${id(`${plan.method}QueueSpec`)}: ${rt("QueueSpec")}<${id(plan.typeName)}> = { ${join(spec, ", ")} };`);
  }
  body.push(
    code`  return {`,
    ...plans.flatMap((plan) => [
      code`    ${id(plan.method)}: (request, call) => ${rt("send")}(transport, ${id(`${plan.method}Endpoint`)}, request, call),`,
      ...(queues.has(plan.method) ? [code`    ${id(queueMethod(plan))}: (queueOptions) => ${rt("createBatchQueue")}(${id(`${plan.method}QueueSpec`)}, queueOptions),`] : []),
    ]),
    code`  };`,
  );
  const defaultsDoc = [client.baseUrl !== undefined ? `base URL ${client.baseUrl}` : "", client.userAgent !== undefined ? `User-Agent ${client.userAgent}` : ""].filter(Boolean);
  const factory = exportedFunction(
    docComment([`Creates a client${defaultsDoc.length ? ` (defaults: ${defaultsDoc.join(", ")})` : ""}. It holds no timers or connections of its own.`]),
    id(names.factory),
    [{ name: code`options`, type: id(names.options) }],
    id(names.client),
    body,
  );
  // Its TypeScript (client.js is still esbuild's, from client.ts).
  statements.push(typeScriptCode(factory.code));
  declarations.push(factory.declaration);
  const text = (codes: readonly Code[]): string[] => codes.map((c) => c.text);
  return [{ path: "client.ts", summary: "HTTP client", statements: text(statements), declarations: text(declarations) }, transportModule()];
}

/** `transport.ts`, the `<package>/transport` subpath: every transport type under its own name (no schema type shares this module). */
export function transportModule(): EmittedModule {
  // One name a line, as prettier breaks a list longer than its line (EmittedModule.formatted).
  const statements = [code`export type {\n${join(CLIENT_RUNTIME_TYPES.map((name) => code`  ${id(name)},`), "\n")}\n} from ${`./${TRANSPORT.replace(/\.ts$/, ".js")}`};`.text];
  return { path: `${TRANSPORT_SUBPATH}.ts`, summary: "Transport types (the /transport subpath export)", statements, declarations: "source", typesOnly: true, subpath: TRANSPORT_SUBPATH, formatted: true };
}

/** The most items one queued request may carry: the smallest `maxItems` of its arrays (Infinity for none). */
function queueMaxItems(shape: QueueShape): number {
  return Math.min(...shape.arrays.map((a) => (a.maxItems >= 1 ? a.maxItems : Infinity)));
}

/** The path as a string expression: literals quoted, parameters URI-encoded from the options. */
function pathExpression(plan: EndpointPlan): Code {
  const pieces = plan.parts.map((part) =>
    "text" in part ? literal(part.text) : code`encodeURIComponent(${member(id("options"), part.option)})`,
  );
  return join(pieces, " + ");
}

function describePlan(plan: EndpointPlan, validated: boolean, chunked: boolean): string {
  const steps = [validated ? `checked with ${guardNames.validate(plan.typeName)}` : "", chunked ? `split by \`maxItems\` with ${builderNames.chunk(plan.typeName)}` : ""];
  if (plan.idempotency) steps.push(`\`${plan.idempotency.key}\` filled in where missing (${[...(plan.idempotency.root ? ["the body"] : []), ...plan.idempotency.arrays.map((a) => `\`${a}\``)].join(", ")})`);
  steps.push("sent with retries");
  return steps.filter(Boolean).join("; ") + ".";
}

