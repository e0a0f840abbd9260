/**
 * The JSON-Schema-Test-Suite as the judge (draft 2020-12): every case of every keyword file passes,
 * except the groups listed in scripts/conformance/unsupported.ts, which the generator must refuse
 * with the documented error. optional/format too: every case of every format passes (the
 * comparison with ajv + ajv-formats is in docs/conformance.md). The suite is vendored
 * (test/vendor/json-schema-test-suite): it always runs.
 */
import { casePassed, runSuite, suiteDir, type GroupResult } from "../../scripts/conformance/run-suite";
import { UNSUPPORTED } from "../../scripts/conformance/unsupported";
import { REPO_ROOT } from "../helpers/paths";

describe("JSON-Schema-Test-Suite draft2020-12", () => {
  let results: GroupResult[];
  beforeAll(async () => {
    results = await runSuite({ suiteDir: suiteDir(REPO_ROOT), dialect: "draft2020-12", extra: ["optional/format"] });
  }, 120_000);

  test("every case of every supported group passes (isX and validateX agree with the suite)", () => {
    const failures: string[] = [];
    for (const group of results.filter((g) => !g.file.startsWith("optional/"))) {
      const listed = UNSUPPORTED.find((u) => u.file === group.file);
      if (group.unsupported) {
        if (!listed || !listed.refusal.test(group.unsupported)) failures.push(`${group.file} / ${group.description}: refused: ${group.unsupported}`);
        continue;
      }
      for (const c of group.cases) {
        if (!casePassed(c)) failures.push(`${group.file} / ${group.description} / ${c.description}: expected ${c.expected}, isX ${c.actual}${c.pathsDisagree ? ", validateX disagrees" : ""}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("each unsupported entry is real: some group of that file is refused with that error", () => {
    for (const entry of UNSUPPORTED) {
      const refused = results.filter((g) => g.file === entry.file && g.unsupported && entry.refusal.test(g.unsupported));
      expect(refused.length).toBeGreaterThan(0);
    }
  });

  test("the groups built on $dynamicRef, $vocabulary and the 2020-12 meta-schema run (not refused) and pass", () => {
    for (const file of ["dynamicRef.json", "vocabulary.json", "defs.json"]) {
      const groups = results.filter((g) => g.file === file);
      expect(groups.length).toBeGreaterThan(0);
      expect(groups.filter((g) => g.unsupported).map((g) => g.description)).toEqual([]);
      expect(groups.every((g) => g.cases.every(casePassed))).toBe(true);
    }
  });

  test("optional/format: every case of every format passes", () => {
    const formats = results.filter((g) => g.file.startsWith("optional/format/"));
    expect(new Set(formats.map((g) => g.file)).size).toBeGreaterThan(15);
    const failures = formats.flatMap((g) => g.cases.filter((c) => !casePassed(c)).map((c) => `${g.file} / ${g.description} / ${c.description}: expected ${c.expected}, isX ${c.actual}${g.unsupported ? `, refused: ${g.unsupported}` : ""}${c.pathsDisagree ? ", validateX disagrees" : ""}`));
    expect(failures).toEqual([]);
  });
});
