/** The generator's own version, as written into every file header. Read once from package.json. */
import { readFileSync } from "node:fs";
import { findPackageRoot } from "./paths";

export const GENERATOR_VERSION: string = (JSON.parse(readFileSync(`${findPackageRoot()}/package.json`, "utf8")) as { version: string }).version;
