/**
 * The JSON-Schema-Test-Suite runner: for every test group, generate guards for its schema (in
 * memory: no prettier, no dist), evaluate them, and check every case with `isX` and `validateX`
 * (they must agree with each other and with the suite). For `optional/format/` it runs ajv
 * (Ajv2020 + ajv-formats) on the same cases, so the comparison happens in one run.
 *
 * Reusable per dialect: `dialect: "draft2020-12"` reads tests/draft2020-12, `"draft7"` tests/draft7
 * (schemas without `$schema` are read as that dialect).
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/index";
import type { Dialect } from "../../generator/ir/model";
import { loadGenerated } from "../../generator/run-generated";

export type SuiteDialect = "draft2020-12" | "draft7";

const DEFAULT_DIALECT: Record<SuiteDialect, Dialect> = { "draft2020-12": "2020-12", draft7: "draft-07" };

export interface SuiteOptions {
  /** The suite's root folder (with tests/ and remotes/). */
  suiteDir: string;
  dialect: SuiteDialect;
  /** Folders under tests/<dialect>/ to run besides the keyword files: "optional/format". */
  extra?: readonly string[];
  /** Only files whose name (relative to tests/<dialect>/) passes this. */
  filter?: (file: string) => boolean;
  /** Also run ajv on each case (for optional/format comparisons). */
  compareWithAjv?: (file: string) => boolean;
}

/**
 * format.json checks the default of draft 2020-12, where `format` is only an annotation: it runs
 * with `formats: "annotate"`. Everything else (optional/format/ included) runs with the
 * generator's default, `assert`.
 */
export function formatsModeFor(file: string): "assert" | "annotate" {
  return file === "format.json" ? "annotate" : "assert";
}

export interface CaseResult {
  description: string;
  expected: boolean;
  /** What isX said; undefined when the group could not be generated. */
  actual?: boolean;
  /** validateX disagreed with isX (a bug in one of the two paths). */
  pathsDisagree?: boolean;
  ajv?: boolean;
}

export interface GroupResult {
  file: string;
  description: string;
  /** Why the generator refused the schema (an unsupported keyword, an unresolvable remote). */
  unsupported?: string;
  cases: CaseResult[];
}

interface SuiteGroup {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown; valid: boolean }[];
}

/** The suite, vendored in the repository at a pinned commit (its SOURCE.md says which and how to update it). */
export function suiteDir(repoRoot: string): string {
  return path.join(repoRoot, "test", "vendor", "json-schema-test-suite");
}

/** The files the runner reads, relative to tests/<dialect>/ ("type.json", "optional/format/uuid.json"). */
export function suiteFiles(options: SuiteOptions): string[] {
  const base = path.join(options.suiteDir, "tests", options.dialect);
  const files = readdirSync(base).filter((f) => f.endsWith(".json"));
  for (const folder of options.extra ?? []) {
    files.push(...readdirSync(path.join(base, folder)).filter((f) => f.endsWith(".json")).map((f) => `${folder}/${f}`));
  }
  return files.filter((f) => options.filter?.(f) ?? true).sort();
}

/** Runs the suite and returns one result per group. */
export async function runSuite(options: SuiteOptions): Promise<GroupResult[]> {
  const base = path.join(options.suiteDir, "tests", options.dialect);
  const resolve = { "http://localhost:1234/": path.join(options.suiteDir, "remotes") + path.sep };
  const results: GroupResult[] = [];
  let ajvFor: ((schema: unknown) => ((data: unknown) => boolean) | undefined) | undefined;
  for (const file of suiteFiles(options)) {
    const groups = JSON.parse(readFileSync(path.join(base, file), "utf8")) as SuiteGroup[];
    const withAjv = options.compareWithAjv?.(file) ?? false;
    if (withAjv) ajvFor ??= makeAjv(options.dialect);
    for (const group of groups) {
      const result: GroupResult = { file, description: group.description, cases: [] };
      results.push(result);
      let guards: Record<string, unknown> | undefined;
      let rootName = "";
      try {
        const schema = typeof group.schema === "boolean" ? { allOf: [group.schema] } : (group.schema as object);
        const generated = await generate({
          schema,
          name: "Root",
          emit: ["guards"],
          formats: formatsModeFor(file),
          build: false,
          format: false,
          resolve,
          defaultDialect: DEFAULT_DIALECT[options.dialect],
          cwd: options.suiteDir,
          // Suite schemas reuse names on purpose; validation does not care what a type is called.
          nameCollisions: "suffix",
        });
        rootName = generated.model.rootName;
        guards = loadGenerated(generated.files);
      } catch (error) {
        result.unsupported = ((error as Error).message ?? String(error)).split("\n")[0];
      }
      const ajv = withAjv ? ajvFor!(group.schema) : undefined;
      for (const test of group.tests) {
        const entry: CaseResult = { description: test.description, expected: test.valid };
        if (guards) {
          const is = guards[`is${rootName}`] as (v: unknown) => boolean;
          const validate = guards[`validate${rootName}`] as (v: unknown) => { ok: boolean; errors?: unknown[] };
          try {
            entry.actual = is(test.data);
            const result = validate(test.data);
            entry.pathsDisagree = result.ok !== entry.actual || (!result.ok && (result.errors?.length ?? 0) === 0);
          } catch (error) {
            entry.actual = undefined;
            entry.pathsDisagree = true;
          }
        }
        if (ajv) entry.ajv = safe(() => ajv(test.data));
        result.cases.push(entry);
      }
    }
  }
  return results;
}

function safe(fn: () => boolean): boolean | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Ajv2020 (or Ajv for draft7) with ajv-formats, loaded only when a comparison is asked for. */
function makeAjv(dialect: SuiteDialect): (schema: unknown) => ((data: unknown) => boolean) | undefined {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const Ajv = dialect === "draft7" ? require("ajv").default : require("ajv/dist/2020").default;
  const addFormats = require("ajv-formats").default;
  return (schema) => {
    const ajv = new Ajv({ strict: false, logger: false });
    addFormats(ajv);
    try {
      const validate = ajv.compile(schema);
      return (data: unknown) => validate(data) as boolean;
    } catch {
      return undefined;
    }
  };
}

/** A case passes when isX matches the suite and validateX agrees with isX. */
export function casePassed(c: CaseResult): boolean {
  return c.actual === c.expected && !c.pathsDisagree;
}

export interface FileSummary {
  file: string;
  cases: number;
  passed: number;
  unsupported: number;
  ajvPassed?: number;
}

/** Per-file counts, in file order. */
export function summarize(results: readonly GroupResult[]): FileSummary[] {
  const byFile = new Map<string, FileSummary>();
  for (const group of results) {
    let summary = byFile.get(group.file);
    if (!summary) byFile.set(group.file, (summary = { file: group.file, cases: 0, passed: 0, unsupported: 0 }));
    for (const c of group.cases) {
      summary.cases++;
      if (group.unsupported) summary.unsupported++;
      else if (casePassed(c)) summary.passed++;
      if (c.ajv !== undefined || group.cases.some((x) => x.ajv !== undefined)) summary.ajvPassed = (summary.ajvPassed ?? 0) + (c.ajv === c.expected ? 1 : 0);
    }
  }
  return [...byFile.values()];
}
