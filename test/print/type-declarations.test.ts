/**
 * The types module's declarations are printed with ts-morph's writer, code-block-writer, without
 * ts-morph (print/type-declarations.ts). They must be exactly the text ts-morph's printStructure
 * gives for the same structures: checked on the
 * types of the Koala schemas, the JSON Schema fixtures, every OpenAPI fixture and reference
 * document, and on generated declarations whose texts hold what moves its writer's state (quotes,
 * escapes, back ticks, comments, slashes, line breaks).
 */
import { readdirSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { printStructure, StructureKind, type StatementStructures, type WriterFunction } from "ts-morph";
import { generate } from "../../generator/pipeline/generate";
import { typeDeclarations } from "../../generator/emit/types";
import { printTypeDeclarations, type TypeDeclaration } from "../../generator/print/type-declarations";
import { joinTextStatements, separateDeclarations } from "../../generator/print/print-module";
import { docComment, docText, literal } from "../../generator/emit/code";
import { REPO_ROOT } from "../helpers/paths";
import { parseDocument, SHARED_OPENAPI, sharedDocuments } from "../helpers/openapi";

/** The declarations as ts-morph structures, printed as print-module.ts printed them: a blank line between. */
function byTsMorph(declarations: readonly TypeDeclaration[]): string {
  const blankLine: WriterFunction = (writer) => writer.blankLineIfLastNot();
  const statements = declarations.flatMap((d, i): (StatementStructures | WriterFunction)[] => {
    const docs = d.docs === undefined ? [] : [d.docs];
    const structure: StatementStructures =
      d.kind === "alias"
        ? { kind: StructureKind.TypeAlias, name: d.name, isExported: true, docs, type: d.type }
        : {
            kind: StructureKind.Interface,
            name: d.name,
            isExported: true,
            docs,
            properties: d.properties.map((p) => ({ kind: StructureKind.PropertySignature, name: p.name, type: p.type, hasQuestionToken: p.optional, docs: p.docs === undefined ? [] : [p.docs] })),
            indexSignatures: d.index === undefined ? [] : [{ keyName: "key", keyType: "string", returnType: d.index }],
          };
    return i > 0 ? [blankLine, structure] : [structure];
  });
  return printStructure({ kind: StructureKind.SourceFile, statements });
}

/** The types module's text statement (emit/types.ts's typeStatements), joined as print-module.ts joins a module's. */
const byUs = (declarations: readonly TypeDeclaration[]): string => joinTextStatements(separateDeclarations([printTypeDeclarations(declarations)]));

const fixture = (...parts: string[]): string => path.join(REPO_ROOT, "test", "fixtures", ...parts);
const filesIn = (dir: string): string[] => readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f)).sort().map((f) => path.join(dir, f));
const SCHEMAS = [
  path.join(REPO_ROOT, "schemas", "koala-profile-batch-request.schema.json"),
  path.join(REPO_ROOT, "schemas", "koala-account-batch-request.schema.json"),
  path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml"),
  fixture("drafts", "draft-07.schema.json"),
  fixture("names", "weird-names.schema.json"),
  ...filesIn(fixture("hostile")),
  ...filesIn(fixture("openapi")),
  ...sharedDocuments("3.0/examples"),
  // Three of pass/ are refused (test/e2e/cli-openapi.test.ts says why): no types to print.
  ...sharedDocuments("3.1/pass").filter((f) => !["operation-object-example.yaml", "parameter-object-examples.yaml", "security-scheme-object-examples.yaml"].includes(path.basename(f))),
];

/** Each document's types, generated once for the tests below. */
const declarationsOf = new Map<string, Promise<TypeDeclaration[]>>();
beforeAll(() => {
  for (const schema of SCHEMAS) declarationsOf.set(schema, typesOf(schema));
  for (const declarations of declarationsOf.values()) declarations.catch(() => undefined);
});

async function typesOf(schema: string): Promise<TypeDeclaration[]> {
  // A YAML document parsed here: as a file, it would need the ESM-only reference parser, which
  // jest cannot load. `cwd`: where its references to other files are read from.
  const input = /\.ya?ml$/.test(schema) ? await parseDocument(schema) : schema;
  const { model } = await generate({ schema: input, cwd: path.dirname(schema), emit: ["types"], build: false, format: false });
  return typeDeclarations(model.types);
}

test.each(SCHEMAS.map((s) => [path.relative(path.dirname(REPO_ROOT), s), s]))("%s: the types print as ts-morph prints them", async (_, schema) => {
  const declarations = await declarationsOf.get(schema)!;
  expect(byUs(declarations)).toBe(byTsMorph(declarations));
});

test("those documents have types to print: the reference documents, and hundreds of declarations in all", async () => {
  expect(SCHEMAS.filter((s) => s.startsWith(SHARED_OPENAPI)).length).toBeGreaterThanOrEqual(38);
  const all = (await Promise.all(declarationsOf.values())).flat();
  expect(all.filter((d) => d.kind === "interface").length).toBeGreaterThan(300);
  expect(all.filter((d) => d.kind === "alias").length).toBeGreaterThan(300);
  // Texts of several lines, where the writer's indenting shows: doc comments, and object types with documented members.
  const texts = all.flatMap((d) => [d.docs, ...(d.kind === "alias" ? [d.type] : [d.index, ...d.properties.flatMap((p) => [p.docs, p.type])])]);
  expect(texts.filter((t) => t?.includes("\n")).length).toBeGreaterThan(60);
});

/** Fixed, printed: a failure can be rerun with it. */
const SEED = 20261205;

test(`generated declarations print as ts-morph prints them (seed ${SEED})`, () => {
  console.log(`type declarations against ts-morph: fast-check seed ${SEED}`);
  // Texts as the types emitter makes them (emit/code.ts): doc comments through docText, string
  // literal types as JSON, inline doc comments in object types; with what moves code-block-writer's
  // state in them: quotes, escapes, back ticks, template heads, comment marks, slashes, line breaks.
  const raw = fc.array(fc.constantFrom('"', "'", "`", "\\", "${", "}", "{", "/", "//", "/*", "*/", "*", "\n", "\r\n", "\r", " ", "a", "$", "\u2028"), { maxLength: 8 }).map((pieces) => pieces.join(""));
  const docs = fc.option(raw.map(docText).filter((t) => t !== ""), { nil: undefined });
  const typePiece = fc.oneof(
    raw.map((t) => literal(t).text),
    fc.constantFrom("string", "number[]", "{ a: string; }", "Record<string, never>", " | ", " & ", "(", ")"),
    raw.map((t) => `{ ${docComment([t]).text}\na?: string; }`),
    raw.map((t) => `{\n${docComment([t, "@minimum 1"]).text}\n"x-y": 1; }`),
  );
  const type = fc.array(typePiece, { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join("")).filter((t) => t.trim() !== "");
  const property = fc.record({ name: fc.constantFrom("a", '"b-c"', "d"), type, optional: fc.boolean(), docs });
  const declaration: fc.Arbitrary<TypeDeclaration> = fc.oneof(
    fc.record({ kind: fc.constant("alias" as const), name: fc.constantFrom("A", "B"), docs, type }),
    fc.record({ kind: fc.constant("interface" as const), name: fc.constantFrom("I", "J"), docs, properties: fc.array(property, { maxLength: 3 }), index: fc.option(type, { nil: undefined }) }),
  );
  fc.assert(
    fc.property(fc.array(declaration, { minLength: 1, maxLength: 4 }), (declarations) => {
      expect(byUs(declarations)).toBe(byTsMorph(declarations));
    }),
    { numRuns: 3000, seed: SEED },
  );
});
