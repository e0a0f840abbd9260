/**
 * Benchmark (`npm run bench -- formats`): each `format` check of templates/runtime/formats.ts (as
 * the build compiled it) against the same format's check in ajv-formats, @exodus/schemasafe and
 * TypeBox 1.x (`typebox/format`), side by side in one process, on a small corpus per format (valid
 * and invalid strings as an API sees them, parsed from JSON text as a server's are). ops/s = corpus runs per second of this process's CPU time.
 *
 * Each format runs in two fresh processes: "fresh" measures right after loading; "varied" first
 * feeds every side a spread of other strings (every corpus, non-ASCII, long, empty), so a check's
 * type feedback is no longer that of one corpus, as in a server. Each side calls its check from a
 * loop of its own (one monomorphic call site, as in a compiled guard). The sides run in rotating
 * order, rounds of ROUND_MS of CPU time, and the median round of each is printed with ours /
 * fastest peer (named).
 * A peer that lacks the format is "—". Then, for the formats still under the goal, two floors in
 * ours' place: "reads only" (a loop that reads each character, the ceiling of any scan) and "call
 * only" (a regular expression that reads nothing, the ceiling of any expression). Last, uri-template's scan against the one regular
 * expression it replaced (issue 11), side by side.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { sideBySide } from "./lib/side-by-side";

const repoRoot = path.resolve(__dirname, "..", "..");

/* eslint-disable @typescript-eslint/no-require-imports */
type Check = (s: string) => boolean;

/** The runtime module as the generated package ships it (CommonJS build of the template). */
function runtimeFormats(): Record<string, Check> {
  const builds = require(path.join(repoRoot, "dist", "generator", "print", "template-builds.json"));
  const module = { exports: {} as Record<string, Check> };
  new Function("exports", "require", "module", builds["runtime/formats.ts"].cjs)(module.exports, require, module);
  return module.exports;
}

/** Where ours checks more than every peer on purpose: printed, and left out of the worst ratio. */
const BY_DESIGN = "by design: IDNA2008 (RFC 5891-5893) rules the peers do not check";

const CORPUS: [format: string, fn: string, strings: string[], note?: string][] = [
  ["date-time", "isDateTime", ["2024-02-29T23:59:59.123Z", "1963-06-19T08:30:06+01:00", "2024-02-30T00:00:00Z", "2024-02-29 12:00:00Z", "not a date"]],
  // five of the Koala payload's timestamps (scripts/lib/koala-payloads.ts, at(0), at(7) ... at(27)): all valid, in toISOString's form, what the Koala shape's date-time cost is made of
  ["date-time", "isDateTime", ["2024-03-01T00:00:00.100Z", "2024-03-08T07:49:31.107Z", "2024-03-15T14:38:02.114Z", "2024-03-22T21:27:33.121Z", "2024-03-28T03:09:51.127Z"]],
  ["email", "isEmail", ["joe.bloggs@example.com", "first.last+tag@sub.example.co.uk", "joe..bloggs@example.com", "no-at-sign", "a@b"]],
  ["uuid", "isUuid", ["2eb8aa08-aa98-11ea-b4aa-73b441d16380", "2EB8AA08-AA98-11EA-B4AA-73B441D16380", "2eb8aa08-aa98-11ea-b4aa-73b441d1638", "not-a-uuid"]],
  ["date", "isDate", ["2024-02-29", "2023-02-29", "2024-13-01"]],
  ["time", "isTime", ["08:30:06.283185Z", "23:59:60Z", "08:30:06"]],
  ["hostname", "isHostname", ["www.example.com", "api.koala.io", "a--b.example", "-bad.example", "a_b.example"]],
  ["hostname", "isHostname", ["xn--bcher-kva.example", "xn--9n2bp8q.xn--9t4b11yi5a", "xn--X.example"], BY_DESIGN],
  ["ipv4", "isIpv4", ["192.168.0.1", "10.0.0.255", "256.1.1.1", "1.2.3"]],
  // the addresses of bench-guards-shapes' ipv4 shape: all valid, most of them long. A scan beat the
  // expression on the line above (two strings it refuses within three characters) and lost on these,
  // alone as inside the guard: this line shows such a win for what it is
  ["ipv4", "isIpv4", ["192.168.0.1", "8.8.8.8", "255.255.255.255"]],
  ["ipv6", "isIpv6", ["2001:db8::1", "::ffff:192.168.0.1", "fe80::1:2:3:4", "1::2::3"]],
  ["uri", "isUri", ["https://example.com/a/b?c=d#e", "urn:isbn:0451450523", "http://[::1]:8080/", "//no-scheme", "http://bad host/"]],
  ["uri-reference", "isUriReference", ["/a/b?c", "../x", "#frag", "https://example.com/", "a b"]],
  ["uri-template", "isUriTemplate", ["https://example.com/{user}/repos{?page,per_page}", "{+path}/x", "{a,,b}"]],
  ["duration", "isDuration", ["P1Y2M3DT4H5M6S", "PT30M", "P1Y2D"]],
  ["idn-hostname", "isIdnHostname", ["bücher.example", "例え.テスト", "www.example.com", "a\u200db.example"]],
  ["idn-email", "isIdnEmail", ["用户@例子.广告", "joe.bloggs@example.com", "user＠example.com"], BY_DESIGN],
  ["iri", "isIri", ["http://例子.测试/路径?查询#片段", "https://example.com/a", "/relative"]],
];

