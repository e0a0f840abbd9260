/**
 * The format keyword in generated guards: every format the runtime knows is asserted by default
 * (isX and validateX), and `formats: "annotate"` turns every one of them off.
 */
import { FORMAT_CHECKS } from "../../../generator/emit/keywords/format";
import { guardsFor } from "../../helpers/guards";

/** One valid and one invalid string per format. */
const SAMPLES: Record<string, [valid: string, invalid: string]> = {
  date: ["2024-02-29", "2023-02-29"],
  time: ["08:30:06Z", "08:30:06"],
  "date-time": ["1963-06-19T08:30:06Z", "1963-06-19T08:30:06+01"],
  duration: ["P1Y2M", "P1Y2D"],
  uuid: ["2eb8aa08-aa98-11ea-b4aa-73b441d16380", "urn:uuid:2eb8aa08-aa98-11ea-b4aa-73b441d16380"],
  email: ['"joe bloggs"@example.com', "joe..bloggs@example.com"],
  "idn-email": ["用户@例子.广告", "user＠example.com"],
  hostname: ["xn--bcher-kva.example", "xn--X"],
  "idn-hostname": ["bücher.example", "a\u200db.example"],
  ipv4: ["192.168.0.1", "192.168.0.01"],
  ipv6: ["::ffff:1.2.3.4", "::ffff:1.2.3.04"],
  uri: ["https://example.com/a", "//example.com/a"],
  "uri-reference": ["./a:b", "1:b"],
  iri: ["http://例子.测试/", "/例子"],
  "iri-reference": ["/例子", "\\例子"],
  "json-pointer": ["/a~1b", "a"],
  "relative-json-pointer": ["0/a", "/a"],
  "uri-template": ["{a.b}", "{a..b}"],
  regex: ["^a+$", "\\a"],
};

const schema = { type: "object", properties: Object.fromEntries(Object.keys(FORMAT_CHECKS).map((name) => [name, { type: "string", format: name }])) };

test("every runtime format has samples here", () => {
  expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(FORMAT_CHECKS).sort());
});

test("asserted by default: each format accepts its valid sample and refuses its invalid one", async () => {
  const guards = await guardsFor(schema, { name: "Formats" });
  for (const [name, [valid, invalid]] of Object.entries(SAMPLES)) {
    expect([name, guards.isFormats!({ [name]: valid })]).toEqual([name, true]);
    expect([name, guards.isFormats!({ [name]: invalid })]).toEqual([name, false]);
    expect(guards.validateFormats!({ [name]: invalid })).toMatchObject({ ok: false, errors: [{ keyword: "format" }] });
  }
});

test("formats: 'annotate' turns every format off", async () => {
  const guards = await guardsFor(schema, { name: "Formats", formats: "annotate" });
  for (const [name, [, invalid]] of Object.entries(SAMPLES)) expect([name, guards.isFormats!({ [name]: invalid })]).toEqual([name, true]);
});
