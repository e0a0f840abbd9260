/**
 * The generated package's version and CHANGELOG.md, measured from the last *release*, not the last run.
 *
 * The output keeps `koala-codegen.api.json`: the released API (the IR of every named type, plus each
 * schema's hash) with its version, and the pending one when the API has changed since. Each
 * generation compares its IR with the released API (release/diff-models.ts): the version is one
 * step from the released one by the largest change since (breaking > additive > documentation), and
 * CHANGELOG.md has one "(unreleased)" section listing every change since, rewritten on every run.
 * So twenty saves give the same output as one, and an edit reverted gives back the released output.
 * A release (`koala-codegen release`, `generate --release`) makes the pending API the released one;
 * a version set by hand in the generated package.json is taken as released too. Everything comes
 * from the previous output's files, nothing from a clock. `npm publish` leaves the snapshot out.
 */
import type { IrModel, IrNamedType } from "../ir/model";
import { bumpFor, bumpVersion, stripPaths, type ApiChange, type Bump } from "./diff-models";
import { diffApi, type OperationRecord } from "./diff-operations";

export const SNAPSHOT_FILE = "koala-codegen.api.json";
export const CHANGELOG_FILE = "CHANGELOG.md";

/**
 * A new package's first version. Its first output is *pending* 0.1.0, with nothing released: no one
 * can depend on an API before it is released, so edits before the first release do not step the
 * version; whatever the API is when first released, that is 0.1.0.
 */
const FIRST_VERSION = "0.1.0";

/** The files of the previous output that a release needs (absent ones undefined). */
export interface PreviousOutput {
  packageJson?: string;
  /**
   * koala-codegen.api.json: its text, or its UTF-8 bytes. The CLI reads the bytes into memory
   * that threads share (release/previous.ts), so that the release planned on the other thread
   * (print/offload.ts) gets stripe's 5 MB snapshot without a copy: posted as text, its structured
   * clone took the main thread ~0.025 s on the run's critical path.
   */
  snapshot?: string | Uint8Array;
  changelog?: string;
}

export interface Release {
  /** The output's version: the released one, or the pending one when the API changed since. */
  version: string;
  /** The released version that `bump` and `changes` are measured from; undefined before the first release. */
  since?: string;
  /** Whether `version` is not released yet. */
  pending: boolean;
  /** Whether this run released `version` (the `release` option, with something to release). */
  releasedNow: boolean;
  /** The step from the previously released version; `none` when nothing changed or nothing was released. */
  bump: Bump;
  /** Every API change since the previously released API. */
  changes: ApiChange[];
  /** A version set by hand, taken as released. */
  warnings: string[];
  /** koala-codegen.api.json and CHANGELOG.md, built on first read (they alone need the schemas' hashes). */
  readonly files: { path: string; contents: string }[];
}

/**
 * A schema of the package: a JSON Schema's `root` type, or an OpenAPI document's `api` (its name,
 * which names the client: the document has no root type, so no type of the record stands for it).
 */
type SchemaRecord = { file?: string; root?: string; api?: string; sha256: string };
/** A named type as the snapshot keeps it: the IR without `schemaPath`s (see stripTypes). */
type TypeRecord = Pick<IrNamedType, "name" | "schema">;

/** An API as the snapshot keeps it, with its version. */
interface ApiRecord {
  version: string;
  schemas: SchemaRecord[];
  types: TypeRecord[];
  /** An OpenAPI input's operations (diff-operations.ts). */
  operations?: OperationRecord[];
  /** An OpenAPI input's webhooks and callbacks (diff-operations.ts's webhookRecords). */
  webhooks?: OperationRecord[];
}

interface Snapshot {
  generator: string;
  /** The last release; null before the first. */
  released: ApiRecord | null;
  /** The output's API and version when it differs from the release; null when nothing is pending. */
  pending: ApiRecord | null;
}

/** What the previous output says about releases. */
export interface History {
  released?: ApiRecord;
  /** The previous output's own API and version (its snapshot's pending, else released). */
  output?: ApiRecord;
  /** The previous package.json's version. */
  packageVersion?: string;
}