/** What "varied" feeds every side first: every corpus, and strings no corpus holds. */
const VARIED = [
  ...CORPUS.flatMap(([, , strings]) => strings),
  "",
  "x",
  "é",
  "\u{1f600}",
  "2024-02-29T23:59:59.123456789+05:30",
  "a".repeat(300),
  "a".repeat(70) + "@" + "b".repeat(70) + ".example",
  "https://example.com/" + "segment/".repeat(40),
  "::",
  "255.255.255.255",
  "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
  "00000000-0000-0000-0000-000000000000",
  "Jane.Doe@Example.COM",
  "P1W",
];

interface Peers {
  /** A peer's check for a format, or undefined if it has none. */
  check(peer: string, format: string): Check | undefined;
  /** The regular expression that is a peer's whole check for a format, if it is one. */
  regex(peer: string, format: string): RegExp | undefined;
}

/** The peers' checks by format name: ajv-formats' `fullFormats`, schemasafe's `core`, TypeBox's IsX. */
async function loadPeers(): Promise<Peers> {
  const { fullFormats } = require("ajv-formats/dist/formats");
  const { core } = require("@exodus/schemasafe/src/formats");
  // typebox is ESM only; a real import() (tsc would turn a plain one into require()).
  const importEsm = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<Record<string, unknown>>;
  const typebox = await importEsm("typebox/format");
  const typeboxName = (format: string) => "Is" + format.replace(/(^|-)([a-z])/g, (_, _dash, ch: string) => ch.toUpperCase()).replace(/^Ipv/, "IPv");
  const raw = (peer: string, format: string): unknown => (peer === "ajv" ? fullFormats[format] : peer === "schemasafe" ? core[format] : peer === "typebox" ? typebox[typeboxName(format)] : undefined);
  return {
    check(peer, format) {
      const def = raw(peer, format);
      return def instanceof RegExp ? (s) => def.test(s) : typeof def === "function" ? (def as Check) : (def as { validate?: Check } | undefined)?.validate;
    },
    regex(peer, format) {
      const def = raw(peer, format);
      return def instanceof RegExp ? def : undefined;
    },
  };
}

/** Strings as JSON.parse gives them to a guard. */
const fromJson = (strings: string[]): string[] => JSON.parse(JSON.stringify(strings));

const ROUNDS = 9;
const ROUND_MS = 30;

/** This process's CPU time in microseconds (user + system). */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * ops per CPU second of each function: rounds in rotating order, the median round of each. A round
 * lasts ROUND_MS of this process's CPU time, not of the wall clock: on a machine shared with other
 * work, wall-clock rounds measure the scheduler as much as the checks.
 */
