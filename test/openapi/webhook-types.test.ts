/**
 * The requests an API sends (3.1 `webhooks`, operations' `callbacks`): their inline schemas become
 * named types with guards, named like an operation's parts (NewPetWebhookRequestBody,
 * SubscribeOnEventCallbackParamsHeader), so that a receiver can type and check what arrives. Before,
 * they were dropped: the types were not in the package at all. No client function calls them.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/index";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { compileStrict } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const dir = tempDir("koala-codegen-webhooks-");
const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "webhooks-callbacks.yaml");

type Api = Record<string, (value: unknown) => any> & { hooksOperations: Record<string, unknown> };

test("webhooks and callbacks: stable derived names, guards for every payload, no client function", async () => {
  const document = await parseDocument(FIXTURE);
  const { module: api, files } = await loadGenerated<Api>(path.join(dir, "hooks"), { schema: document });
  const { model, warnings } = await generate({ schema: document, build: false, format: false });
  expect(warnings).toEqual([]);
  expect(model.types.map((t) => t.name)).toEqual([
    "Subscription",
    "Sale",
    "SubscribeRequestBody",
    // webhooks: the key + "Webhook" (the method before the key when it is not POST), else the operationId
    "NewPetWebhookRequestBody",
    "PutPetUpdatedWebhookRequestBody",
    "PetSoldHookRequestBody",
    // callbacks: the operation + the key + "Callback"; the one in components.callbacks, used by two operations, is one type
    "SubscribeOnEventCallbackParamsHeaderXSignature",
    "SubscribeOnEventCallbackRequestBody",
    "SubscribeOnEventCallbackResponse200",
    "SubscribeOnCloseCallbackRequestBody",
    // a callback of a callback's operation
    "SubscribeOnEventCallbackPutConfirmCallbackRequestBody",
    "SubscribeOnEventCallbackParamsHeader",
  ]);
  // The client calls the paths' operations only.
  expect(Object.keys(api.hooksOperations)).toEqual(["subscribe", "openStream"]);
  expect(files.get("src/operations.ts")).not.toMatch(/Webhook|Callback/);

  // A webhook's body is typed as the API sends it: its read-only `id` is there, and required.
  expect(api.isNewPetWebhookRequestBody({ id: 1, name: "Rex" })).toBe(true);
  expect(api.validateNewPetWebhookRequestBody({ name: "Rex" }).errors).toEqual([expect.objectContaining({ path: "", keyword: "required", message: "must have required property 'id'" })]);
  expect(api.isPutPetUpdatedWebhookRequestBody({ changes: [] })).toBe(false);
  expect(api.isPetSoldHookRequestBody({ price: 3, sale: { at: "2026-12-03" } })).toBe(true);
  expect(api.isPetSoldHookRequestBody({ price: 3, sale: { at: "not a date" } })).toBe(false);
  expect(api.isSubscribeOnEventCallbackRequestBody({ event: "created", at: "2026-12-03T10:00:00Z" })).toBe(true);
  expect(api.isSubscribeOnEventCallbackRequestBody({ event: "renamed" })).toBe(false);
  expect(api.isSubscribeOnEventCallbackResponse200({ received: true })).toBe(true);
  expect(api.isSubscribeOnCloseCallbackRequestBody({ reason: 1 })).toBe(false);
  expect(api.isSubscribeOnEventCallbackPutConfirmCallbackRequestBody({ ok: true })).toBe(true);
  // The headers a callback receives, as one object (all four wrappers) and each header (validateX only, as an operation's).
  expect(api.isSubscribeOnEventCallbackParamsHeader({ "X-Signature": "12345678" })).toBe(true);
  expect(api.isSubscribeOnEventCallbackParamsHeader({ "X-Signature": "short" })).toBe(false);
  expect(api.validateSubscribeOnEventCallbackParamsHeader({ "X-Signature": "short" }).errors).toEqual([expect.objectContaining({ path: "/X-Signature", keyword: "minLength" })]);
  // A single parameter's schema: checked through its object, no guard of its own.
  expect([api.isSubscribeOnEventCallbackParamsHeaderXSignature, api.validateSubscribeOnEventCallbackParamsHeaderXSignature]).toEqual([undefined, undefined]);
  // A builder for an object payload, as for any object type.
  expect(api.createNewPetWebhookRequestBody({ id: 2, name: "Ada" })).toEqual({ id: 2, name: "Ada" });

  // The package type-checks under --strict with the payload types used as a receiver would.
  writeFileSync(
    path.join(dir, "hooks", "src", "receiver.ts"),
    `import { isSubscribeOnEventCallbackRequestBody, type NewPetWebhookRequestBody, type SubscribeOnEventCallbackRequestBody } from "./index.js";
export function received(body: unknown): SubscribeOnEventCallbackRequestBody["event"] | undefined {
  return isSubscribeOnEventCallbackRequestBody(body) ? body.event : undefined;
}
export const pet: NewPetWebhookRequestBody = { id: 1, name: "Rex" };
// @ts-expect-error the API sends the id: it is required in a webhook's body
export const noId: NewPetWebhookRequestBody = { name: "Rex" };
`,
  );
  const compiled = compileStrict(dir, { timeout: 120_000 });
  expect(compiled.stdout + compiled.stderr).toBe("");
  expect(compiled.status).toBe(0);
}, 150_000);

test("a 3.0 document's callbacks: the 3.0 Schema Object read as 3.0 says (nullable), with derived names", async () => {
  const document = {
    openapi: "3.0.3",
    info: { title: "Old hooks", version: "1" },
    paths: {
      "/watch": {
        post: {
          responses: { "202": { description: "watching" } },
          callbacks: {
            changed: {
              "{$request.query.url}": {
                post: {
                  requestBody: { content: { "application/json": { schema: { type: "object", required: ["value"], properties: { value: { type: "string", nullable: true } } } } } },
                  responses: { "200": { description: "ok" } },
                },
              },
            },
          },
        },
      },
    },
  };
  const { module: api } = await loadGenerated<Api>(path.join(dir, "old"), { schema: document, format: false });
  // No operationId: the operation is postWatch, its callback postWatchChangedCallback.
  expect(api.isPostWatchChangedCallbackRequestBody({ value: null })).toBe(true);
  expect(api.isPostWatchChangedCallbackRequestBody({ value: 1 })).toBe(false);
});
