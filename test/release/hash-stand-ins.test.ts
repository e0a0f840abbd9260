/**
 * The schemas' hashes in the release's files, built with stand-ins on the other thread and written
 * over here (release/hash-stand-ins.ts): every stand-in is found in both forms the files use.
 */
import { createHash } from "node:crypto";
import { packTexts, textBytes, unpackTexts } from "../../generator/print/moved-texts";
import { hashStandIn, hashStandIns, withHashes } from "../../generator/release/hash-stand-ins";

const sha = (text: string): string => createHash("sha256").update(text).digest("hex");

test("a stand-in looks like a SHA-256 in length, and each one's first 12 characters are its own", () => {
  const standIns = Array.from({ length: 2000 }, (_, i) => hashStandIn(i));
  for (const s of standIns) expect(s).toHaveLength(64);
  expect(new Set(standIns.map((s) => s.slice(0, 12))).size).toBe(standIns.length);
  // Nothing JSON would escape: the snapshot's text holds it as it is.
  for (const s of standIns.slice(0, 50)) expect(JSON.stringify(s)).toBe(`"${s}"`);
});

test("withHashes writes each hash over its stand-in, whole and in the changelog's 12-character form", () => {
  const standIns = hashStandIns(12);
  const hashes = { source: sha("source"), roots: Array.from({ length: 12 }, (_, i) => sha(`root ${i}`)) };
  const files = [
    { path: "koala-codegen.api.json", contents: JSON.stringify({ schemas: standIns.roots!.map((s, i) => ({ file: `s${i}.json`, sha256: s })), source: standIns.source }) },
    { path: "CHANGELOG.md", contents: standIns.roots!.map((s, i) => `s${i}.json (sha256 ${s.slice(0, 12)})`).join(", ") },
  ];
  const [snapshot, changelog] = withHashes(files, hashes);
  expect(JSON.parse(snapshot!.contents)).toEqual({ schemas: hashes.roots.map((h, i) => ({ file: `s${i}.json`, sha256: h })), source: hashes.source });
  expect(changelog!.contents).toBe(hashes.roots.map((h, i) => `s${i}.json (sha256 ${h.slice(0, 12)})`).join(", "));
  expect(snapshot!.path).toBe("koala-codegen.api.json");
});

test("a snapshot that came from the other thread as bytes is written over as bytes, and reads as the hashes", () => {
  const standIns = hashStandIns(2);
  const hashes = { source: sha("a"), roots: [sha("b"), sha("c")] };
  // Past MOVED_TEXT_MIN_CHARS, with text around the stand-ins that is not ASCII.
  const filler = "é".repeat(600_000);
  const text = `${filler}"sha256": "${standIns.roots![0]}" ${standIns.roots![1]!.slice(0, 12)} ${filler}`;
  const files = unpackTexts(packTexts([{ path: "koala-codegen.api.json", contents: text }]).packed) as { path: string; contents: string }[];
  expect(textBytes(files[0]!, "contents")).toBeDefined();
  const [patched] = withHashes(files, hashes);
  expect(textBytes(patched!, "contents")).toBeDefined();
  expect(patched!.contents).toBe(`${filler}"sha256": "${hashes.roots[0]}" ${hashes.roots[1]!.slice(0, 12)} ${filler}`);
});

test("a hash that is not a SHA-256 in hex is refused (it could not be written over a stand-in's bytes)", () => {
  expect(() => withHashes([], { source: "not a hash" })).toThrow(/not a SHA-256/);
});
