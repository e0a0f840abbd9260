/**
 * A Server Object as generated code: the URL with each `{variable}` filled from an object of
 * variables (the default where absent), and that object's type (each variable optional, its `enum`
 * as literals). The document's first server gives the client's default base URL and `xServerUrl`
 * (index.ts); an operation's or path item's own server gives that operation's URL (plan.ts).
 */
import type { IrServer } from "../../load/openapi/operation-model";
import { code, docComment, join, literal, member, optionalMember, propertyKeyCode, type Code } from "../code";

/** The URL with every variable at its default: "https://{env}.example" → "https://prod.example". */
export function defaultServerUrl(server: IrServer): string {
  return server.url.replace(/\{([^}]*)\}/g, (_, name: string) => server.variables.find((v) => v.name === name)?.default ?? "");
}

/** An absolute http(s) URL (a relative one needs the caller's base URL). */
export function isAbsoluteUrl(url: string): boolean {
  return /^https?:\/\/[^/?#\s]/i.test(url);
}

/** The members of the variables' type, one per line at `indent`, each optional with its description or default. */
export function serverVariableMembers(server: IrServer, indent: string): Code[] {
  const pad = join([code``, code``], indent); // the indent as code (a plain string would be quoted)
  return server.variables.map((v) => {
    const type = v.enum?.length ? join(v.enum.map((e) => literal(e)), " | ") : code`string`;
    return code`${pad}${docComment([v.description ?? `Default ${JSON.stringify(v.default)}.`], { indent })}\n${pad}${propertyKeyCode(v.name)}?: ${type};`;
  });
}

/**
 * The expression of the URL: `"https://" + (variables.env ?? "prod") + ".example"`; `optional`: the
 * variables object itself may be undefined (`variables?.env`).
 */
export function serverUrlExpression(server: IrServer, variables: Code, optional: boolean): Code {
  const pieces = server.url.split(/(\{[^}]*\})/).filter((p) => p !== "").map((piece) => {
    const variable = /^\{([^}]*)\}$/.exec(piece)?.[1];
    const declared = variable !== undefined ? server.variables.find((v) => v.name === variable) : undefined;
    if (!declared) return literal(piece);
    return code`(${optional ? optionalMember(variables, declared.name) : member(variables, declared.name)} ?? ${declared.default})`;
  });
  return pieces.length > 0 ? join(pieces, " + ") : literal("");
}
