/**
 * The JSON-Schema-Test-Suite's draft7 keyword files, read as draft-07 (the suite's schemas carry no
 * `$schema`): array items + additionalItems, dependencies, `$ref` overriding its siblings, `$id`
 * anchors, remotes, and the draft-07 meta-schema (shipped with the generator). Every case passes.
 */
import { casePassed, runSuite, suiteDir, type GroupResult } from "../../scripts/conformance/run-suite";
import { REPO_ROOT } from "../helpers/paths";

describe("JSON-Schema-Test-Suite draft7", () => {
  let results: GroupResult[];
  beforeAll(async () => {
    results = await runSuite({ suiteDir: suiteDir(REPO_ROOT), dialect: "draft7" });
  }, 120_000);

  test("the keyword files are all there", () => {
    expect(new Set(results.map((g) => g.file)).size).toBeGreaterThanOrEqual(37);
  });

  test("every case of every group passes, none refused (isX and validateX agree with the suite)", () => {
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
