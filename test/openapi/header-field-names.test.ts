/**
 * Headers HTTP cannot carry (field names are tokens, RFC 9110 §5.1): an API key's header and header
 * parameters named with a space or nothing. fetch throws on such a header before sending, so every
 * call that carried one failed as "network" (rapidapi.com/dynamicdocs, corpus sweep seed 44). The
 * reader leaves them out, each with one warning naming where; the e2e run of the same fixture
 * (openapi-mock-client.test.ts) calls the operation through the client and the mock.
 */
import * as path from "node:path";
import { isHeaderName } from "../../generator/load/openapi/field-names";
import { readOpenApi } from "../../generator/load/openapi/read-openapi";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "header-field-names.json");

test("header parameters and response headers named with what HTTP cannot carry are left out, with one warning listing them", async () => {
  const input = readOpenApi(await parseDocument(FIXTURE), { file: "header-field-names.json" })!;
  const [compile] = input.operations;
  expect(compile!.parameters.map((p) => `${p.in} ${p.name}`)).toEqual(["path token", "header X-Request-Tag"]);
  expect(compile!.responses[0]!.headers.map((h) => h.name)).toEqual(["X-Rate-Limit"]);
  expect(input.warnings).toContain(
    'header-field-names.json: 3 headers have names that HTTP cannot carry (not a token, RFC 9110): left out (POST /templates/{token}/compile header "", POST /templates/{token}/compile header "Latex Runs", POST /templates/{token}/compile 200 response header "Rate Limit")',
  );
});

test("an API key whose header name is not a token is a scheme the client does not apply; a plain one is kept", async () => {
  const input = readOpenApi(await parseDocument(FIXTURE), { file: "header-field-names.json" })!;
  expect(input.securitySchemes).toEqual([
    { name: "SpacedKey", kind: "unsupported", type: 'apiKey in header "ADVICEment API Key"' },
    { name: "PlainKey", kind: "apiKey", in: "header", parameterName: "X-Plain-Key" },
  ]);
  expect(input.warnings).toContain(
    'header-field-names.json#/components/securitySchemes/SpacedKey/name: the API key\'s header name "ADVICEment API Key" is not an HTTP field name (a token, RFC 9110): security scheme SpacedKey is not applied',
  );
});

test("isHeaderName accepts exactly the tokens of RFC 9110", () => {
  // Every one of the 128 ASCII characters alone: the tchar set and nothing else.
  const tchar = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  for (let code = 0; code < 128; code++) {
    const char = String.fromCharCode(code);
    expect([char, isHeaderName(char)]).toEqual([char, tchar.includes(char)]);
  }
  expect(["X-Api-Key", "ADVICEment API Key", "", "Key\u00e9", "X-Key "].map(isHeaderName)).toEqual([true, false, false, false, false]);
});
