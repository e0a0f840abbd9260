/**
 * writeOutput's comparison with the previous output (write/write-output.ts FileComparer): every
 * file is compared as bytes, the file's on disk against the new text's UTF-8 encoding, ASCII or not.
 * A file whose contents are the same keeps its inode (it is linked into the new output, not
 * written), and one that differs by a single character, even at the same length in bytes or in
 * characters, is written.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { GeneratedFile } from "../../generator/generated-file";
import { MOVED_TEXT_MIN_CHARS, packTexts, textBytes, unpackTexts } from "../../generator/print/moved-texts";
import { writeOutput } from "../../generator/write/write-output";
import { tempDir } from "../helpers/temp";

const dir = tempDir();

test("unchanged files keep their inode; a one-character change is written, ASCII or not", async () => {
  const out = path.join(dir, "out");
  const files = [
    { path: "ascii.ts", contents: "export const a = 1;\n" },
    { path: "utf8.ts", contents: "export const é = \"∀\";\n" },
    { path: "same-bytes.ts", contents: "é\n" },
    { path: "same-chars.ts", contents: "ab\n" },
    // Built by concatenation, as generate() builds them: a string that is not flat.
    { path: "src/rope.ts", contents: ["// header\n", "x".repeat(1000), "\n"].join("") + "export {};\n" },
  ];
  const first = await writeOutput(out, files);
  expect(first.written.sort()).toEqual(files.map((f) => f.path).sort());
  const inode = (p: string): number => statSync(path.join(out, p)).ino;
  const before = new Map(files.map((f) => [f.path, inode(f.path)]));

  const again = await writeOutput(out, files.map((f) => ({ ...f, contents: `${f.contents.slice(0, 1)}${f.contents.slice(1)}` })));
  expect(again).toEqual({ written: [], unchanged: files.map((f) => f.path), removed: [] });
  for (const f of files) expect(inode(f.path)).toBe(before.get(f.path));

  const changed = [
    { path: "ascii.ts", contents: "export const a = 2;\n" },
    { path: "utf8.ts", contents: "export const é = \"∃\";\n" },
    // "é" is two bytes in UTF-8, as "ab" is: the same length in bytes, other bytes.
    { path: "same-bytes.ts", contents: "ab\n" },
    // Two characters, as "ab" was, but three bytes in UTF-8: other bytes, so written.
    { path: "same-chars.ts", contents: "aé\n" },
    { path: "src/rope.ts", contents: ["// header\n", "x".repeat(999), "y\n"].join("") + "export {};\n" },
  ];
  const third = await writeOutput(out, changed);
  expect(third.written).toEqual(changed.map((f) => f.path));
  expect(third.unchanged).toEqual([]);
  for (const f of changed) expect(readFileSync(path.join(out, f.path), "utf8")).toBe(f.contents);
});

test("a previous file with other bytes than UTF-8 (latin1 é) is never taken for the same text", async () => {
  const out = path.join(dir, "latin1");
  await writeOutput(out, [{ path: "a.txt", contents: "caf\u00e9\n" }]);
  // On disk, the latin1 byte 0xE9 where the text's UTF-8 bytes are 0xC3 0xA9: other bytes, so written.
  writeFileSync(path.join(out, "a.txt"), Buffer.from("caf\u00e9\n", "latin1"));
  const result = await writeOutput(out, [{ path: "a.txt", contents: "caf\u00e9\n" }]);
  expect(result.written).toEqual(["a.txt"]);
  expect(readFileSync(path.join(out, "a.txt"), "utf8")).toBe("caf\u00e9\n");
});

test("empty files, and a file that became empty or stopped being empty, compare right", async () => {
  const out = path.join(dir, "empty");
  await writeOutput(out, [{ path: "a", contents: "" }, { path: "b", contents: "x" }]);
  expect(await writeOutput(out, [{ path: "a", contents: "" }, { path: "b", contents: "x" }])).toEqual({ written: [], unchanged: ["a", "b"], removed: [] });
  expect(await writeOutput(out, [{ path: "a", contents: "y" }, { path: "b", contents: "" }])).toEqual({ written: ["a", "b"], unchanged: [], removed: [] });
  expect(readFileSync(path.join(out, "a"), "utf8")).toBe("y");
  expect(readFileSync(path.join(out, "b"), "utf8")).toBe("");
});

test("a file held as UTF-8 bytes (print/moved-texts.ts) is written as them, and compared as them", async () => {
  const out = path.join(dir, "moved");
  const text = `// é ∀\n${"x".repeat(MOVED_TEXT_MIN_CHARS)}\n`;
  const moved = async (contents: string) => {
    const { packed, transfer } = packTexts({ path: "src/guards.ts", contents });
    expect(transfer.length).toBe(1);
    const file = unpackTexts(packed) as GeneratedFile;
    expect(textBytes(file, "contents")).toBeDefined();
    return file;
  };
  const first = await writeOutput(out, [await moved(text)]);
  expect(first.written).toEqual(["src/guards.ts"]);
  expect(readFileSync(path.join(out, "src/guards.ts"), "utf8")).toBe(text);
  const inode = statSync(path.join(out, "src/guards.ts")).ino;
  // The same bytes: linked, not written. One character other, at the same length in bytes: written.
  expect((await writeOutput(out, [await moved(text)])).unchanged).toEqual(["src/guards.ts"]);
  expect(statSync(path.join(out, "src/guards.ts")).ino).toBe(inode);
  const other = `${text.slice(0, -2)}y\n`;
  expect((await writeOutput(out, [await moved(other)])).written).toEqual(["src/guards.ts"]);
  expect(readFileSync(path.join(out, "src/guards.ts"), "utf8")).toBe(other);
  // One byte longer than the file: written.
  expect((await writeOutput(out, [await moved(`${other}z`)])).written).toEqual(["src/guards.ts"]);
});
