/**
 * Where an OpenAPI document's schemas are, and the named types they become: every
 * `components.schemas` entry (named by its key), then per operation the inline schemas of its
 * request body and responses (operation + role, openapi/names.ts), its parameters' schemas
 * (operation + location + parameter name; a query's or cookie's parameter of a bare type is typed
 * in its object instead: parameter-schemas.ts's typedInItsObject) and one object per parameter
 * location (parameter-schemas.ts);
 * then the same for each webhook and callback (named as operations are: operations.ts). What the loader indexes (the document is not itself a schema)
 * and what the normalizer seeds its queue with instead of a root and its `$defs`.
 */
import { escapePointerToken, isJsonObject, toPointer, type JsonObject } from "../keywords";
import { toPascalCase } from "../../identifiers";
import { pointerTokens } from "./document-refs";
import { inlineSchemaName } from "./names";
import { PARAMETER_LOCATIONS, type IrMediaContent } from "./operation-model";
import { parametersSchema, responseHeadersSchema, typedInItsObject } from "./parameter-schemas";
import { parameterSchemaValue } from "./operation-parts";
import type { OpenApiInput } from "./read-openapi";

/** A schema of the document that becomes a named type. */
export interface SchemaSite {
  /** JSON pointer into the document: "/components/schemas/Pet". */
  pointer: string;
  /**
   * The type name; absent for a schema that is a bare `$ref` (`{"$ref": "./request.json"}`): it
   * is no type of its own, its target is named as any reference target is (`$defs` key, `title`,
   * or the component's key), so a referenced file keeps the name its author gave it.
   */
  name?: string;
  /** The URI of the file it is in, when not the document's own (a response or parameter `$ref`erenced from another file). */
  document?: string;
}

export interface OpenApiSchemas {
  /** Every schema of the document to index (those below, and parameter and header schemas). */
  pointers: string[];
  /** The same for each other file that a reference to a parameter, body, response or path item reaches, by URI. */
  partPointers: Map<string, string[]>;
  sites: SchemaSite[];
  /**
   * The schemas made for the document, `{"$defs": ...}`: the parameter objects (<Stem>Params<Location>),
   * the request and response views of components (PetRequest, PetResponse) and of inline bodies that
   * leave properties out (read-write-views.ts). Their `$ref`s are absolute URIs into the document, or
   * `#/$defs/...` between these schemas.
   */
  parameters: JsonObject;
  /**
   * Where each view among them was made from, by its `$defs` key: /components/schemas/Pet for
   * PetRequest, an inline body's or parameter's schema (in another file: `document`, its URI). A view
   * keeps the places of what it keeps, so a place in it is that place in its source: messages name that.
   */
  viewOrigins: Map<string, { document?: string; pointer: string }>;
}

