/**
 * One operation → its `<Stem>Request` and `<Stem>Result` types and its function. The types come
 * from the schema sites the normalizer named (IrApi.siteTypes): a body or response without a
 * schema is `unknown` (JSON) or text; a media type that is neither JSON, form-urlencoded nor
 * multipart is sent as given, `Blob | string`.
 */
import type { IrApi, IrModel } from "../../ir/model";
import { builtObjectType, siteTypeAt } from "../../ir/model";
import { idempotencyCode, idempotencyFor } from "../client/endpoints";
import { guardNames as guardNamesOf } from "../guards/artifact";
import { escapePointerToken } from "../../load/keywords";
import type { IrMediaContent, IrOperation, IrParameter, ParameterLocation } from "../../load/openapi/operation-model";
import { mediaTypeEssence, mediaTypeKey, PARAMETER_LOCATIONS } from "../../load/openapi/operation-model";
import { splitPathKey } from "../../load/openapi/path-query";
import { code, docComment, id, join, literal, member, objectKey, optionalMember, ts, typeCode, type Code } from "../code";
import { isObjectPrototypeKey } from "../../own-property";
import { runtimeAlias } from "../runtime-names";
import type { OperationNames } from "./names";
import { headerKind, isPrimitiveType } from "./header-kinds";
import { defaultServerUrl, serverUrlExpression, serverVariableMembers } from "./servers";
import { checkedObject, isIdempotencyKeyHeader } from "./parameter-checks";

export interface OperationPlan {
  operation: IrOperation;
  names: OperationNames;
  /** Its types and its function, TypeScript-only parts marked (emit/code.ts's `ts`). */
  statements: Code[];
  /** The same in `operations.d.ts`: the function without its body (EmittedModule.declarations). */
  declarations: Code[];
  /** Types of types.ts the statements name. */
  typeNames: string[];
  /** Guards of guards.ts the function calls. */
  guardNames: string[];
}

/** Methods whose requests may be repeated (RFC 9110 §9.2.2); others only with an idempotency key. */
const IDEMPOTENT = new Set(["get", "head", "options", "put", "delete", "trace"]);

const rt = (name: string): Code => id(runtimeAlias(name));
/** `?` after an optional member or parameter, nothing after a required one. */
const optionalMark = (optional: boolean): Code => (optional ? code`?` : code``);
/** A status code as a type: 404 (a number literal type); a key that is no number, as a string literal type. */
const statusLiteral = (status: string): Code => (/^\d+$/.test(status) ? literal(Number(status)) : literal(status));

type BodyKind = "json" | "form" | "multipart" | "raw";

/** The media types under a range, as a TypeScript type: `image/${string}` for "image/*", string for "*\/*"; undefined for a media type. */
function typesUnderRange(mediaType: string): Code | undefined {
  const essence = mediaTypeEssence(mediaType);
  if (essence === "*/*") return code`string`;
  if (!essence.endsWith("/*")) return undefined;
  // A template literal type; what a document writes before "/*" escaped for one (a media type's characters need none).
  return typeCode({ text: `\`${essence.slice(0, -1).replace(/[\\`$]/g, (c) => `\\${c}`)}\${string}\`` });
}

function bodyKind(mediaType: string): BodyKind {
  const type = mediaTypeEssence(mediaType);
  if (type === "application/json" || /^[a-z]+\/[^;]*\+json$/.test(type)) return "json";
  if (type === "application/x-www-form-urlencoded") return "form";
  if (type.startsWith("multipart/")) return "multipart";
  return "raw";
}

/** A media range that covers application/json: a response under it may be JSON. */
function jsonRange(mediaType: string): boolean {
  const type = mediaTypeEssence(mediaType);
  return type === "*/*" || type === "application/*";
}

/** Methods fetch refuses to send (the Fetch standard's forbidden methods): the call answers kind "unsupported-method" (runtime/operation-call.ts callForbiddenMethod). */
const FORBIDDEN_BY_FETCH = new Set(["trace"]);
/** The optional-chain parameter reads (`request.query?.name`) above which an operation reads its optional locations into locals (see planOperation): tsc gave up at about 900. */
export const OPTIONAL_READS_LIMIT = 200;