function measure(fns: (() => void)[]): number[] {
  const samples = fns.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < fns.length; k++) {
      const index = (k + round) % fns.length;
      const fn = fns[index]!;
      let ops = 0;
      const start = cpuMicros();
      const end = start + ROUND_MS * 1000;
      let now = start;
      while (now < end) {
        for (let i = 0; i < 200; i++) fn();
        ops += 200;
        now = cpuMicros();
      }
      samples[index]!.push(ops / ((now - start) / 1e6));
    }
  }
  return samples.map((xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
}

const SIDES = ["ours", "ajv", "schemasafe", "typebox"];
/** The label column fits the longest line name, "uri-template (reads only)". */
const LABEL_WIDTH = 26;

/**
 * What no character scan can beat: a loop that reads each character once with charCodeAt and
 * checks nothing. Measured in place of ours ("reads only" lines) on the corpora where the goal
 * (1.5x the fastest peer) is missed: while this loop itself stays under 1.5x, so will any scan, and
 * the check stays a regular expression. In V8 11 each charCodeAt in a loop dispatches on the string's
 * representation and checks its bounds (about 1 ns a character), Irregexp reads a class loop's
 * character for about a third of that after a call of about 10 ns: on 7-15 character dotted quads
 * and 20-40 character addresses the call is not long enough to amortize.
 */
function readsOnly(s: string): boolean {
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += s.charCodeAt(i);
  return sum > 0;
}

/**
 * What no regular expression can beat: one that reads nothing (`/^/` matches at the start of any
 * string), called as every side calls its own, `re.test(s)`. Its line is the fixed cost of the
 * call (about 11-13 ns here: the builtin's checks, entering Irregexp's code, the last-match info),
 * which ajv, TypeBox and schemasafe pay once a string as well: while it stays under 1.5x the
 * fastest peer, so will any expression, whatever its shape.
 */
const CALL_FLOOR = /^/;
function callOnly(s: string): boolean {
  return CALL_FLOOR.test(s);
}

/** The corpora (CORPUS indices) that get the "reads only" and "call only" lines: email, ipv4, ipv4's valid addresses, uri-template. */
const READS_ONLY = [2, 8, 9, 13];

/** One format in this process: prints { ops: { side: ops/s } } as JSON. */
async function child(index: number, mode: string): Promise<void> {
  const [format, fn, literals] = CORPUS[index]!;
  // As a server sees them: parsed from JSON text (sequential, not internalized strings), not the
  // internalized literals of this file's source. Irregexp and charCodeAt read both alike today;
  // measuring what production sees keeps it so.
  const strings = fromJson(literals);
  const peers = await loadPeers();
  const ours = mode === "reads-only" ? readsOnly : mode === "call-only" ? callOnly : runtimeFormats()[fn];
  const checks: Record<string, Check | undefined> = { ours, ...Object.fromEntries(SIDES.slice(1).map((peer) => [peer, peers.check(peer, format)])) };
  const sides = SIDES.filter((side) => checks[side]);
  let sink = 0; // what the checks said, so no call can be optimized away
  const varied = fromJson(VARIED);
  if (mode === "varied") for (let i = 0; i < 20_000; i++) for (const side of sides) if (checks[side]!(varied[i % varied.length]!)) sink++;
  // Each side gets a loop of its own (its own source, so its own feedback): one call site that sees
  // one check, as in a compiled guard, where it can be inlined; a shared loop would be megamorphic.
  // A regular expression is called as its validator calls it, `re.test(s)`.
  const regexOf: Record<string, RegExp | undefined> = Object.fromEntries(SIDES.map((side) => [side, peers.regex(side, format)]));
  const runs = sides.map((side) => {
    const re = regexOf[side];
    const call = re ? "re.test" : "check";
    const source = `/* ${side} */ let sink = 0; return () => { for (let i = 0; i < strings.length; i++) if (${call}(strings[i])) sink++; return sink; };`;
    return new Function("check", "re", "strings", source)(checks[side], re, strings) as () => number;
  });
  for (let i = 0; i < 5_000; i++) for (const run of runs) run();
  const ops = measure(runs);
  process.stdout.write(JSON.stringify({ ops: Object.fromEntries(sides.map((side, i) => [side, ops[i]])), sink }) + "\n");
}

/**
 * The uri-template check before the scan (commit fcec0db), kept here only as the speed baseline: one
 * regular expression, which refused the apostrophe, non-ASCII literals and dotted variable names.
 */
const OLD_URI_TEMPLATE = /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i;

/** Templates as API descriptions hold them, and two invalid ones: the old and new checks agree on each. */
const TEMPLATE_LITERALS = [
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
  const TEMPLATES = fromJson(TEMPLATE_LITERALS);
  for (const t of TEMPLATES) if (check(t) !== OLD_URI_TEMPLATE.test(t)) throw new Error(`uri-template: the old regex and the scan disagree on ${JSON.stringify(t)}`);
  let sink = 0; // what the checks said, so no call can be optimized away
  const runNew = () => {
    for (const t of TEMPLATES) if (check(t)) sink++;
  };
  const runOld = () => {
    for (const t of TEMPLATES) if (OLD_URI_TEMPLATE.test(t)) sink++;
  };
  const rounds = 15;
  const [newOps, oldOps] = sideBySide(runNew, runOld, { warmup: 5_000, rounds, roundMs: 100, batch: 200 });
  const checks = 2_000_000;
  const ms = (ops: number) => Math.round((checks / TEMPLATES.length / ops) * 1000);
  console.log(`uri-template, ${checks.toLocaleString("en-US")} checks: old regex ${ms(oldOps)} ms, new scanner ${ms(newOps)} ms, new/old speed ${(newOps / oldOps).toFixed(2)}x (medians of ${rounds} alternate rounds, ${TEMPLATES.length} templates)`);
  if (sink < 0) console.log(sink);
}

const fmt = (ops: number | undefined): string => (ops === undefined ? "—" : Math.round(ops).toLocaleString("en-US")).padStart(11);

function main(): void {
  const version = (name: string) => require(path.join(repoRoot, "node_modules", name, "package.json")).version;
  console.log(
    `format checks vs their peers (node ${process.version}; ajv-formats ${version("ajv-formats")}, @exodus/schemasafe ${version("@exodus/schemasafe")}, typebox ${version("typebox")}): corpus runs per CPU second, median of ${ROUNDS} rotating rounds of ${ROUND_MS} ms of CPU, same strings for every side`,
  );
  console.log(`${"format (mode)".padEnd(LABEL_WIDTH)} ${SIDES.map((s) => s.padStart(11)).join(" ")}   ours/fastest peer`);
  const worst: Record<string, [string, number]> = {};
  CORPUS.forEach(([format, , strings, note], index) => {
    const label = index > 0 && CORPUS[index - 1]![0] === format ? `${format}${strings[0]!.startsWith("xn--") ? " idna" : strings[0]!.startsWith("2024-03-01T") ? " koala" : format === "ipv4" ? " valid" : " 2"}` : format;
    for (const mode of ["fresh", "varied"]) {
      const run = spawnSync(process.execPath, [__filename, "--child", String(index), mode], { cwd: repoRoot, encoding: "utf8" });
      if (run.status !== 0) {
        console.log(`${label} (${mode}): FAILED ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`);
        process.exitCode = 1;
        continue;
      }
      const { ops } = JSON.parse(run.stdout.trim().split("\n").pop()!) as { ops: Record<string, number> };
      const peers = Object.entries(ops).filter(([side]) => side !== "ours");
      const cells = SIDES.map((side) => fmt(ops[side])).join(" ");
      if (peers.length === 0) {
        console.log(`${`${label} (${mode})`.padEnd(LABEL_WIDTH)} ${cells}   (no peer has ${format})`);
        continue;
      }
      const [fastestName, fastest] = peers.reduce((a, b) => (b[1] > a[1] ? b : a));
      const ratio = ops.ours! / fastest;
      console.log(`${`${label} (${mode})`.padEnd(LABEL_WIDTH)} ${cells}   ${ratio.toFixed(2)}x ${fastestName}${note ? ` (${note})` : ""}`);
      if (!note && (!worst[mode] || ratio < worst[mode]![1])) worst[mode] = [label, ratio];
    }
  });
  for (const [mode, [label, ratio]] of Object.entries(worst)) console.log(`worst ours/fastest peer (${mode}, by-design lines aside): ${ratio.toFixed(2)}x on ${label} (goal >= 1.5x)`);
  const FLOORS: [mode: string, label: string, note: (count: number) => string][] = [
    ["reads-only", "reads only", (count) => `no check: the ceiling of any scan of ${count} such strings`],
    ["call-only", "call only", (count) => `/^/ reads nothing: the ceiling of any regular expression on ${count} such strings`],
  ];
  for (const [mode, name, note] of FLOORS)
    for (const index of READS_ONLY) {
      const [format, , strings] = CORPUS[index]!;
      const label = `${format}${index > 0 && CORPUS[index - 1]![0] === format ? " valid" : ""} (${name})`;
      const run = spawnSync(process.execPath, [__filename, "--child", String(index), mode], { cwd: repoRoot, encoding: "utf8" });
      if (run.status !== 0) {
        console.log(`${label}: FAILED ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`);
        process.exitCode = 1;
        continue;
      }
      const { ops } = JSON.parse(run.stdout.trim().split("\n").pop()!) as { ops: Record<string, number> };
      const [fastestName, fastest] = Object.entries(ops).filter(([side]) => side !== "ours").reduce((a, b) => (b[1] > a[1] ? b : a));
      console.log(`${label.padEnd(LABEL_WIDTH)} ${SIDES.map((side) => fmt(ops[side])).join(" ")}   ${(ops.ours! / fastest).toFixed(2)}x ${fastestName} (${note(strings.length)})`);
    }
  uriTemplateAgainstOldRegex(runtimeFormats().isUriTemplate!);
}

if (process.argv[2] === "--child") {
  child(Number(process.argv[3]), process.argv[4]!).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main();
}