/** `documentUri` is prepended to the parameter objects' `$ref`s, which live in a document of their own. */
export function openApiSchemas(input: OpenApiInput, documentUri: string): OpenApiSchemas {
  const pointers = new Set<string>();
  const sites: SchemaSite[] = [];
  const components = isJsonObject(input.document.components) ? input.document.components.schemas : undefined;
  if (isJsonObject(components)) {
    for (const key of Object.keys(components)) {
      const pointer = toPointer(["components", "schemas", key]);
      pointers.add(pointer);
      sites.push({ pointer, name: key });
    }
  }
  const defs: JsonObject = {};
  const viewOrigins: OpenApiSchemas["viewOrigins"] = new Map();
  /** A view among the made schemas, with the place it was made from. */
  const addView = (name: string, view: unknown, origin: Place): void => {
    defs[name] = view;
    viewOrigins.set(name, origin);
  };
  const viewRef = (viewName: string) => `#/$defs/${escapePointerToken(viewName)}`;
  /** A view's references made absolute: on the base a `$id` sets, else on the file the viewed schema is in. */
  const rebaseFrom = (at: Place) => (ref: string, base: string | undefined) => absoluteRef(ref, base ?? at.document ?? documentUri);
  for (const flag of ["readOnly", "writeOnly"] as const) {
    const views = input.views[flag];
    // (A view made below may reach a file's schema that nothing else does: its view joins this map then.)
    for (const source of views.affected.values()) {
      const at = placeOfPointer(source.pointer);
      addView(source.name, views.view(source.schema, source.pointer, viewRef, rebaseFrom(at)), at);
    }
  }
  const partPointers = new Map<string, Set<string>>();
  /** A pointer of the operation model ("#/..." or "<uri>#/...") as a place, indexed in its document. */
  const place = (pointer: string): Place => {
    const found = placeOfPointer(pointer);
    if (found.document === undefined) pointers.add(found.pointer);
    else partPointers.set(found.document, (partPointers.get(found.document) ?? new Set()).add(found.pointer));
    return found;
  };
  const valueAt = (at: Place): unknown => input.resolve(`${at.document ?? ""}#${at.pointer}`, "#")?.value;
  const isBareRefValue = (value: unknown): boolean => isJsonObject(value) && Object.keys(value).length === 1 && typeof value.$ref === "string";
  const isBareRef = (at: Place): boolean => isBareRefValue(valueAt(at));
  const site = (content: IrMediaContent): void => {
    if (content.schema === undefined) return;
    // (A webhook's or callback's is never a view: their contents were read without views, operations.ts.)
    const at = place(content.schema.pointer);
    const flag = content.schema.leavesOut;
    if (flag !== undefined) {
      // A view, among the made schemas: a reference to a component is its view's (already there).
      const componentView = content.schema.ref !== undefined && isBareRef(at);
      if (!componentView) addView(content.schema.name, input.views[flag].view(valueAt(at), content.schema.pointer, viewRef, rebaseFrom(at)), at);
      return;
    }
    // A reference to a component is that component's type; a reference elsewhere names its target.
    sites.push({ ...at, ...(!(content.schema.ref !== undefined && isBareRef(at)) && { name: content.schema.name }) });
  };
  // A parameter is part of a request: a schema with read-only properties is typed by its request view.
  const parameterViews = new Map<string, string>();
  // A query's or cookie's parameter of a bare type (`{"type": "string"}`): its schema, copied into its location's object (typedInItsObject).
  const parameterCopies = new Map<string, JsonObject>();
  // The webhooks' and callbacks' after the operations': a schema both use is named after the operation.
  const webhooks = new Set(input.webhooks);
  for (const operation of [...input.operations, ...input.webhooks]) {
    // The API sends a webhook's request, so its parameters are typed as written (no read-only view).
    const requestView = !webhooks.has(operation);
    for (const parameter of operation.parameters) {
      if (parameter.schemaPointer === undefined) continue;
      const at = place(parameter.schemaPointer);
      // As the parameter's reader saw it, when it did (not looked up again from the root: thousands of long pointers).
      const value = parameterSchemaValue(parameter) ?? valueAt(at);
      const bareRef = isBareRefValue(value);
      if (requestView && input.views.readOnly.differs(value, parameter.schemaPointer)) {
        const targetView = bareRef ? input.views.readOnly.refView((value as JsonObject).$ref as string, parameter.schemaPointer) : undefined;
        const name = targetView ?? `${inlineSchemaName.parameters(operation.typeStem, parameter.in)}${toPascalCase(parameter.name) || "Value"}`;
        if (targetView === undefined && !parameterViews.has(parameter.schemaPointer)) addView(name, input.views.readOnly.view(value, parameter.schemaPointer, viewRef, rebaseFrom(at)), at);
        if (!parameterViews.has(parameter.schemaPointer)) parameterViews.set(parameter.schemaPointer, `#/$defs/${escapePointerToken(name)}`);
        continue;
      }
      if (typedInItsObject(parameter, value)) {
        parameterCopies.set(parameter.schemaPointer, value);
        continue;
      }
      // Named after the first operation that has it (a shared parameter shares its type): ListPetsParamsQueryLimit.
      const name = `${inlineSchemaName.parameters(operation.typeStem, parameter.in)}${toPascalCase(parameter.name) || "Value"}`;
      if (bareRef) {
        // `schema: { $ref: Kind }`: the parameters object's property is Kind itself, not an alias named
        // after the pointer (ParametersSchema, ParametersSchema2, ... with a warning for each).
        parameterViews.set(parameter.schemaPointer, absoluteRef((value as JsonObject).$ref as string, at.document ?? documentUri));
        sites.push(at);
      } else sites.push({ ...at, name });
    }
    for (const location of PARAMETER_LOCATIONS) {
      const name = operation.parameterTypes[location];
      const schema = parametersSchema(operation, location, documentUri, (pointer) => parameterViews.get(pointer), (pointer) => parameterCopies.get(pointer));
      if (name !== undefined && schema !== undefined) defs[name] = schema;
    }
    operation.requestBody?.contents.forEach(site);
    for (const response of operation.responses) {
      response.contents.forEach(site);
      // Its headers: each header's schema named like a parameter's (the first response that has it names it), and all of them as one object.
      for (const header of response.headers) {
        if (header.schemaPointer === undefined) continue;
        const at = place(header.schemaPointer);
        sites.push(isBareRef(at) ? at : { ...at, name: inlineSchemaName.responseHeader(operation.typeStem, response.status, header.name) });
      }
      const headers = responseHeadersSchema(response, documentUri);
      if (response.headersType !== undefined && headers !== undefined) defs[response.headersType] = headers;
    }
  }
  // A bare `$ref` to another operation's inline schema ("#/paths/~1foo/post/requestBody/content/application~1json/schema")
  // is named after that schema's site, so it comes after every named site: named first, the target would
  // take a name made from its pointer (ApplicationJsonSchema2) before its own site could give it CreateFooRequestBody.
  const namedHere = new Set(sites.filter((site) => site.name !== undefined && site.document === undefined).map((site) => site.pointer));
  const toNamedSite = (site: SchemaSite): boolean => {
    if (site.name !== undefined || site.document !== undefined) return false;
    const value = valueAt(site);
    return isJsonObject(value) && typeof value.$ref === "string" && value.$ref.startsWith("#") && namedHere.has(fragmentPointer(value.$ref));
  };
  const ordered = [...sites.filter((site) => !toNamedSite(site)), ...sites.filter(toNamedSite)];
  return { pointers: [...pointers], partPointers: new Map([...partPointers].map(([uri, set]) => [uri, [...set]])), sites: ordered, parameters: { $defs: defs }, viewOrigins };
}

