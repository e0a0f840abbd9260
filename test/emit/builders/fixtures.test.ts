/**
 * The builders emitter on schemas that are not Koala: short builders come from each schema's own
 * discriminator (`kind` here), a name that cannot be used falls back to `createX`, and chunking
 * and grouping follow the fixture's own limits.
 */
import * as path from "node:path";
import { loadGenerated } from "../../helpers/load-generated";
import { REPO_ROOT } from "../../helpers/paths";
import { tempDir } from "../../helpers/temp";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "builders");
const dir = tempDir("builders-fixtures-");
type Fns = Record<string, (...args: unknown[]) => unknown>;
let inbox: Fns;
let board: Fns;
let boardSource: string;

beforeAll(async () => {
  inbox = (await loadGenerated<Fns>(path.join(dir, "inbox"), { schema: path.join(FIXTURES, "inbox.schema.json") })).module;
  const generated = await loadGenerated<Fns>(path.join(dir, "board"), { schema: path.join(FIXTURES, "clash.schema.json") });
  board = generated.module;
  boardSource = generated.files.get("src/builders.ts")!;
});

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function thrownBy(build: () => unknown): { name: string; errors: { path: string; keyword: string }[] } {
  try {
    build();
  } catch (error) {
    return error as { name: string; errors: { path: string; keyword: string }[] };
  }
  throw new Error("expected the builder to throw");
}

describe("a schema with its own discriminator (`kind`)", () => {
  test("short builders named from the const values, with positional arguments from the type", () => {
    // text: one required string (body), one optional object (meta); priority has a default.
    expect(inbox.text!("hi")).toEqual({ kind: "text", priority: 3, body: "hi" });
    expect(inbox.text!("hi", { thread: 1 }, { priority: 5 })).toEqual({ kind: "text", priority: 5, body: "hi", meta: { thread: 1 } });
    // image: three required values read better by name: everything in the (required) options.
    expect(inbox.image!({ url: "u", width: 1, height: 2 })).toEqual({ kind: "image", url: "u", width: 1, height: 2 });
    // reaction: two required strings, positional.
    expect(inbox.reaction!("+1", "m-1")).toEqual({ kind: "reaction", emoji: "+1", to: "m-1" });
    expect(inbox.text).toHaveLength(3);
    expect(inbox.image).toHaveLength(1);
    expect(inbox.reaction).toHaveLength(3);
  });

  test("stamps found by name in this schema: idempotency_key and occurred_at", () => {
    const message = inbox.text!("hi", undefined, { idempotencyKey: true, timestamp: new Date(0) }) as Record<string, unknown>;
    expect(message.idempotency_key).toMatch(UUID_V4);
    expect(message.occurred_at).toBe("1970-01-01T00:00:00.000Z");
  });

  test("the guard's errors: minLength, additionalProperties false, a default that is overridden badly", () => {
    expect(thrownBy(() => inbox.text!("")).errors.map((e) => [e.path, e.keyword])).toContainEqual(["/body", "minLength"]);
    expect(thrownBy(() => inbox.createTextMessage!({ body: "x", extra: 1 })).errors.map((e) => e.keyword)).toContain("additionalProperties");
    expect(thrownBy(() => inbox.text!("x", undefined, { priority: 9 })).errors.map((e) => [e.path, e.keyword])).toContainEqual(["/priority", "maximum"]);
    expect(thrownBy(() => inbox.text!("")).name).toBe("SchemaValidationError");
  });

  test("chunkInbox follows this schema's maxItems (2 messages, 3 reactions); labels have none", () => {
    const messages = [inbox.text!("1"), inbox.text!("2"), inbox.image!({ url: "u", width: 1, height: 1 }), inbox.text!("4"), inbox.text!("5")];
    const reactions = ["a", "b", "c", "d"].map((e) => inbox.reaction!(e, "m"));
    const parts = inbox.chunkInbox!({ account: "acme", labels: ["x", "y", "z"], messages, reactions }) as Record<string, unknown[] | string>[];
    expect(parts.map((p) => [p.account, p.messages?.length ?? 0, p.reactions?.length ?? 0, p.labels?.length ?? 0])).toEqual([
      ["acme", 2, 3, 3],
      ["acme", 2, 1, 0],
      ["acme", 1, 0, 0],
    ]);
    expect(parts.flatMap((p) => (p.messages as unknown[] | undefined) ?? [])).toEqual(messages);
  });

  test("groupInboxItems routes by `kind` (two item types share one array)", () => {
    const requests = inbox.groupInboxItems!([
      { identity: { account: "a" }, item: inbox.text!("1") },
      { identity: { account: "b" }, item: inbox.reaction!("+1", "1") },
      { identity: { account: "a" }, item: inbox.image!({ url: "u", width: 1, height: 1 }) },
      { identity: { account: "a" }, item: inbox.text!("3") },
    ]) as Record<string, unknown>[];
    expect(requests).toEqual([
      { account: "a", messages: [inbox.text!("1"), inbox.image!({ url: "u", width: 1, height: 1 })] },
      { account: "a", messages: [inbox.text!("3")] },
      { account: "b", reactions: [inbox.reaction!("+1", "1")] },
    ]);
  });
});

