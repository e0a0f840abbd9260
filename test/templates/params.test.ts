/**
 * templates/runtime/params.ts: parameter serialization by style and explode. The first table is the
 * OpenAPI 3.1.1 specification's own "Style Examples" (§4.8.12.4), row by row, with `color` as the
 * name and as values "" (its "empty" column), "blue", ["blue","black","brown"] and { R: 100, G: 200, B: 150 }.
 */
import fc from "fast-check";
import {
  appendQuery,
  encodeParamText,
  fillPath,
  serializeCookieParam,
  serializeHeaderParam,
  serializePathParam,
  serializePrimitiveHeader,
  serializeQueryParam,
  serializeSimplePathParam,
  type ParamValue,
  type PathStyle,
  type QueryStyle,
} from "../../templates/runtime/params";

const EMPTY = "";
const STRING = "blue";
const ARRAY = ["blue", "black", "brown"];
const OBJECT = { R: 100, G: 200, B: 150 };
type Row = [style: string, explode: boolean, empty: string | null, string: string | null, array: string | null, object: string | null];

// null: "n/a" in the specification's table (behaviour undefined there; see the edge cases below).
const STYLE_EXAMPLES: Row[] = [
  ["matrix", false, ";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"],
  ["matrix", true, ";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"],
  ["label", false, ".", ".blue", ".blue,black,brown", ".R,100,G,200,B,150"],
  ["label", true, ".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"],
  ["simple", false, "", "blue", "blue,black,brown", "R,100,G,200,B,150"],
  ["simple", true, "", "blue", "blue,black,brown", "R=100,G=200,B=150"],
  ["form", false, "color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"],
  ["form", true, "color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"],
  ["spaceDelimited", false, null, null, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"],
  ["pipeDelimited", false, null, null, "color=blue%7Cblack%7Cbrown", "color=R%7C100%7CG%7C200%7CB%7C150"],
  ["deepObject", true, null, null, null, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"],
];

const serialize = (style: string, explode: boolean, value: ParamValue): string =>
  ["matrix", "label", "simple"].includes(style) ? serializePathParam("color", value, style as PathStyle, explode) : serializeQueryParam("color", value, style as QueryStyle, explode);

describe("the specification's style examples", () => {
  const cases = STYLE_EXAMPLES.flatMap(([style, explode, ...want]) =>
    ([EMPTY, STRING, ARRAY, OBJECT] as ParamValue[]).flatMap((value, i) => (want[i] === null ? [] : [[`${style} explode=${explode} ${JSON.stringify(value)}`, style, explode, value, want[i]!] as const])),
  );
  test.each(cases)("%s", (_name, style, explode, value, want) => {
    expect(serialize(style, explode, value)).toBe(want);
  });
  test("the header style is simple's: its rows hold for headers", () => {
    expect([serializeHeaderParam(STRING), serializeHeaderParam(ARRAY), serializeHeaderParam(OBJECT), serializeHeaderParam(OBJECT, true)]).toEqual(["blue", "blue,black,brown", "R,100,G,200,B,150", "R=100,G=200,B=150"]);
  });
  test("the cookie style is form's, exploded pairs joined as cookies", () => {
    expect([serializeCookieParam("color", STRING), serializeCookieParam("color", ARRAY, false), serializeCookieParam("color", ARRAY), serializeCookieParam("color", OBJECT)]).toEqual([
      "color=blue",
      "color=blue,black,brown",
      "color=blue; color=black; color=brown",
      "R=100; G=200; B=150",
    ]);
  });
});

describe("defaults", () => {
  test("path: simple, not exploded; query: form, exploded; header: not exploded; cookie: exploded", () => {
    expect(serializePathParam("id", ARRAY)).toBe("blue,black,brown");
    expect(serializeQueryParam("color", ARRAY)).toBe("color=blue&color=black&color=brown");
    expect(serializeQueryParam("color", ARRAY, "spaceDelimited")).toBe("color=blue%20black%20brown");
    expect(serializeHeaderParam(OBJECT)).toBe("R,100,G,200,B,150");
    expect(serializeCookieParam("color", OBJECT)).toBe("R=100; G=200; B=150");
  });
});

describe("undefined values (RFC 6570): left out", () => {
  test.each<[string, ParamValue]>([["undefined", undefined], ["null", null], ["an empty array", []], ["an empty object", {}], ["an object of undefined members", { a: undefined, b: null }]])("%s", (_name, value) => {
    expect(serializeQueryParam("color", value)).toBe("");
    expect(serializeCookieParam("color", value)).toBeUndefined();
    expect(serializeHeaderParam(value)).toBeUndefined();
    expect(serializePathParam("color", value, "matrix")).toBe("");
  });
  test("undefined members of an object are skipped, the others kept", () => {
    expect(serializeQueryParam("f", { a: 1, b: undefined, c: null, d: false }, "deepObject")).toBe("f%5Ba%5D=1&f%5Bd%5D=false");
  });
  test("primitives: numbers and booleans as JSON writes them, 0 and false are values", () => {
    expect([serializeQueryParam("n", 0), serializeQueryParam("b", false), serializeQueryParam("x", 1.5e-7), serializePathParam("t", true)]).toEqual(["n=0", "b=false", "x=1.5e-7", "true"]);
  });
});

describe("percent-encoding", () => {
  test.each<[string, string, string]>([
    ["space", "a b", "a%20b"],
    ["slash and question mark", "a/b?c", "a%2Fb%3Fc"],
    ["ampersand, equals, plus, hash", "a&b=c+d#e", "a%26b%3Dc%2Bd%23e"],
    ["RFC 3986 sub-delims encodeURIComponent keeps", "!'()*", "%21%27%28%29%2A"],
    ["unreserved kept", "AZaz09-._~", "AZaz09-._~"],
    ["percent", "100%", "100%25"],
    ["unicode (UTF-8)", "é☃", "%C3%A9%E2%98%83"],
    ["astral plane", "😀", "%F0%9F%98%80"],
    ["a lone surrogate becomes U+FFFD", "a\ud800b", "a%EF%BF%BDb"],
  ])("%s", (_name, text, want) => {
    expect(encodeParamText(text)).toBe(want);
    // Decoding gives the text back (the lone surrogate, which UTF-8 cannot carry, aside).
    expect(decodeURIComponent(want)).toBe(text.replace("\ud800", "\ufffd"));
  });

  test("allowReserved lets reserved characters and %XX through, but not what breaks a query", () => {
    expect(encodeParamText("a/b?c:d@e!f$g'(h)*i,j;k", true)).toBe("a/b?c:d@e!f$g'(h)*i,j;k");
    expect(encodeParamText("x%20y%zz", true)).toBe("x%20y%25zz");
    expect(encodeParamText("#[]&=+ ", true)).toBe("%23%5B%5D%26%3D%2B%20");
    expect(serializeQueryParam("path", "/a/b c", "form", true, true)).toBe("path=/a/b%20c");
    expect(serializeQueryParam("path", "/a/b c")).toBe("path=%2Fa%2Fb%20c");
  });

  test("names are encoded too, and delimiters inside values never read as delimiters", () => {
    expect(serializeQueryParam("a b", ["x,y", "z"], "form", false)).toBe("a%20b=x%2Cy,z");
    expect(serializeQueryParam("f", { "a]&b": "x=y#z" }, "deepObject")).toBe("f%5Ba%5D%26b%5D=x%3Dy%23z");
    expect(serializePathParam("p", ["a.b", "c;d"], "label", true)).toBe(".a.b.c%3Bd");
    expect(serializePathParam("p", "a/b")).toBe("a%2Fb");
    expect(serializeCookieParam("c", "a; b")).toBe("c=a%3B%20b");
  });

  test("headers: never percent-encoded (OpenAPI 3.1.2); non-ASCII as its UTF-8 bytes; a control character is an error", () => {
    expect(serializeHeaderParam("a b/c?d&e, 100% %41")).toBe("a b/c?d&e, 100% %41");
    expect(serializeHeaderParam(["é", "\uD800"])).toBe("\xC3\xA9,\xEF\xBF\xBD");
    expect(Buffer.from(serializeHeaderParam("é€😀")!, "latin1").toString("utf8")).toBe("é€😀");
    for (const bad of ["a\nb", "a\rb", "\0", "\x7F"]) expect(() => serializeHeaderParam(bad)).toThrow(TypeError);
    expect(serializeHeaderParam("tab\there")).toBe("tab\there");
  });

  test("what the query functions write, URL keeps as written", () => {
    const url = new URL("http://127.0.0.1/");
    for (const [style, explode] of [["form", true], ["form", false], ["spaceDelimited", false], ["pipeDelimited", false], ["deepObject", true]] as const) {
      for (const value of ["a b/c?d&e=f#g", ["x y", "é"], { "k k": "v#v", "[": "]" }] as ParamValue[]) {
        const search = serializeQueryParam("n n", value, style, explode);
        url.search = search;
        expect(url.search.slice(1)).toBe(search);
      }
    }
  });
});

describe("building the URL", () => {
  test("fillPath puts serialized values in the template; a missing one throws", () => {
    const id = serializePathParam("id", "a/b c");
    const ids = serializePathParam("ids", [1, 2], "matrix", true);
    expect(fillPath("/users/{id}/items{ids}", { id, ids })).toBe("/users/a%2Fb%20c/items;ids=1;ids=2");
    expect(() => fillPath("/users/{id}", {})).toThrow('path parameter "id" has no value');
  });
  test("appendQuery joins the non-empty parts after ? or &", () => {
    expect(appendQuery("/a", [serializeQueryParam("x", 1), serializeQueryParam("y", undefined), serializeQueryParam("z", [1, 2])])).toBe("/a?x=1&z=1&z=2");
    expect(appendQuery("/a?k=v", ["x=1"])).toBe("/a?k=v&x=1");
    expect(appendQuery("/a", ["", ""])).toBe("/a");
  });
});

describe("URLSearchParams as the oracle: the query it reads back is the one written (property test)", () => {
  const seed = process.env.CI ? 20261201 : Date.now() % 2 ** 31;
  // Well-formed strings only: a lone surrogate is replaced (U+FFFD), as tested above.
  const text = fc.string({ unit: "grapheme", maxLength: 12 });
  test(`form, exploded: every item comes back in order (seed ${seed})`, () => {
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 1, maxLength: 5 }), (name, items) => {
        expect(new URLSearchParams(serializeQueryParam(name, items)).getAll(name)).toEqual(items);
      }),
      { seed, numRuns: 500 },
    );
  });
  test(`deepObject: every member comes back as name[key] (seed ${seed})`, () => {
    fc.assert(
      fc.property(text, fc.dictionary(text, text, { minKeys: 1, maxKeys: 4 }), (name, object) => {
        const read = [...new URLSearchParams(serializeQueryParam(name, object, "deepObject"))];
        expect(read).toEqual(Object.entries(object).map(([key, value]) => [`${name}[${key}]`, value]));
      }),
      { seed, numRuns: 500 },
    );
  });
  test(`spaceDelimited/pipeDelimited, not exploded: one pair whose value splits back into the items, when items hold no delimiter (seed ${seed})`, () => {
    fc.assert(
      fc.property(fc.array(text.filter((t) => !/[ |]/.test(t) && t !== ""), { minLength: 1, maxLength: 5 }), (items) => {
        expect(new URLSearchParams(serializeQueryParam("k", items, "spaceDelimited", false)).get("k")!.split(" ")).toEqual(items);
        expect(new URLSearchParams(serializeQueryParam("k", items, "pipeDelimited", false)).get("k")!.split("|")).toEqual(items);
      }),
      { seed, numRuns: 500 },
    );
  });
});