/** Version, changelog and snapshot for `model`, given the previous output. */
export function planRelease(options: {
  model: IrModel;
  packageName: string;
  generatorVersion: string;
  previous?: PreviousOutput;
  /** An explicit version (`packageVersion`): used as is for the output. */
  version?: string;
  /** Mark this output's API as released at its version. */
  release?: boolean;
  /** The operations of OpenAPI inputs (none: no operation is recorded or compared). */
  operations?: OperationRecord[];
  /** Their webhooks and callbacks (recorded and compared with the operations). */
  webhooks?: OperationRecord[];
  /** readHistory(previous), when it was read already (print/offload.ts: the other thread reads a large snapshot while it waits for the model). */
  history?: History;
}): Release {
  const { model, previous } = options;
  // What the diff reads (types, operations) now; the schemas (file names and hashes) only when the
  // files are built: hashing stripe's document is ~0.05 s that generate() can leave for when it
  // waits for esbuild (Release.files is built on first read).
  const types = stripTypes(model.types);
  const compared = { types, ...(options.operations && { operations: options.operations, webhooks: options.webhooks ?? [] }) };
  const currentAt = (version: string): ApiRecord => ({ version, schemas: schemaRecords(model), ...compared });
  const history = options.history ?? readHistory(previous);
  const warnings: string[] = [];
  let released = history.released;
  // Each step of the changelog, applied in order when the files are built.
  const edits: ((changelog: string) => string)[] = [];

  // package.json's version is not the one koala-codegen wrote: someone set it (say, to publish a
  // 1.0.0). That version is the released one, with the API the previous output had.
  const { output, packageVersion } = history;
  if (output && packageVersion !== undefined && packageVersion !== output.version) {
    warnings.push(`package.json: version ${packageVersion} was set by hand (koala-codegen had set ${output.version}); it is taken as the released version`);
    const before = released;
    edits.push((changelog) => insertSection(changelog, section(packageVersion, before, output, "by hand")));
    released = { ...output, version: packageVersion };
  }

  const changes = released ? diffApis(released, compared, apiNames(model)) : [];
  const bump = bumpFor(changes);
  const since = released?.version;
  // No snapshot but a package.json (an output from elsewhere, or the snapshot deleted): keep its version.
  const version = options.version ?? (released ? bumpVersion(released.version, bump) : (packageVersion ?? FIRST_VERSION));
  let pending = !released || version !== released.version || bump !== "none";
  const releasedNow = options.release === true && pending;
  if (pending) {
    const before = released;
    edits.push((changelog) => insertSection(changelog, section(version, before, currentAt(version), releasedNow ? "released" : "unreleased")));
  }
  // The API released when the files are built: this run's own when it releases.
  const releasedApi = releasedNow ? () => currentAt(version) : ((api) => () => api)(released);
  if (releasedNow) pending = false;
  const pendingApi = pending;

  let files: Release["files"] | undefined;
  const build = (): Release["files"] => {
    const changelog = edits.reduce((text, edit) => edit(text), withoutPending(previous?.changelog ?? header(options.packageName)));
    const snapshot: Snapshot = { generator: options.generatorVersion, released: releasedApi() ?? null, pending: pendingApi ? currentAt(version) : null };
    return [
      // JSON leaves U+2028/U+2029 raw; escaped, no line separator from a schema reaches a file.
      { path: SNAPSHOT_FILE, contents: `${withoutLineSeparators(JSON.stringify(snapshot, null, 1))}\n` },
      { path: CHANGELOG_FILE, contents: changelog },
    ];
  };
  return {
    version,
    since,
    pending,
    releasedNow,
    bump,
    changes,
    warnings,
    get files() {
      return (files ??= build());
    },
  };
}

/**
 * JSON's text with U+2028/U+2029 escaped. Searched for first: a text of one-byte characters (most
 * snapshots, 5 MB on stripe's document) cannot hold them, which `includes` answers at once, where
 * the replacement scanned it all (~3 ms).
 */