export function planOperation(operation: IrOperation, api: IrApi, names: OperationNames, model: IrModel): OperationPlan {
  const typeNames = new Set<string>();
  const guardNames = new Set<string>();
  const siteType = (content: IrMediaContent): string | undefined => {
    if (content.schema === undefined) return undefined;
    // A view (a request body without its read-only properties, a response without its write-only
    // ones) is a schema the reader made in the parameters document under the site's name
    // (load/openapi/schema-sites.ts), not the schema at the site's pointer: looked up by the pointer,
    // every body or response with such a property anywhere below it was \`unknown\` and unchecked
    // (shipengine-openapi's bodies and responses; corpus sweep of registry packages).
    if (content.schema.leavesOut !== undefined) return builtObjectType(api, content.schema.name);
    return siteTypeAt(api, content.schema.pointer);
  };
  const named = (name: string): Code => {
    typeNames.add(name);
    return id(name);
  };
  const guard = (name: string): Code => {
    guardNames.add(guardNamesOf.validate(name));
    return id(guardNamesOf.validate(name));
  };
  /** The TypeScript type of a body of this media type (request or response). */
  const contentType = (content: IrMediaContent, request: boolean): Code => {
    const kind = bodyKind(content.mediaType);
    const type = siteType(content);
    if (kind === "raw") {
      // A response under a range that covers JSON (`*/*`, `application/*`) with a schema is read as
      // JSON when the answer says JSON (runtime: isJsonMediaType), as text otherwise: typed as both.
      // It was `string` alone, and the data was the parsed object.
      if (!request && type !== undefined && jsonRange(content.mediaType)) return code`${named(type)} | string`;
      return request ? code`${rt("BlobLike")} | string` : code`string`;
    }
    if (type === undefined) return code`unknown`;
    return request && kind === "multipart" ? code`${rt("MultipartBody")}<${named(type)}>` : named(type);
  };

  // --- The request: parameters by location, then the body.
  const members: Code[] = [];
  const byLocation = new Map<ParameterLocation, IrParameter[]>();
  for (const p of operation.parameters) byLocation.set(p.in, [...(byLocation.get(p.in) ?? []), p]);
  let requestRequired = false;
  for (const location of PARAMETER_LOCATIONS) {
    const parameters = byLocation.get(location);
    if (!parameters) continue;
    const typeName = operation.parameterTypes[location];
    const type = builtObjectType(api, typeName);
    const required = parameters.some((p) => p.required);
    requestRequired ||= required;
    members.push(code`  ${docComment([`The ${location} parameters.`], { indent: "  " })}\n  ${id(location)}${optionalMark(!required)}: ${type !== undefined ? named(type) : code`Record<string, unknown>`};`);
  }
  // The operation's own server (operation or path item `servers`): its variables, typed, in the request.
  const ownServer = operation.ownServers ? operation.servers[0] : undefined;
  if (ownServer && ownServer.variables.length > 0) {
    members.push(
      code`  ${docComment([`The variables of this operation's server ${ownServer.url} (defaults where absent; a \`baseUrl\` given to the client wins).`], { indent: "  " })}\n  server?: {\n${join(serverVariableMembers(ownServer, "    "), "\n")}\n  };`,
    );
  }
  const contents = operation.requestBody?.contents ?? [];
  // One body, declared by a media range ("image/*"): the caller may say which type under it it sends.
  const chosenUnderRange = contents.length === 1 && bodyKind(contents[0]!.mediaType) === "raw" ? typesUnderRange(contents[0]!.mediaType) : undefined;
  let bodyUnion: Code | undefined;
  if (contents.length > 0) {
    const required = operation.requestBody!.required;
    requestRequired ||= required;
    const bodyMembers = contents.map((content, i) => {
      const choice = contents.length > 1 ? code`contentType${optionalMark(i === 0)}: ${literal(content.mediaType)}; ` : code``;
      return code`${choice}body${optionalMark(!required)}: ${contentType(content, true)}`;
    });
    if (contents.length > 1) bodyUnion = join(bodyMembers.map((m) => code`{ ${m} }`), " | ");
    else members.push(code`  ${docComment([`The request body (${contents[0]!.mediaType}).`], { indent: "  " })}\n  ${bodyMembers[0]!};`);
    if (chosenUnderRange !== undefined) {
      members.push(code`  ${docComment([`The body's media type under ${contents[0]!.mediaType} (its \`Content-Type\`); default: a Blob's own type, text/plain for a string.`], { indent: "  " })}\n  contentType?: ${chosenUnderRange};`);
    }
  }
  const requestDoc = docComment([`The request of {@link ${names.fn}}: its parameters by location${contents.length > 0 ? " and its body" : ""}.`]);
  const requestName = id(names.request);
  const requestMembers = join(members, "\n");
  const requestType =
    members.length === 0 && bodyUnion === undefined
      ? code`${requestDoc}\nexport type ${requestName} = Record<string, never>;`
      : bodyUnion === undefined
        ? code`${requestDoc}\nexport interface ${requestName} {\n${requestMembers}\n}`
        : members.length === 0
          ? code`${requestDoc}\nexport type ${requestName} = ${bodyUnion};`
          : code`${requestDoc}\nexport type ${requestName} = {\n${requestMembers}\n} & (${bodyUnion});`;

  // --- The result: a member per declared response.
  const declaresSuccess = operation.responses.some((r) => r.status.startsWith("2"));
  // The statuses a range or default stands for: its class(es), minus what is declared apart (see StatusRange).
  const exact = operation.responses.map((r) => r.status).filter((s) => /^\d{3}$/.test(s));
  const ranges = operation.responses.map((r) => r.status).filter((s) => /^[1-5]XX$/.test(s)).map((s) => s[0]!);
  const statusType = (classes: string[], declared: Code[]): Code => {
    const range = code`${rt("StatusRange")}<${join(classes.map(statusLiteral), " | ")}>`;
    return declared.length > 0 ? code`Exclude<${range}, ${join(declared, " | ")}>` : range;
  };
  const resultMembers: Code[] = [];
  const responseGuards: Code[] = [];
  const headerReaders: Code[] = [];
  for (const response of operation.responses) {
    const types = response.contents.length === 0 ? [code`undefined`] : response.contents.map((c) => contentType(c, false));
    const data = join([...new Map(types.map((t) => [t.text, t])).values()], " | ");
    const key = response.status;
    const range = /^[1-5]XX$/.test(key);
    const status = (classes: string[]): Code =>
      range
        ? statusType([key[0]!], exact.filter((s) => s[0] === key[0]).map(statusLiteral))
        : key === "default"
          ? statusType(classes, [
              ...exact.filter((s) => classes.includes(s[0]!)).map(statusLiteral),
              ...ranges.filter((c) => classes.includes(c)).map((c) => code`${rt("StatusRange")}<${statusLiteral(c)}>`),
            ])
          : statusLiteral(key);
    // Declared headers: read into `header`, typed by the response's headers object and checked by its guard.
    const headersType = builtObjectType(api, response.headersType);
    const withHeader = (member: Code): Code => (headersType !== undefined ? code`(${member} & { header: ${named(headersType)} })` : member);
    if (key.startsWith("2") || (key === "default" && !declaresSuccess)) resultMembers.push(withHeader(code`${rt("ApiSuccess")}<${status(["2"])}, ${data}>`));
    if (!key.startsWith("2")) resultMembers.push(withHeader(code`${rt("ApiHttpError")}<${status(["3", "4", "5"])}, ${data}>`));
    // A guard per media type when they differ (va.gov: GeoJSON under application/geo+json, a page under
    // application/json; or JSON beside text/csv, whose text no JSON guard passes): the runtime checks the one
    // the answer's Content-Type names. One guard for every media type (the usual case): that guard alone.
    // Twins of one essence with guards of their own (CWMS Data API's "application/json;version=2", a
    // list, beside "application/json", one object): each under its media type with its parameters,
    // which the runtime matches before the essence; keyed by the essence alone, the last twin's guard
    // checked every twin's answer.
    const guardOf = (c: IrMediaContent) => (bodyKind(c.mediaType) === "json" ? siteType(c) : undefined);
    const ownGuards = (c: IrMediaContent) =>
      new Set(response.contents.filter((t) => mediaTypeEssence(t.mediaType) === mediaTypeEssence(c.mediaType)).map(guardOf)).size > 1;
    const guards = new Map(response.contents.map((c) => [ownGuards(c) ? mediaTypeKey(c.mediaType) : mediaTypeEssence(c.mediaType), guardOf(c)]));
    // A JSON answer under a range that covers JSON is checked by the range's schema (a text one is not), unless JSON is declared apart.
    const underRange = response.contents.find((c) => jsonRange(c.mediaType) && siteType(c) !== undefined);
    if (underRange && !response.contents.some((c) => bodyKind(c.mediaType) === "json")) guards.set("application/json", siteType(underRange));
    const responseGuard =
      new Set(guards.values()).size > 1
        ? code`${rt("byMediaType")}({ ${join([...guards].map(([mediaType, type]) => code`${objectKey(mediaType)}: ${type !== undefined ? guard(type) : code`null`}`), ", ")} })`
        : [...guards.values()][0] !== undefined
          ? guard([...guards.values()][0]!)
          : code`null`;
    responseGuards.push(code`${objectKey(response.status)}: ${responseGuard}`);
    if (headersType !== undefined) {
      const kinds = response.headers.map((h) => {
        const type = h.schemaPointer !== undefined ? siteTypeAt(api, h.schemaPointer) : undefined;
        return code`[${h.name}, ${headerKind(model, h, type)}]`;
      });
      headerReaders.push(code`${objectKey(response.status)}: ${rt("headerReader")}([${join(kinds, ", ")}], ${guard(headersType)})`);
    }
  }
  // No documented response covers a success: a 2xx is one all the same, its body unknown (as a "2XX" without a guard).
  if (!operation.responses.some((r) => r.status.startsWith("2") || r.status === "default")) {
    resultMembers.unshift(code`${rt("ApiSuccess")}<${rt("StatusRange")}<2>, unknown>`);
    responseGuards.push(code`"2XX": null`);
  }
  resultMembers.push(rt("ApiFailure"));
  if (FORBIDDEN_BY_FETCH.has(operation.method)) resultMembers.push(rt("ApiUnsupportedMethod"));
  const resultType = code`${docComment([`What {@link ${names.fn}} resolves to: a declared status with its typed body, or why there is none. Never a rejection.`])}\nexport type ${id(names.result)} =\n  | ${join(resultMembers, "\n  | ")};`;

  // --- The function.
  const request = id("request");
  // A location none of whose parameters is required is optional: its parameters are read as
  // `request.query?.name`. Each optional chain adds nodes to the function's control flow graph, and
  // past about 2,000 of them tsc gives up on the whole function (TS2563, "too large for control flow
  // analysis"): gsmtasks.com's scenesDashboardList has 581 optional query parameters, each read twice
  // (sent and checked). Above OPTIONAL_READS_LIMIT reads, each optional location is read once into a
  // local that is never undefined (`const query = request.query ?? {}`) and its parameters as plain
  // members; below it the output is unchanged.
  const optionalLocations = new Set(PARAMETER_LOCATIONS.filter((location) => byLocation.has(location) && !byLocation.get(location)!.some((p) => p.required)));
  const optionalReads = operation.parameters.filter((p) => optionalLocations.has(p.in)).length * 2;
  const locals = optionalReads > OPTIONAL_READS_LIMIT ? [...optionalLocations] : [];
  const holderValue = (location: ParameterLocation, name: string): Code => {
    // A name Object.prototype has (`constructor`, `toString`): the caller's own property alone.
    if (isObjectPrototypeKey(name)) return code`${rt("ownParam")}(${locals.includes(location) ? id(location) : member(request, location)}, ${literal(name)})`;
    if (locals.includes(location)) return member(id(location), name);
    return optionalLocations.has(location) ? optionalMember(member(request, location), name) : member(member(request, location), name);
  };
  const access = (location: ParameterLocation, parameter: IrParameter): Code => {
    const value = holderValue(location, parameter.name);
    return parameter.mediaType !== undefined ? code`${rt("jsonParam")}(${value})` : value;
  };
  const call = (name: string, ...args: Code[]): Code => code`${rt(name)}(${join(args, ", ")})`;
  const pathParameter = (name: string): IrParameter | undefined => operation.parameters.find((p) => p.in === "path" && p.name === name);
  // Style simple (nearly every path) by a function of its own: label and matrix code is bundled only where used.
  const pathValue = (parameter: IrParameter): Code =>
    parameter.style === "simple"
      ? call("serializeSimplePathParam", access("path", parameter), literal(parameter.explode))
      : call("serializePathParam", literal(parameter.name), access("path", parameter), literal(parameter.style), literal(parameter.explode));
  // A query string in the path key (path-query.ts): its pairs come first in the query, fixed text as written.
  const pathKey = splitPathKey(operation.path);
  const pathParts = pathKey.path.split(/(\{[^}]*\})/).filter((p) => p !== "").map((piece) => {
    const name = /^\{([^}]*)\}$/.exec(piece)?.[1];
    return { piece, parameter: name !== undefined ? pathParameter(name) : undefined };
  });
  const pathPieces = pathParts.map(({ piece, parameter }) => (parameter ? pathValue(parameter) : literal(piece)));
  // A path with a parameter in it is made first (`target`), to be refused when a parameter made a
  // dot segment of it (runtime refuseDotSegments): only such operations bundle that check.
  const pathFilled = pathParts.some((part) => part.parameter !== undefined);
  const keyQuery = pathKey.query.flatMap((pair) => {
    if (pair.parameter === undefined && pair.nameParameter === undefined) return [literal(pair.text)];
    // `name={value}`, or `{name}=value` (the name an expression too): each expression by its path parameter; one undeclared leaves the pair out.
    const named = pair.nameParameter === undefined ? undefined : pathParameter(pair.nameParameter);
    const valued = pair.parameter === undefined ? undefined : pathParameter(pair.parameter);
    if ((pair.nameParameter !== undefined && !named) || (pair.parameter !== undefined && !valued)) return [];
    if (!named) return [code`${`${pair.name}=`} + ${pathValue(valued!)}`];
    if (!pair.text.includes("=")) return [pathValue(named)];
    return [valued ? code`${pathValue(named)} + "=" + ${pathValue(valued)}` : code`${pathValue(named)} + ${`=${pair.value ?? ""}`}`];
  });
  const query = [
    ...keyQuery,
    ...(byLocation.get("query") ?? []).map((p) => call("serializeQueryParam", literal(p.name), access("query", p), literal(p.style), literal(p.explode), literal(p.allowReserved))),
  ];
  let keyHeader = false;
  const headers = (byLocation.get("header") ?? []).map((p) => {
    let value = access("header", p);
    if (isIdempotencyKeyHeader(operation, p)) {
      keyHeader = true;
      value = code`${value} ?? ${rt("newIdempotencyKey")}(client)`;
    }
    const type = p.schemaPointer !== undefined && p.mediaType === undefined ? siteTypeAt(api, p.schemaPointer) : undefined;
    return code`${objectKey(headerKey(api, p.name))}: ${isPrimitiveType(model, type) ? call("serializePrimitiveHeader", value) : call("serializeHeaderParam", value, literal(p.explode))}`;
  });
  const cookies = (byLocation.get("cookie") ?? []).map((p) => call("serializeCookieParam", literal(p.name), access("cookie", p), literal(p.explode)));
  const fields: Code[] = [
    code`method: ${operation.method.toUpperCase()}`,
    ...(ownServer ? [code`baseUrl: ${rt("operationBaseUrl")}(client, ${ownServer.variables.length > 0 ? serverUrlExpression(ownServer, code`request.server`, true) : literal(defaultServerUrl(ownServer))})`] : []),
    code`path: ${pathFilled ? id("target") : pathPieces.length > 0 ? join(pathPieces, " + ") : literal("")}`,
    code`query: [${join(query, ", ")}]`,
    code`headers: { ${join(headers, ", ")} }`,
    code`cookies: [${join(cookies, ", ")}]`,
  ];
  const jsonBody = contents.find((c) => bodyKind(c.mediaType) === "json" && siteType(c) !== undefined);
  const idempotency = operation.idempotencyKey !== undefined && !keyHeader && jsonBody ? idempotencyFor(model, siteType(jsonBody)!, operation.idempotencyKey) : undefined;
  if (contents.length > 0) {
    const bodies = contents.map((content) => {
      const type = siteType(content);
      const kind = bodyKind(content.mediaType);
      const encode = rt(`${kind}Body`);
      if (kind === "raw" || type === undefined) return code`{ mediaType: ${content.mediaType}, encode: ${encode} }`;
      // A file of a multipart body is a binary string to its schema: checked as one (runtime withoutFiles).
      const validate = kind === "multipart" ? code`(body${ts`: unknown`}) => ${guard(type)}(${rt("withoutFiles")}(body))` : guard(type);
      const encoding = kind === "form" ? formEncoding(content) : undefined;
      return code`{ mediaType: ${content.mediaType}, encode: ${encode}, validate: ${validate}${encoding ? code`, encoding: ${literal(encoding)}` : code``} }`;
    });
    // x-idempotency-key naming a property of the JSON body (or of its array items): a key where one is missing,
    // filled once, before the first attempt, so that every attempt repeats it (the server drops replays).
    const body = idempotency
      ? code`${rt("withIdempotencyKeys")}(request.body, ${idempotencyCode(idempotency)}, () => ${rt("newIdempotencyKey")}(client))`
      : code`request.body`;
    fields.push(code`bodies: [${join(bodies, ", ")}]`, code`body: ${body}`);
    if (contents.length > 1 || chosenUnderRange !== undefined) fields.push(code`contentType: request.contentType`);
  }
  // Each location's parameters, checked before sending by the guard of their object (its errors at
  // /<location>/<name>, each keyword at the parameter schema's own place): a required one missing
  // too, and, in a query, a key the operation does not declare (it would not be sent). One by one
  // where parameter-checks.ts says (a path's; headers with an idempotency key the client fills).
  const parameterChecks = PARAMETER_LOCATIONS.flatMap((location) => {
    const parameters = byLocation.get(location) ?? [];
    const object = checkedObject(api, operation, location);
    if (parameters.length > 0 && object !== undefined) return [code`[${`/${location}`}, ${locals.includes(location) ? id(location) : member(request, location)}, ${guard(object)}]`];
    return parameters.flatMap((p) => {
      const type = p.schemaPointer !== undefined ? siteTypeAt(api, p.schemaPointer) : undefined;
      return type === undefined ? [] : [code`[${`/${p.in}/${escapePointerToken(p.name)}`}, ${holderValue(p.in, p.name)}, ${guard(type)}]`];
    });
  });
  if (parameterChecks.length > 0) fields.push(code`parameters: [${join(parameterChecks, ", ")}]`);
  fields.push(
    code`security: ${applicableSecurity(operation, api)}`,
    code`responses: { ${join(responseGuards, ", ")} }`,
    ...(headerReaders.length > 0 ? [code`responseHeaders: { ${join(headerReaders, ", ")} }`] : []),
    code`idempotent: ${IDEMPOTENT.has(operation.method) || keyHeader || idempotency !== undefined}`,
  );
  const noRequest = members.length === 0 && bodyUnion === undefined;
  const requestParam = noRequest ? code`_request${ts`: ${requestName}`} = {}` : code`request${ts`: ${requestName}`}${requestRequired ? code`` : code` = {}`}`;
  const declaredRequest = noRequest ? code`_request?: ${requestName}` : code`request${optionalMark(!requestRequired)}: ${requestName}`;
  const summary = [operation.summary, operation.description].filter((t): t is string => t !== undefined && t.trim() !== "").map((t) => t.trim());
  const doc = docComment(
    [
      `\`${operation.method.toUpperCase()} ${operation.path}\`${summary.length > 0 ? `: ${summary[0]}` : ""}`,
      ...summary.slice(1).flatMap((text) => ["", text]),
      ...(operation.deprecated ? ["@deprecated"] : []),
    ],
    { block: true },
  );
  const result = id(names.result);
  const declaration = code`${doc}
export declare function ${id(names.fn)}(client: ${rt("ApiClient")}, ${declaredRequest}, call?: ${rt("CallOptions")}): Promise<${result}>;`;
  // TypeScript-only parts marked (emit/code.ts's ts): operations.js is this code without them.
  const localStatements = [
    ...locals.map((location) => code`  const ${id(location)}${ts`: NonNullable<${requestName}[${literal(location)}]>`} = ${member(request, location)} ?? {};\n`),
    ...(pathFilled ? [code`  const target = ${join(pathPieces, " + ")};\n`] : []),
  ];
  const caller = FORBIDDEN_BY_FETCH.has(operation.method) ? "callForbiddenMethod" : "callOperation";
  const fn = code`${ts`${doc}
