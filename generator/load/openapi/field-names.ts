/**
 * Whether a name can be an HTTP header's (a field name is a token, RFC 9110 §5.1 and §5.6.2). A
 * document may name a header parameter or an API key's header with anything (the OpenAPI schema
 * takes any string), but fetch refuses such a header outright: rapidapi.com/dynamicdocs names its
 * keys' headers "ADVICEment API Key" and "RapidAPI.com API Key", and every call with a key failed
 * as "network" before a byte was sent; notion.com has a header parameter named "".
 */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}