function withoutLineSeparators(json: string): string {
  return json.includes("\u2028") || json.includes("\u2029") ? json.replace(/[\u2028\u2029]/g, (c) => escapeChar(c)) : json;
}

function header(packageName: string): string {
  return [
    "# Changelog",
    "",
    `Versions of ${packageName}, set by koala-codegen from what the schema changes since the last release do to the API:`,
    "breaking → major, additive → minor, documentation only → patch (below 1.0.0 one step lower, as npm's `^` reads 0.x",
    "versions). The \"(unreleased)\" section is rewritten on every generation; `koala-codegen release` makes it final.",
    "",
  ].join("\n");
}

/**
 * The section of `version`: every change from the `since` release to `api`. `by hand`: a version
 * set in package.json; `unreleased`: the pending section, replaced on the next run.
 */
function section(version: string, since: ApiRecord | undefined, api: ApiRecord, kind: "released" | "unreleased" | "by hand"): string {
  const title = `## ${version}${kind === "unreleased" ? " (unreleased)" : ""}`;
  const note = kind === "by hand" ? " Version set by hand in package.json." : "";
  if (!since) return [title, "", `First generated from ${schemaList(api.schemas)}.${note}`, ""].join("\n");
  const changes = diffApis(since, api, new Set(api.schemas.flatMap((s) => (s.api === undefined ? [] : [s.api]))));
  const lines = [title, "", `From ${schemaList(api.schemas)}; ${changes.length === 0 ? "no change to the API" : "changes"} since ${since.version}.${note}`, ""];
  for (const [level, heading] of [
    ["breaking", "Breaking"],
    ["additive", "Added"],
    ["patch", "Documentation"],
  ] as const) {
    const list = changes.filter((c) => c.level === level);
    if (list.length === 0) continue;
    lines.push(`### ${heading}`, "", ...list.map((c) => `- \`${oneLine(c.at)}\`: ${oneLine(c.message)}`), "");
  }
  return lines.join("\n");
}

/**
 * The snapshot's types are the IR's named types without their paths, which diffModels does not read.
 * `apis`: the names of the current OpenAPI documents' APIs. An output from before they had no root
 * type recorded one under the API's name, typed `unknown`: its removal is said for what it is.
 */
function diffApis(before: Pick<ApiRecord, "types" | "operations" | "webhooks" | "schemas">, after: Pick<ApiRecord, "types" | "operations" | "webhooks">, apis: ReadonlySet<string>): ApiChange[] {
  const changes = diffApi({ types: before.types as IrNamedType[], operations: before.operations, webhooks: before.webhooks }, { types: after.types as IrNamedType[], operations: after.operations, webhooks: after.webhooks });
  const formerRoots = new Set(before.schemas.flatMap((s) => (s.root !== undefined && apis.has(s.root) ? [s.root] : [])));
  if (formerRoots.size === 0) return changes;
  return changes.map((c) =>
    formerRoots.has(c.at) && c.message === "type removed" && before.types.some((t) => t.name === c.at && t.schema === true)
      ? { ...c, message: "type removed: it stood for the OpenAPI document itself, `unknown` (its guards accepted any value); an OpenAPI document has no root type" }
      : c,
  );
}

/** The names of the model's schemas that have no root type (OpenAPI documents' APIs). */
function apiNames(model: IrModel): Set<string> {
  if (!model.roots) return new Set(model.rootType === undefined ? [model.rootName] : []);
  return new Set(model.roots.flatMap((r) => (r.type === undefined ? [r.name] : [])));
}

function schemaList(schemas: readonly SchemaRecord[]): string {
  return schemas.map((s) => `${oneLine(s.file ?? "(schema)")} (sha256 ${s.sha256.slice(0, 12)})`).join(", ");
}