describe("short names that cannot be used fall back to createX", () => {
  test.each([
    ["note", "createNote", "used by two types (Note and Memo)"],
    ["delete", "createRemoval", "a reserved word"],
    ["chunkBoard", "createChunked", "the root's chunk function"],
  ])("%s: %s only (%s)", (short, create) => {
    expect(typeof board[create]).toBe("function");
    expect(boardSource).toContain(`use ${create}`);
    if (short === "chunkBoard") {
      // The name stays with the function it was taken by.
      expect(board.chunkBoard!({ cards: [] })).toEqual([{ cards: [] }]);
    } else {
      expect(board[short]).toBeUndefined();
    }
    expect(board.createMemo!({})).toEqual({ kind: "note" });
  });

  test("the unambiguous one in the same group still gets its short builder", () => {
    expect(board.task!("Ship")).toEqual({ kind: "task", title: "Ship" });
  });
});

describe("a second root without discriminator or maxItems (Koala's account batch)", () => {
  let account: Fns;
  beforeAll(async () => {
    account = (await loadGenerated<Fns>(path.join(dir, "account"), { schema: path.join(REPO_ROOT, "schemas", "koala-account-batch-request.schema.json") })).module;
  });

  test("no short builders (the item types share no constant), grouping routes by the item guards", () => {
    expect(Object.keys(account).filter((k) => /^[a-z]/.test(k) && !/^(is|validate|assert|create|chunk|group)/.test(k))).toEqual([]);
    const identify = account.createAccountIdentifyCall!({ traits: { plan: "pro" } });
    const event = account.createTrackEvent!({ event: "Upgraded" });
    const requests = account.groupKoalaAccountBatchRequestItems!([
      { identity: { domain: "acme.com" }, item: event },
      { identity: { domain: "acme.com" }, item: identify },
      { identity: { account_id: "a-1" }, item: event },
    ]);
    expect(requests).toEqual([
      { domain: "acme.com", events: [event], identifies: [identify] },
      { account_id: "a-1", events: [event] },
    ]);
    expect(() => account.groupKoalaAccountBatchRequestItems!([{ identity: { domain: "acme.com" }, item: { type: "alias" } }])).toThrow("entry 0");
  });

  test("without maxItems nothing is split, but the identity is still checked", () => {
    const events = Array.from({ length: 100 }, (_, i) => account.createTrackEvent!({ event: `e${i}` }));
    expect(account.chunkKoalaAccountBatchRequest!({ domain: "acme.com", events })).toHaveLength(1);
    expect(() => account.chunkKoalaAccountBatchRequest!({ events })).toThrow(/KoalaAccountBatchRequest/);
  });
});
