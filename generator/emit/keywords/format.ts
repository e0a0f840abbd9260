/**
 * format: asserted by default with the character-level checks of templates/runtime/formats.ts;
 * `formats: "annotate"` turns it into documentation. Unknown formats are annotations (the spec's rule).
 */
import { code } from "../code";
import type { KeywordCheck } from "../guards/check";
import type { KeywordDefinition } from "./keyword";

/** Format name → the runtime function that checks it. */
export const FORMAT_CHECKS: Readonly<Record<string, string>> = {
  date: "isDate",
  time: "isTime",
  "date-time": "isDateTime",
  duration: "isDuration",
  uuid: "isUuid",
  email: "isEmail",
  hostname: "isHostname",
  "idn-hostname": "isIdnHostname",
  "idn-email": "isIdnEmail",
  ipv4: "isIpv4",
  ipv6: "isIpv6",
  uri: "isUri",
  "uri-reference": "isUriReference",
  iri: "isIri",
  "iri-reference": "isIriReference",
  "json-pointer": "isJsonPointer",
  "relative-json-pointer": "isRelativeJsonPointer",
  "uri-template": "isUriTemplate",
  regex: "isRegex",
};

const check: KeywordCheck = {
  keywords: ["format"],
  applies: "string",
  emit(s, node) {
    const name = node.format!;
    if (s.module.options.formats === "annotate" || !Object.prototype.hasOwnProperty.call(FORMAT_CHECKS, name)) return;
    const fn = s.module.runtime("formats", FORMAT_CHECKS[name]!);
    s.failIf(code`!${fn}(${s.value})`, "format", `must match format "${name}"`);
  },
};

export const formatKeyword: KeywordDefinition = {
  keywords: ["format"],
  read(r) {
    if (r.has("format")) r.node.format = r.string("format");
  },
  guard: check,
  diff: (c) => c.constraint("format"),
  jsdoc: ["format"],
};