/** A pointer of the operation model ("#/..." or "<uri>#/...") as a place: its file (undefined: the document) and JSON pointer. */
export function placeOfPointer(pointer: string): Place {
  const hash = pointer.indexOf("#");
  return hash <= 0 ? { pointer: fragmentPointer(pointer) } : { document: pointer.slice(0, hash), pointer: fragmentPointer(pointer.slice(hash)) };
}

/** Where a schema is: a pointer (no `#`) into the document, or into another file. */
interface Place {
  pointer: string;
  document?: string;
}

/** "#/paths/~1pets/get" → "/paths/~1pets/get" (the registry's pointers carry no `#`). */
export function fragmentPointer(fragment: string): string {
  // Already as written back (no percent-escape, every `~` an escape): most pointers, looked up by the thousand.
  if ((fragment === "#" || fragment.startsWith("#/")) && !fragment.includes("%") && !INVALID_TILDE.test(fragment)) return fragment.slice(1);
  const tokens = pointerTokens(fragment);
  return tokens === undefined ? fragment.replace(/^#/, "") : toPointer(tokens);
}

/** A `~` that is not the escape `~0` or `~1`: re-escaped by fragmentPointer ("~2" → "~02"). */
const INVALID_TILDE = /~(?![01])/;

/** A `$ref` of the document, absolute: a view that copies it lives in another document. */
function absoluteRef(ref: string, documentUri: string): string {
  try {
    return new URL(ref, documentUri).href;
  } catch {
    return ref; // not a URI reference: the loader reports it where it is used
  }
}