export `}function ${id(names.fn)}(client${ts`: ${rt("ApiClient")}`}, ${requestParam}, call${ts`?: ${rt("CallOptions")}`})${ts`: Promise<${result}>`} {
${join(localStatements, "")}  return ${pathFilled ? code`${rt("refuseDotSegments")}${ts`<${result}>`}(target) ?? ` : code``}${rt(caller)}${ts`<${result}>`}(client, {
${join(fields.map((f) => code`    ${f},`), "\n")}
  }, call);
}`;
  return {
    operation,
    names,
    statements: [ts`${requestType}`, ts`${resultType}`, fn],
    declarations: [requestType, resultType, declaration],
    typeNames: [...typeNames],
    guardNames: [...guardNames],
  };
}

/**
 * The key a header parameter is written under: an API key header's name as the scheme spells it
 * when the parameter's differs only in case (x-api-key, X-API-Key), so that the credential, applied
 * after the parameters, replaces it as it does a same-cased one. Two keys went out as one header
 * "param, key" (fetch joins names that differ in case); nothing is added to the shared runtime.
 */
function headerKey(api: IrApi, name: string): string {
  const scheme = api.securitySchemes.find((s) => s.kind === "apiKey" && s.in === "header" && s.parameterName.toLowerCase() === name.toLowerCase());
  return scheme?.kind === "apiKey" ? scheme.parameterName : name;
}

