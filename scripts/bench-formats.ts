/**
 * Benchmark (`npm run bench -- formats`): each `format` check of templates/runtime/formats.ts (as
 * the build compiled it) against ajv-formats' check for the same format, side by side in one
 * process, on a small corpus per format (valid and invalid strings as an API sees them).
 * ops/s = corpus runs per second; a row without an ajv-formats column is a format it lacks.
 * Last, uri-template's scan against the one regular expression it replaced (issue 11), side by side.
 */
import * as path from "node:path";
import { sideBySide } from "./lib/side-by-side";

const repoRoot = path.resolve(__dirname, "..", "..");

/* eslint-disable @typescript-eslint/no-require-imports */
const { fullFormats } = require("ajv-formats/dist/formats");
const builds = require(path.join(repoRoot, "dist", "generator", "print", "template-builds.json"));

type Check = (s: string) => boolean;

/** The runtime module as the generated package ships it (CommonJS build of the template). */
function runtimeFormats(): Record<string, Check> {
  const module = { exports: {} as Record<string, Check> };
  new Function("exports", "require", "module", builds["runtime/formats.ts"].cjs)(module.exports, require, module);
  return module.exports;
}

const CORPUS: [format: string, fn: string, strings: string[]][] = [
  ["date-time", "isDateTime", ["2024-02-29T23:59:59.123Z", "1963-06-19T08:30:06+01:00", "2024-02-30T00:00:00Z", "2024-02-29 12:00:00Z", "not a date"]],
  ["email", "isEmail", ["joe.bloggs@example.com", "first.last+tag@sub.example.co.uk", "joe..bloggs@example.com", "no-at-sign", "a@b"]],
  ["uuid", "isUuid", ["2eb8aa08-aa98-11ea-b4aa-73b441d16380", "2EB8AA08-AA98-11EA-B4AA-73B441D16380", "2eb8aa08-aa98-11ea-b4aa-73b441d1638", "not-a-uuid"]],
  ["date", "isDate", ["2024-02-29", "2023-02-29", "2024-13-01"]],
  ["time", "isTime", ["08:30:06.283185Z", "23:59:60Z", "08:30:06"]],
  ["hostname", "isHostname", ["www.example.com", "api.koala.io", "a--b.example", "-bad.example", "a_b.example"]],
  ["hostname", "isHostname", ["xn--bcher-kva.example", "xn--9n2bp8q.xn--9t4b11yi5a", "xn--X.example"]],
  ["ipv4", "isIpv4", ["192.168.0.1", "10.0.0.255", "256.1.1.1", "1.2.3"]],
  ["ipv6", "isIpv6", ["2001:db8::1", "::ffff:192.168.0.1", "fe80::1:2:3:4", "1::2::3"]],
  ["uri", "isUri", ["https://example.com/a/b?c=d#e", "urn:isbn:0451450523", "http://[::1]:8080/", "//no-scheme", "http://bad host/"]],
  ["uri-reference", "isUriReference", ["/a/b?c", "../x", "#frag", "https://example.com/", "a b"]],
  ["uri-template", "isUriTemplate", ["https://example.com/{user}/repos{?page,per_page}", "{+path}/x", "{a,,b}"]],
  ["duration", "isDuration", ["P1Y2M3DT4H5M6S", "PT30M", "P1Y2D"]],
  ["idn-hostname", "isIdnHostname", ["bücher.example", "例え.テスト", "www.example.com", "a\u200db.example"]],
  ["idn-email", "isIdnEmail", ["用户@例子.广告", "joe.bloggs@example.com", "user＠example.com"]],
  ["iri", "isIri", ["http://例子.测试/路径?查询#片段", "https://example.com/a", "/relative"]],
];

/** Shorter rounds than the guards bench: each format corpus is a few microseconds. */
const FORMAT_ROUNDS = { warmup: 5_000, rounds: 7, roundMs: 100, batch: 200 };

/**
 * The uri-template check before the scan (commit fcec0db), kept here only as the speed baseline: one
 * regular expression, which refused the apostrophe, non-ASCII literals and dotted variable names.
 */
const OLD_URI_TEMPLATE = /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i;

/** Templates as API descriptions hold them, and two invalid ones: the old and new checks agree on each. */
const TEMPLATES = [
  "https://api.example.com/users/{user_id}/repos{?page,per_page}",
  "{+base}/search{?q,sort,order}",
  "http://example.com/dictionary/{term:1}/{term}",
  "/orders/{order_id}/items/{item_id}{#section}",
  "{/path*}{;params*}{?list*}",
  "https://example.com/static/assets/app.css",
  "{a,,b}",
  "https://example.com/{unclosed",
];

/** `uri-template, 2,000,000 checks: old regex … ms, new scanner … ms, new/old speed …x`: alternate rounds, medians. */
function uriTemplateAgainstOldRegex(check: Check): void {
  for (const t of TEMPLATES) if (check(t) !== OLD_URI_TEMPLATE.test(t)) throw new Error(`uri-template: the old regex and the scan disagree on ${JSON.stringify(t)}`);
  let sink = 0; // what the checks said, so no call can be optimized away
  const runNew = () => {
    for (const t of TEMPLATES) if (check(t)) sink++;
  };
  const runOld = () => {
    for (const t of TEMPLATES) if (OLD_URI_TEMPLATE.test(t)) sink++;
  };
  const rounds = 15;
  const [newOps, oldOps] = sideBySide(runNew, runOld, { ...FORMAT_ROUNDS, rounds });
  const checks = 2_000_000;
  const ms = (ops: number) => Math.round((checks / TEMPLATES.length / ops) * 1000);
  console.log(`uri-template, ${checks.toLocaleString("en-US")} checks: old regex ${ms(oldOps)} ms, new scanner ${ms(newOps)} ms, new/old speed ${(newOps / oldOps).toFixed(2)}x (medians of ${rounds} alternate rounds, ${TEMPLATES.length} templates)`);
}

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US").padStart(12);

function main(): void {
  const ours = runtimeFormats();
  console.log(`format checks vs ajv-formats (node ${process.version}): corpus runs per second, same strings for both`);
  for (const [format, fn, strings] of CORPUS) {
    const check = ours[fn];
    if (!check) {
      console.log(`${format.padEnd(14)} (no ${fn} in this build)`);
      continue;
    }
    const def = fullFormats[format] as unknown;
    const theirs: Check | undefined = def instanceof RegExp ? (s) => def.test(s) : typeof def === "function" ? (def as Check) : (def as { validate?: Check } | undefined)?.validate;
    let sink = 0; // what the checks said, so no call can be optimized away
    const runOurs = () => {
      for (const s of strings) if (check(s)) sink++;
    };
    if (!theirs) {
      const [ops] = sideBySide(runOurs, runOurs, FORMAT_ROUNDS);
      console.log(`${format.padEnd(14)} ${fmt(ops)} ops/s   (ajv-formats has no ${format})`);
      continue;
    }
    const runTheirs = () => {
      for (const s of strings) if (theirs(s)) sink++;
    };
    const [a, b] = sideBySide(runOurs, runTheirs, FORMAT_ROUNDS);
    console.log(`${format.padEnd(14)} ${fmt(a)} ops/s   ajv-formats ${fmt(b)} ops/s   ratio ${(a / b).toFixed(1)}x`);
  }
  uriTemplateAgainstOldRegex(ours.isUriTemplate!);
}

main();
