/**
 * The generated package's version and CHANGELOG.md, from what the schema change did to its API.
 *
 * The output keeps `koala-codegen.api.json`: the IR of every named type as of the last generation
 * (plus each schema's hash). The next generation compares its IR with it (release/diff-models.ts),
 * bumps the previous `package.json` version by the result and adds a CHANGELOG section. Everything
 * comes from the previous output's files, nothing from a clock, so a run is deterministic and a
 * second run changes nothing. `npm publish` leaves the snapshot out (the package's `files`).
 */
import type { IrModel, IrNamedType } from "../ir/model";
import { bumpFor, bumpVersion, diffModels, stripPaths, type ApiChange, type Bump } from "./diff-models";

export const SNAPSHOT_FILE = "koala-codegen.api.json";
export const CHANGELOG_FILE = "CHANGELOG.md";

/** The files of the previous output that a release needs (absent ones undefined). */
export interface PreviousOutput {
  packageJson?: string;
  snapshot?: string;
  changelog?: string;
}

export interface Release {
  version: string;
  /** What the API change calls for; `none` when there was no previous snapshot or nothing changed. */
  bump: Bump;
  changes: ApiChange[];
  /** koala-codegen.api.json and CHANGELOG.md. */
  files: { path: string; contents: string }[];
}

interface Snapshot {
  generator: string;
  schemas: { file?: string; root: string; sha256: string }[];
  types: { name: string; schema: unknown }[];
}

/** Version, changelog and snapshot for `model`, given the previous output. */
export function planRelease(options: {
  model: IrModel;
  packageName: string;
  generatorVersion: string;
  previous?: PreviousOutput;
  /** An explicit version (`packageVersion`): used as is. */
  version?: string;
}): Release {
  const { model, previous } = options;
  const previousVersion = readVersion(previous?.packageJson);
  const before = readSnapshot(previous?.snapshot);
  const changes = before ? diffModels({ types: before.types as IrNamedType[] }, { types: stripTypes(model.types) as IrNamedType[] }) : [];
  const bump = bumpFor(changes);
  const base = previousVersion ?? "0.1.0";
  const version = options.version ?? bumpVersion(base, bump);
  const schemas = (model.roots ?? [{ name: model.rootName, file: model.source.file, hash: model.source.hash }]).map((r) => ({
    // The base name: the same whichever folder generate runs from.
    file: r.file?.split(/[\\/]/).pop(),
    root: r.name,
    sha256: r.hash,
  }));

  let changelog = previous?.changelog ?? header(options.packageName);
  if (!changelog.includes(`\n## ${version}\n`)) {
    const section = version === base && !before ? firstSection(version, schemas) : changeSection(version, bump, changes, schemas);
    changelog = insertSection(changelog, section);
  }
  const snapshot: Snapshot = { generator: options.generatorVersion, schemas, types: stripTypes(model.types) };
  return {
    version,
    bump,
    changes,
    files: [
      // JSON leaves U+2028/U+2029 raw; escaped, no line separator from a schema reaches a file.
      { path: SNAPSHOT_FILE, contents: `${JSON.stringify(snapshot, null, 1).replace(/[\u2028\u2029]/g, (c) => escapeChar(c))}\n` },
      { path: CHANGELOG_FILE, contents: changelog },
    ],
  };
}

function header(packageName: string): string {
  return [
    "# Changelog",
    "",
    `Versions of ${packageName}, set by koala-codegen from what each schema change does to the API: breaking → major,`,
    "additive → minor, documentation only → patch (below 1.0.0 one step lower, as npm's `^` reads 0.x versions).",
    "",
  ].join("\n");
}

function firstSection(version: string, schemas: Snapshot["schemas"]): string {
  return [`## ${version}`, "", `First generated from ${schemaList(schemas)}.`, ""].join("\n");
}

function changeSection(version: string, bump: Bump, changes: readonly ApiChange[], schemas: Snapshot["schemas"]): string {
  const lines = [`## ${version}`, "", `From ${schemaList(schemas)}${bump === "none" ? " (no change to the API)" : ""}.`, ""];
  for (const [level, title] of [
    ["breaking", "Breaking"],
    ["additive", "Added"],
    ["patch", "Documentation"],
  ] as const) {
    const list = changes.filter((c) => c.level === level);
    if (list.length === 0) continue;
    lines.push(`### ${title}`, "", ...list.map((c) => `- \`${oneLine(c.at)}\`: ${oneLine(c.message)}`), "");
  }
  return lines.join("\n");
}

function schemaList(schemas: Snapshot["schemas"]): string {
  return schemas.map((s) => `${oneLine(s.file ?? "(schema)")} (sha256 ${s.sha256.slice(0, 12)})`).join(", ");
}

/** Schema text (property names, values, file names) on one line: control characters and line separators escaped. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u2028\u2029]/g, escapeChar);
}

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** Newest first: a new section goes before the first existing one. */
function insertSection(changelog: string, section: string): string {
  const at = changelog.search(/^## /m);
  if (at < 0) return `${changelog.replace(/\n*$/, "\n\n")}${section}`;
  return `${changelog.slice(0, at)}${section}\n${changelog.slice(at)}`;
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

function readSnapshot(text: string | undefined): Snapshot | undefined {
  if (!text) return undefined;
  try {
    const snapshot = JSON.parse(text) as Snapshot;
    return Array.isArray(snapshot.types) ? snapshot : undefined;
  } catch {
    // A damaged snapshot only costs the comparison: the next snapshot is written fresh.
    return undefined;
  }
}

/** Named types without `schemaPath`/`origin`: where a schema sits is not part of the API. */
function stripTypes(types: readonly IrNamedType[]): { name: string; schema: unknown }[] {
  return types.map((t) => ({ name: t.name, schema: stripPaths(t.schema) }));
}
