/** One file of the output package: what generate() returns and write/ puts on disk. */
export interface GeneratedFile {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  contents: string;
}
