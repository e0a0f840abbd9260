/**
 * `diff` on OpenAPI documents, through the real CLI (test/fixtures/openapi/diff/old.yaml → new.yaml):
 * operations, parameters, response statuses and response properties classified next to the types'
 * changes, each direction the reverse of the other; webhooks and callbacks from the receiver's side
 * (webhooks-old.yaml → webhooks-new.yaml); and the same changes drive the package's version and
 * CHANGELOG when `generate` runs over a released output.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "openapi", "diff");
const dir = tempDir("koala-codegen-diff-openapi-");
const webhooksDir = tempDir("koala-codegen-diff-webhooks-");

test("old → new: an operation, a parameter and a response status removed, a parameter made required, the request narrowed, a response property removed, are breaking", () => {
  const result = runCli(["diff", "old.yaml", "new.yaml"], { cwd: FIXTURES });
  expect(result.stderr).toBe("");
  expect(result.stdout.split("\n")).toEqual([
    "breaking  DELETE /pets/{id}: operation removed",
    "breaking  DeletePetParamsPath: type removed",
    "breaking  GET /pets: query parameter limit now required",
    "breaking  GET /pets: query parameter tag removed",
    "breaking  GET /pets/{id}: response 404 removed",
    "breaking  ListPetsParamsQuery.limit: now required",
    "breaking  ListPetsParamsQuery.tag: property removed",
    "breaking  NewPet.name: maxLength 50 added",
    "breaking  Pet.nickname: property removed",
    "additive  GET /owners: operation added",
    "additive  GET /pets: optional query parameter sort added",
    "additive  GET /pets/{id}: response 500 added",
    "additive  ListPetsParamsQuery.sort: optional property added",
    "additive  Pet.age: required property added (read, never sent)",
    "semver bump: major (9 breaking, 5 additive, 0 documentation)",
    "",
  ]);
  expect(result.status).toBe(1);
});

test("new → old: the reverse changes, each classified the other way", () => {
  const result = runCli(["diff", "new.yaml", "old.yaml"], { cwd: FIXTURES });
  expect(result.stdout.split("\n")).toEqual([
    "breaking  GET /owners: operation removed",
    "breaking  GET /pets: query parameter sort removed",
    "breaking  GET /pets/{id}: response 500 removed",
    "breaking  ListPetsParamsQuery.sort: property removed",
    "breaking  Pet.age: property removed",
    "additive  DELETE /pets/{id}: operation added",
    "additive  DeletePetParamsPath: type added",
    "additive  GET /pets: optional query parameter tag added",
    "additive  GET /pets: query parameter limit now optional",
    "additive  GET /pets/{id}: response 404 added",
    "additive  ListPetsParamsQuery.limit: now optional",
    "additive  ListPetsParamsQuery.tag: optional property added",
    "additive  NewPet.name: maxLength 50 removed",
    "additive  Pet.nickname: optional property added",
    "semver bump: major (5 breaking, 9 additive, 0 documentation)",
    "",
  ]);
  expect(result.status).toBe(1);
});

test("a query parameter of a bare type, typed in its object: its type changed is that property's, narrowed either way", () => {
  // (typedInItsObject, load/openapi/parameter-schemas.ts: no alias type of its own to compare.)
  const changed = path.join(dir, "changed-limit.yaml");
  const old = readFileSync(path.join(FIXTURES, "old.yaml"), "utf8");
  writeFileSync(changed, old.replace("{ name: limit, in: query, schema: { type: integer } }", "{ name: limit, in: query, schema: { type: string } }"));
  expect(readFileSync(changed, "utf8")).not.toBe(old);
  const result = runCli(["diff", path.join(FIXTURES, "old.yaml"), changed]);
  expect(result.stdout.split("\n")).toEqual(["breaking  ListPetsParamsQuery.limit: type narrowed from integer to string", "semver bump: major (1 breaking, 0 additive, 0 documentation)", ""]);
  expect(result.status).toBe(1);
});

test("only additions (additive.yaml): exit 0, a minor bump; the same document: no change", () => {
  const additive = runCli(["diff", "old.yaml", "additive.yaml"], { cwd: FIXTURES });
  expect(additive.stdout.split("\n")).toEqual([
    "additive  GET /owners: operation added",
    "additive  GET /pets: optional query parameter sort added",
    "additive  GET /pets/{id}: response 500 added",
    "additive  ListPetsParamsQuery.sort: optional property added",
    "semver bump: minor (0 breaking, 4 additive, 0 documentation)",
    "",
  ]);
  expect(additive.status).toBe(0);
  const same = runCli(["diff", "--json", "new.yaml", "new.yaml"], { cwd: FIXTURES });
  expect(JSON.parse(same.stdout)).toEqual({ bump: "none", breaking: 0, changes: [] });
  expect(same.status).toBe(0);
});

test("generate over a released output: the operations' changes set the version and the CHANGELOG", () => {
  copyFileSync(path.join(FIXTURES, "old.yaml"), path.join(dir, "api.yaml"));
  const first = runCli(["generate", "--schema", "api.yaml", "--out", "out", "--emit", "types", "guards", "--release", "--quiet"], { cwd: dir });
  expect([first.status, first.stderr]).toEqual([0, ""]);
  copyFileSync(path.join(FIXTURES, "new.yaml"), path.join(dir, "api.yaml"));
  const second = runCli(["generate", "--schema", "api.yaml", "--out", "out", "--emit", "types", "guards", "--quiet"], { cwd: dir });
  expect([second.status, second.stderr]).toEqual([0, ""]);
  expect(JSON.parse(readFileSync(path.join(dir, "out", "package.json"), "utf8")).version).toBe("0.2.0"); // breaking, below 1.0.0: the minor
  const changelog = readFileSync(path.join(dir, "out", "CHANGELOG.md"), "utf8");
  expect(changelog).toContain("## 0.2.0 (unreleased)");
  for (const line of ["- `DELETE /pets/{id}`: operation removed", "- `GET /pets/{id}`: response 404 removed", "- `GET /pets`: query parameter limit now required", "- `GET /owners`: operation added", "- `Pet.age`: required property added (read, never sent)"]) {
    expect(changelog).toContain(line);
  }
});

test("webhooks and callbacks, from the receiver's side: what they send made required is additive, made optional or removed is breaking", () => {
  const forward = runCli(["diff", "webhooks-old.yaml", "webhooks-new.yaml"], { cwd: FIXTURES });
  expect(forward.stderr).toBe("");
  expect(forward.stdout.split("\n")).toEqual([
    "breaking  POST newPet (newPetWebhook): response 410 removed",
    "breaking  POST petDeleted (petDeletedWebhook): webhook removed",
    "breaking  PetDeletedWebhookRequestBody: type renamed to PetAdoptedWebhookRequestBody",
    "additive  NewPetWebhookParamsHeader.X-Delivery: required property added (read, never sent)",
    "additive  NewPetWebhookParamsHeader.X-Signature: now required (read, never sent)",
    "additive  NewPetWebhookParamsHeaderXDelivery: type added",
    "additive  POST newPet (newPetWebhook): header parameter X-Signature now required",
    "additive  POST newPet (newPetWebhook): required header parameter X-Delivery added",
    "additive  POST petAdopted (petAdoptedWebhook): webhook added",
    "additive  POST {$request.body#/url} (subscribeOnEventCallback): request body now required",
    "semver bump: major (3 breaking, 7 additive, 0 documentation)",
    "",
  ]);
  expect(forward.status).toBe(1);
  const back = runCli(["diff", "webhooks-new.yaml", "webhooks-old.yaml"], { cwd: FIXTURES });
  expect(back.stdout.split("\n")).toEqual([
    "breaking  NewPetWebhookParamsHeader.X-Delivery: property removed",
    "breaking  NewPetWebhookParamsHeader.X-Signature: now optional (read, never sent)",
    "breaking  NewPetWebhookParamsHeaderXDelivery: type removed",
    "breaking  POST newPet (newPetWebhook): header parameter X-Delivery removed",
    "breaking  POST newPet (newPetWebhook): header parameter X-Signature now optional",
    "breaking  POST petAdopted (petAdoptedWebhook): webhook removed",
    "breaking  POST {$request.body#/url} (subscribeOnEventCallback): request body now optional",
    "breaking  PetAdoptedWebhookRequestBody: type renamed to PetDeletedWebhookRequestBody",
    "additive  POST newPet (newPetWebhook): response 410 added",
    "additive  POST petDeleted (petDeletedWebhook): webhook added",
    "semver bump: major (8 breaking, 2 additive, 0 documentation)",
    "",
  ]);
  expect(back.status).toBe(1);
});

test("generate over a released output records the webhooks, and their changes reach the CHANGELOG; a snapshot without webhooks compares none", () => {
  const at = webhooksDir;
  copyFileSync(path.join(FIXTURES, "webhooks-old.yaml"), path.join(at, "api.yaml"));
  const first = runCli(["generate", "--schema", "api.yaml", "--out", "out", "--emit", "types", "guards", "--release", "--quiet"], { cwd: at });
  expect([first.status, first.stderr]).toEqual([0, ""]);
  const snapshotFile = path.join(at, "out", "koala-codegen.api.json");
  const snapshot = JSON.parse(readFileSync(snapshotFile, "utf8"));
  expect(snapshot.released.webhooks.map((w: { operation: string }) => w.operation)).toEqual([
    "POST newPet (newPetWebhook)",
    "POST petDeleted (petDeletedWebhook)",
    "POST {$request.body#/url} (subscribeOnEventCallback)",
  ]);
  copyFileSync(path.join(FIXTURES, "webhooks-new.yaml"), path.join(at, "api.yaml"));
  const second = runCli(["generate", "--schema", "api.yaml", "--out", "out", "--emit", "types", "guards", "--quiet"], { cwd: at });
  expect([second.status, second.stderr]).toEqual([0, ""]);
  const changelog = readFileSync(path.join(at, "out", "CHANGELOG.md"), "utf8");
  for (const line of ["- `POST petDeleted (petDeletedWebhook)`: webhook removed", "- `POST petAdopted (petAdoptedWebhook)`: webhook added", "- `POST newPet (newPetWebhook)`: header parameter X-Signature now required"]) {
    expect(changelog).toContain(line);
  }
  // A snapshot written before webhooks were recorded (no `webhooks`): their changes are not guessed at.
  copyFileSync(path.join(FIXTURES, "webhooks-old.yaml"), path.join(at, "api.yaml"));
  const again = runCli(["generate", "--schema", "api.yaml", "--out", "old-out", "--emit", "types", "guards", "--release", "--quiet"], { cwd: at });
  expect([again.status, again.stderr]).toEqual([0, ""]);
  const oldSnapshotFile = path.join(at, "old-out", "koala-codegen.api.json");
  const old = JSON.parse(readFileSync(oldSnapshotFile, "utf8"));
  delete old.released.webhooks;
  writeFileSync(oldSnapshotFile, JSON.stringify(old, null, 2));
  copyFileSync(path.join(FIXTURES, "webhooks-new.yaml"), path.join(at, "api.yaml"));
  const third = runCli(["generate", "--schema", "api.yaml", "--out", "old-out", "--emit", "types", "guards", "--quiet"], { cwd: at });
  expect([third.status, third.stderr]).toEqual([0, ""]);
  const unguessed = readFileSync(path.join(at, "old-out", "CHANGELOG.md"), "utf8");
  expect(unguessed).not.toContain("webhook removed");
  expect(unguessed).not.toContain("webhook added");
});
