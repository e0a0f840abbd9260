/** `components.securitySchemes` → IR security schemes (see IrSecurityScheme), `$ref`s followed. */
import type { IrSecurityKind, IrSecurityScheme } from "./operation-model";
import { escapePointerToken, isJsonObject, type JsonObject } from "../keywords";
import { followRefs, localRefResolver, type RefResolver } from "./document-refs";

export function readSecuritySchemes(document: JsonObject, resolve: RefResolver = localRefResolver(document), file?: string): IrSecurityScheme[] {
  const schemes = isJsonObject(document.components) ? document.components.securitySchemes : undefined;
  if (!isJsonObject(schemes)) return [];
  return Object.entries(schemes).map(([name, entry]) => {
    const { value } = followRefs({ value: entry, pointer: `#/components/securitySchemes/${escapePointerToken(name)}` }, resolve, file);
    const scheme = isJsonObject(value) ? value : {};
    const description = typeof scheme.description === "string" ? { description: scheme.description } : {};
    return { name, ...description, ...kindOf(scheme) };
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
