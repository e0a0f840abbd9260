/**
 * The JSON-Schema-Test-Suite's draft7 keyword files, read as draft-07 (the suite's schemas carry no
 * `$schema`): array items + additionalItems, dependencies, `$ref` overriding its siblings, `$id`
 * anchors, remotes, and the draft-07 meta-schema (shipped with the generator). Every case passes,
 * and every case of optional/format (format asserted, the generator's default).
 */
import { casePassed, runSuite, suiteDir, type GroupResult } from "../../scripts/conformance/run-suite";
import { REPO_ROOT } from "../helpers/paths";

describe("JSON-Schema-Test-Suite draft7", () => {
  let results: GroupResult[];
  beforeAll(async () => {
    results = await runSuite({ suiteDir: suiteDir(REPO_ROOT), dialect: "draft7", extra: ["optional/format"] });
  }, 120_000);

  test("the keyword files are all there", () => {
    expect(new Set(results.filter((g) => !g.file.startsWith("optional/")).map((g) => g.file)).size).toBeGreaterThanOrEqual(37);
    expect(new Set(results.filter((g) => g.file.startsWith("optional/format/")).map((g) => g.file)).size).toBeGreaterThan(15);
  });

  test("every case of every group passes, none refused, optional/format included (isX and validateX agree with the suite)", () => {
    const failures: string[] = [];
    for (const group of results) {
      if (group.unsupported) {
        failures.push(`${group.file} / ${group.description}: refused: ${group.unsupported}`);
        continue;
      }
      for (const c of group.cases) {
        if (!casePassed(c)) failures.push(`${group.file} / ${group.description} / ${c.description}: expected ${c.expected}, isX ${c.actual}${c.pathsDisagree ? ", validateX disagrees" : ""}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
