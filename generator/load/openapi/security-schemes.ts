/** `components.securitySchemes` → IR security schemes (see IrSecurityScheme), `$ref`s followed. */
import { pointerFragment } from "../../errors";
import type { IrSecurityKind, IrSecurityScheme } from "./operation-model";
import { escapePointerToken, isJsonObject, type JsonObject } from "../keywords";
import { followRefs, localRefResolver, type RefResolver } from "./document-refs";
import { isHeaderName } from "./field-names";

/**
 * `warnings`, when given, receives one line per scheme the client cannot apply for a reason of the
 * document's (an API key's header name HTTP cannot carry).
 */
export function readSecuritySchemes(document: JsonObject, resolve: RefResolver = localRefResolver(document), file?: string, warnings?: string[]): IrSecurityScheme[] {
  const schemes = isJsonObject(document.components) ? document.components.securitySchemes : undefined;
  if (!isJsonObject(schemes)) return [];
  return Object.entries(schemes).map(([name, entry]) => {
    const { value, pointer } = followRefs({ value: entry, pointer: `#/components/securitySchemes/${escapePointerToken(name)}` }, resolve, file);
    const scheme = isJsonObject(value) ? value : {};
    const description = typeof scheme.description === "string" ? { description: scheme.description } : {};
    const kind = kindOf(scheme);
    // Not a header fetch will send: the scheme is one the client does not apply (no credential in its
    // options, the mock asks for none), rather than one that makes every call it is given to fail.
    if (kind.kind === "apiKey" && kind.in === "header" && !isHeaderName(kind.parameterName)) {
      warnings?.push(`${file ?? "(document)"}${pointerFragment(`${pointer}/name`)}: the API key's header name ${JSON.stringify(kind.parameterName)} is not an HTTP field name (a token, RFC 9110): security scheme ${name} is not applied`);
      return { name, ...description, kind: "unsupported", type: `apiKey in header ${JSON.stringify(kind.parameterName)}` };
    }
    return { name, ...description, ...kind };
  });
}

function kindOf(scheme: JsonObject): IrSecurityKind {
  const type = String(scheme.type);
  if (type === "apiKey" && (scheme.in === "header" || scheme.in === "query" || scheme.in === "cookie") && typeof scheme.name === "string") {
    return { kind: "apiKey", in: scheme.in, parameterName: scheme.name };
  }
  // The HTTP authentication scheme name is case-insensitive (RFC 7235).
  const httpScheme = typeof scheme.scheme === "string" ? scheme.scheme.toLowerCase() : "";
  if (type === "http" && httpScheme === "basic") return { kind: "basic" };
  if ((type === "http" && httpScheme === "bearer") || type === "oauth2" || type === "openIdConnect") {
    const format = typeof scheme.bearerFormat === "string" ? { bearerFormat: scheme.bearerFormat } : {};
    return { kind: "bearer", from: type, ...format };
  }
  return { kind: "unsupported", type: type === "http" ? `http ${httpScheme}` : type };
}