test("tree-shakeable: a client with only path parameters bundles no query, header or cookie code", async () => {
  const { build } = await import("esbuild");
  const result = await build({
    stdin: { contents: 'import { serializePathParam } from "./params"; console.log(serializePathParam("id", 1));', resolveDir: `${__dirname}/../../templates/runtime`, loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    treeShaking: true,
  });
  const code = result.outputFiles[0]!.text;
  expect(code).toContain("function serializePathParam");
  for (const absent of ["serializeQueryParam", "serializeHeaderParam", "serializeCookieParam", "appendQuery", "fillPath", "%7C"]) expect(code).not.toContain(absent);
});

describe("the small serializers (a simple path parameter, a primitive header) write what the general ones do", () => {
  const SEED = 20261202;
  const values: unknown[] = ["", "blue", "a b/c?d%e", "é€😀", "\uD800x", "tab\there", 0, -1.5, true, false, null, undefined, ["x", "y z"], { R: 1, "G G": "é" }];
  test.each(values.map((v) => [JSON.stringify(v) ?? "undefined", v]))("%s", (_name, value) => {
    for (const explode of [false, true]) expect(serializeSimplePathParam(value, explode)).toBe(serializePathParam("p", value, "simple", explode));
    if (typeof value !== "object" || value === null) expect(serializePrimitiveHeader(value)).toBe(serializeHeaderParam(value));
  });
  test(`any string, number or boolean (property test, seed ${SEED})`, () => {
    const primitive = fc.oneof(fc.string({ unit: "binary", maxLength: 16 }), fc.double(), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(primitive, (value) => {
        expect(serializeSimplePathParam(value)).toBe(serializePathParam("p", value));
        const header = (serialize: (v: unknown) => string | undefined) => {
          try {
            return serialize(value);
          } catch (error) {
            return error instanceof TypeError ? `TypeError: ${error.message}` : error;
          }
        };
        expect(header(serializePrimitiveHeader)).toBe(header(serializeHeaderParam));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
  test("tree-shakeable: neither bundles the code it does without", async () => {
    const { build } = await import("esbuild");
    const bundle = async (entry: string): Promise<string> =>
      (await build({ stdin: { contents: entry, resolveDir: `${__dirname}/../../templates/runtime`, loader: "ts" }, bundle: true, write: false, format: "esm", treeShaking: true })).outputFiles[0]!.text;
    const path = await bundle('import { serializeSimplePathParam } from "./params"; console.log(serializeSimplePathParam(1));');
    for (const absent of ["matrix", "label", "serializePathParam", "serializeHeaderParam"]) expect(path).not.toContain(absent);
    const header = await bundle('import { serializePrimitiveHeader } from "./params"; console.log(serializePrimitiveHeader(1));');
    for (const absent of ["encodeParamText", "shapeOf", "UNRESERVED"]) expect(header).not.toContain(absent);
  });
});