/**
 * The operation's security alternatives as the client can meet them: a scheme it does not apply
 * (mutualTLS, http digest, an API key in a header HTTP cannot carry) is the caller's business, left
 * out of its alternative, as the mock server does not ask for it either (an alternative that ANDs it
 * with a key was never chosen, and the key never sent: rapidapi.com/dynamicdocs). An alternative of
 * such schemes only is dropped rather than emptied, since an empty one means "no credentials" and
 * would be chosen before an alternative whose key the client has. For the same reason an empty
 * alternative the document writes (optional authentication, `security: [{}, {bearer: []}]`) comes
 * last: the client's runtime takes the first alternative it has every credential for, and a
 * configured token was never sent when the `{}` came first.
 */
function applicableSecurity(operation: IrOperation, api: IrApi): string[][] {
  const applied = (scheme: string) => api.securitySchemes.find((s) => s.name === scheme)?.kind !== "unsupported";
  const alternatives = operation.security
    .filter((alternative) => alternative.length === 0 || alternative.some((s) => applied(s.scheme)))
    .map((alternative) => alternative.filter((s) => applied(s.scheme)).map((s) => s.scheme));
  return [...alternatives.filter((a) => a.length > 0), ...alternatives.filter((a) => a.length === 0)];
}

/**
 * A form body's Encoding Objects that serialize their property by a style (runtime FormEncoding):
 * those giving `style`, `explode` or `allowReserved`; the others are serialized by their content
 * type, as are all properties when there are none (undefined: nothing to write). A property named
 * `__proto__` is left to its content type: `{"__proto__": ...}` in an object literal sets the
 * prototype, not a property the runtime finds.
 */
function formEncoding(content: IrMediaContent): Record<string, { style?: string; explode?: boolean; allowReserved?: boolean }> | undefined {
  const entries = Object.entries(content.encoding ?? {}).flatMap(([name, encoding]) => {
    if (name === "__proto__" || typeof encoding !== "object" || encoding === null) return [];
    const picked = {
      ...(typeof encoding.style === "string" && { style: encoding.style }),
      ...(typeof encoding.explode === "boolean" && { explode: encoding.explode }),
      ...(typeof encoding.allowReserved === "boolean" && { allowReserved: encoding.allowReserved }),
    };
    return Object.keys(picked).length > 0 ? [[name, picked] as const] : [];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