/** Schema text (property names, values, file names) on one line: control characters and line separators escaped. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u2028\u2029]/g, escapeChar);
}

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** Newest first: a new section goes before the first existing one (none if that version has one already). */
function insertSection(changelog: string, section: string): string {
  const title = section.slice(0, section.indexOf("\n"));
  if (changelog.split("\n").includes(title)) return changelog;
  const at = changelog.search(/^## /m);
  if (at < 0) return `${changelog.replace(/\n*$/, "\n\n")}${section}`;
  return `${changelog.slice(0, at)}${section}\n${changelog.slice(at)}`;
}

/** The changelog without its "(unreleased)" section: the earlier releases' sections stay as they are. */
function withoutPending(changelog: string): string {
  const start = changelog.search(/^## \S+ \(unreleased\)$/m);
  if (start < 0) return changelog;
  const next = changelog.slice(start + 1).search(/^## /m);
  return next < 0 ? changelog.slice(0, start) : changelog.slice(0, start) + changelog.slice(start + 1 + next);
}

function schemaRecords(model: IrModel): SchemaRecord[] {
  return (model.roots ?? [{ name: model.rootName, type: model.rootType, file: model.source.file, hash: model.source.hash }]).map((r) => ({
    // The base name: the same whichever folder generate runs from.
    file: r.file?.split(/[\\/]/).pop(),
    ...(r.type !== undefined ? { root: r.type } : { api: r.name }),
    sha256: r.hash,
  }));
}

/** What the previous output says about releases: its snapshot parsed (stripe's: 5 MB, ~0.035 s), its version. */
export function readHistory(previous: PreviousOutput | undefined): History {
  const packageVersion = readVersion(previous?.packageJson);
  const snapshot = readSnapshot(previous?.snapshot);
  if (!snapshot) return { packageVersion };
  if (!("released" in snapshot)) {
    // The format before releases ({ generator, schemas, types }: the API of the last run): that API
    // is taken as released at the package's version, so an existing output keeps its version.
    const old = snapshot as unknown as { schemas?: SchemaRecord[]; types: TypeRecord[] };
    if (packageVersion === undefined) return {};
    return { released: { version: packageVersion, schemas: old.schemas ?? [], types: old.types }, packageVersion };
  }
  const released = isApiRecord(snapshot.released) ? snapshot.released : undefined;
  const output = isApiRecord(snapshot.pending) ? snapshot.pending : released;
  return { released, output, packageVersion };
}

function isApiRecord(value: unknown): value is ApiRecord {
  const record = value as ApiRecord | null | undefined;
  return typeof record?.version === "string" && Array.isArray(record.types) && Array.isArray(record.schemas);
}

function readVersion(packageJson: string | undefined): string | undefined {
  if (!packageJson) return undefined;
  try {
    const version = (JSON.parse(packageJson) as { version?: unknown }).version;
    return typeof version === "string" && /^\d+\.\d+\.\d+/.test(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

/** Either format (see readHistory); undefined when damaged, which only costs the comparison. */
function readSnapshot(textOrBytes: string | Uint8Array | undefined): Snapshot | undefined {
  if (!textOrBytes || textOrBytes.length === 0) return undefined;
  // Buffer decodes a view of a SharedArrayBuffer (TextDecoder may refuse one), as readFile(…, "utf8") did the file: a BOM kept, bad bytes U+FFFD.
  const text = typeof textOrBytes === "string" ? textOrBytes : Buffer.from(textOrBytes.buffer, textOrBytes.byteOffset, textOrBytes.byteLength).toString("utf8");
  try {
    const snapshot = JSON.parse(text) as Snapshot | { types?: unknown };
    if (snapshot === null || typeof snapshot !== "object") return undefined;
    return "released" in snapshot || Array.isArray(snapshot.types) ? (snapshot as Snapshot) : undefined;
  } catch {
    return undefined;
  }
}

/** Named types without `schemaPath`/`origin`: where a schema sits is not part of the API. */
function stripTypes(types: readonly IrNamedType[]): TypeRecord[] {
  return types.map((t) => ({ name: t.name, schema: stripPaths(t.schema) as IrNamedType["schema"] }));
}
