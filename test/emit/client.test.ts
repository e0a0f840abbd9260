/**
 * The client emitter: path templates, method names, the schema-derived idempotency key, one method
 * per endpoint, and what `generate()` leaves out when no endpoint is configured.
 */
import { generate } from "../../generator/index";
import { emitClient } from "../../generator/emit/client/index";
import { idempotencyFor, methodName, parsePath } from "../../generator/emit/client/endpoints";
import type { EmitOptions } from "../../generator/emit/emitter";
import { moduleText } from "../helpers/generate";
import { irOf } from "../helpers/ir";

const EVENTS_SCHEMA = {
  title: "Batch",
  type: "object",
  properties: {
    events: { type: "array", maxItems: 10, items: { $ref: "#/$defs/Event" } },
    notes: { type: "array", items: { type: "object", properties: { text: { type: "string" } } } },
    account: { $ref: "#/$defs/Account" },
  },
  $defs: {
    Event: { type: "object", properties: { insert_id: { type: "string" }, name: { type: "string" } } },
    Account: { type: "object", properties: { items: { type: "array", items: { $ref: "#/$defs/Event" } } } },
  },
};

describe("endpoint paths", () => {
  test.each([
    ["/web/projects/{publicKey}/batch", [{ text: "/web/projects/" }, { param: "publicKey", option: "publicKey" }, { text: "/batch" }], "batch"],
    ["/web/projects/{public_api_key}/accounts/batch", [{ text: "/web/projects/" }, { param: "public_api_key", option: "publicApiKey" }, { text: "/accounts/batch" }], "accountsBatch"],
    ["/v1/track/{id}", [{ text: "/v1/track/" }, { param: "id", option: "id" }], "track"],
    ["/ingest", [{ text: "/ingest" }], "ingest"],
  ])("%s", (path, parts, method) => {
    expect(parsePath(path)).toEqual(parts);
    expect(methodName(parsePath(path))).toBe(method);
  });

  test.each([["no/slash"], ["/a/{b"], ["/a/{}"], ["/a/{b-c}"], ["/a/}"]])("%s is refused with a usage error", (path) => {
    expect(() => parsePath(path)).toThrow(expect.objectContaining({ code: "usage" }));
  });
});

describe("idempotency key", () => {
  test("found by name on the root's array items; only arrays whose items have it", async () => {
    const model = await irOf(EVENTS_SCHEMA);
    expect(idempotencyFor(model, "Batch", undefined)).toEqual({ key: "insert_id", arrays: ["events"] });
    expect(idempotencyFor(model, "Batch", "name")).toEqual({ key: "name", arrays: ["events"] });
    expect(idempotencyFor(model, "Batch", false)).toBeUndefined();
    expect(idempotencyFor(model, "Batch", "missing")).toBeUndefined();
  });

  test("found by description; two candidates → none (the option must say)", async () => {
    const described = await irOf({
      title: "B",
      type: "object",
      properties: { xs: { type: "array", items: { type: "object", properties: { token: { type: "string", description: "Deduplication token" } } } } },
    });
    expect(idempotencyFor(described, "B", undefined)).toEqual({ key: "token", arrays: ["xs"] });
    const ambiguous = await irOf({
      title: "B",
      type: "object",
      properties: { xs: { type: "array", items: { type: "object", properties: { message_id: { type: "string" }, event_id: { type: "string" } } } } },
    });
    expect(idempotencyFor(ambiguous, "B", undefined)).toBeUndefined();
  });
});

describe("emitClient", () => {
  test("several endpoints → several methods; parameters become required options; no base URL → required baseUrl", async () => {
    const model = await irOf(EVENTS_SCHEMA);
    const options: EmitOptions = {
      artifacts: ["types", "client"],
      formats: "assert",
      endpoints: { Batch: "/p/{projectKey}/batch", Account: "/p/{projectKey}/accounts/{account_id}/batch" },
      client: { name: "acme-ingest", userAgent: 'acme"/1' },
    };
    const [module] = emitClient({ model, options });
    const text = module!.statements.join("\n");
    expect(text).toContain("export interface AcmeIngestClientOptions extends $TransportOptions {");
    expect(text).toMatch(/projectKey: string;[\s\S]*accountId: string;[\s\S]*baseUrl: string;/);
    expect(text).toContain("batch(request: Batch, options?: $CallOptions): Promise<$SendResult<Batch>>;");
    // Both paths end in "batch": the second method takes its type's name.
    expect(text).toContain("batchAccount(request: Account, options?: $CallOptions): Promise<$SendResult<Account>>;");
    expect(text).toContain('path: "/p/" + encodeURIComponent(options.projectKey) + "/accounts/" + encodeURIComponent(options.accountId) + "/batch"');
    expect(text).toContain('userAgent: options.userAgent ?? "acme\\"/1"');
    expect(text).toContain('idempotency: { key: "insert_id", arrays: ["events"] }');
  });

  test("a root with a group-by-identity builder gets a queue: route, stamps and maxItems from the schema", async () => {
    const schema = {
      title: "Ingest",
      type: "object",
      required: ["user"],
      properties: {
        user: { type: "string" },
        events: { type: "array", maxItems: 50, items: { $ref: "#/$defs/Hit" } },
        logs: { type: "array", maxItems: 20, items: { $ref: "#/$defs/Log" } },
      },
      $defs: {
        Hit: { type: "object", required: ["kind"], properties: { kind: { const: "hit" }, dedup_key: { type: "string" }, occurred_at: { type: "string", format: "date-time" } } },
        Log: { type: "object", required: ["kind"], properties: { kind: { const: "log" }, text: { type: "string" } } },
      },
      discriminator: { propertyName: "kind" },
    };
    const model = await irOf(schema);
    const [module] = emitClient({ model, options: { artifacts: ["types", "guards", "builders", "client"], formats: "assert", endpoints: { Ingest: "/ingest" } } });
    const text = module!.statements.join("\n");
    expect(text).toContain("ingestQueue(options?: $BatchQueueOptions<");
    expect(text).toContain('$Rest<Ingest, "events" | "logs">');
    // (The text before prettier: the stamps object is written as JSON.)
    expect(text).toContain('stamps: { events: {"idempotencyKey":"dedup_key","timestamp":"occurred_at"} }');
    // The smallest maxItems of the arrays: one queued request never needs splitting.
    expect(text).toContain("maxItems: 20");
    expect(text).toContain("ingestQueue: (queueOptions) => $createBatchQueue(ingestQueueSpec, queueOptions),");
    expect(text).toContain('$checkOption("createIngestClient", "baseUrl", transport.baseUrl, true);');
  });

  test("no endpoint → no client module and no transport copied", async () => {
    const { files } = await generate({ schema: EVENTS_SCHEMA, build: false });
    expect(files.map((f) => f.path)).not.toContain("src/client.ts");
    expect(files.map((f) => f.path)).not.toContain("src/runtime/http-client.ts");
  });

  test("generated client for one endpoint", async () => {
    const text = await moduleText(EVENTS_SCHEMA, "client.ts", {
      emit: ["types", "client"],
      endpoint: "/v1/{key}/batch",
      packageName: "acme",
      client: { baseUrl: "https://ingest.example", suspendedErrors: ["Suspended"] },
    });
    expect(text).toContain("export function createBatchClient(options: BatchClientOptions): BatchClient {");
    expect(text).toContain('baseUrl: options.baseUrl ?? "https://ingest.example"');
    expect(text).toContain('userAgent: options.userAgent ?? "acme/0.1.0"');
    expect(text).toContain('suspended: ["Suspended"]');
    expect(text).not.toContain("baseUrl: string;");
  });
});
