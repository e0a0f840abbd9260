/**
 * `npm run conformance`: runs the JSON-Schema-Test-Suite (draft 2020-12 keyword files and
 * optional/format, the latter also through ajv), writes docs/conformance.md and the README's
 * summary table. The suite is the copy vendored under test/vendor/json-schema-test-suite.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { conformanceReport, conformanceTable } from "./report";
import { runSuite, suiteDir as vendoredSuite, summarize, type SuiteDialect } from "./run-suite";

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, "..", "..", "..");
  const suiteDir = vendoredSuite(repoRoot);
  const dialect: SuiteDialect = process.argv.includes("--draft7") ? "draft7" : "draft2020-12";
  const started = Date.now();
  const results = await runSuite({ suiteDir, dialect, extra: ["optional/format"], compareWithAjv: (f) => f.startsWith("optional/format/") });
  const summaries = summarize(results);
  const keywords = summaries.filter((s) => !s.file.startsWith("optional/"));
  const formats = summaries.filter((s) => s.file.startsWith("optional/format/"));
  const report = conformanceReport(dialect, keywords, formats);
  mkdirSync(path.join(repoRoot, "docs"), { recursive: true });
  const out = path.join(repoRoot, "docs", dialect === "draft7" ? "conformance-draft7.md" : "conformance.md");
  writeFileSync(out, report);
  updateReadme(repoRoot, keywords, formats, dialect);
  const total = (list: typeof summaries, key: "cases" | "passed" | "unsupported" | "ajvPassed") => list.reduce((n, s) => n + (s[key] ?? 0), 0);
  console.log(`conformance ${dialect}: keyword files ${total(keywords, "passed")}/${total(keywords, "cases")} passed, ${total(keywords, "unsupported")} refused (unsupported); optional/format ${total(formats, "passed")}/${total(formats, "cases")} (ajv + ajv-formats: ${total(formats, "ajvPassed")}) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(repoRoot, out)}`);
}

/** Rewrites the README between the conformance markers, if they are there. */
function updateReadme(repoRoot: string, keywords: Parameters<typeof conformanceTable>[0], formats: Parameters<typeof conformanceTable>[0], dialect: SuiteDialect): void {
  const readme = path.join(repoRoot, "README.md");
  let text: string;
  try {
    text = readFileSync(readme, "utf8");
  } catch {
    return;
  }
  const marker = dialect === "draft7" ? "conformance-draft7" : "conformance";
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return;
  const sum = (list: typeof keywords, key: "cases" | "passed" | "unsupported" | "ajvPassed") => list.reduce((n, s) => n + (s[key] ?? 0), 0);
  const block = [
    start,
    `| suite (${dialect === "draft7" ? "draft-07" : "draft 2020-12"}) | cases | passed | refused (unsupported) | ajv + ajv-formats |`,
    "|---|---:|---:|---:|---:|",
    `| keyword files | ${sum(keywords, "cases")} | ${sum(keywords, "passed")} | ${sum(keywords, "unsupported")} | |`,
    `| optional/format | ${sum(formats, "cases")} | ${sum(formats, "passed")} | | ${sum(formats, "ajvPassed")} |`,
    "",
    dialect === "draft7"
      ? "Per keyword: [docs/conformance-draft7.md](docs/conformance-draft7.md) (`npm run conformance -- --draft7`)."
      : "Per keyword: [docs/conformance.md](docs/conformance.md) (`npm run conformance`).",
    end,
  ].join("\n");
  writeFileSync(readme, text.slice(0, a) + block + text.slice(b + end.length));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
