import * as path from "node:path";
import type * as FormatThreadModule from "../../generator/print/format-thread";
import { REPO_ROOT } from "./paths";

/** The CLI's worker thread as the CLI runs it: compiled (dist/), a real worker. */
export const { startFormatThread } = require(path.join(REPO_ROOT, "dist", "generator", "print", "format-thread.js")) as typeof FormatThreadModule;

/** That thread, started before the file's tests and closed after them: the returned function gives it. */
export function useFormatThread(): () => FormatThreadModule.FormatThread {
  let thread: FormatThreadModule.FormatThread | undefined;
  beforeAll(() => {
    const started = startFormatThread();
    if (!started) throw new Error("dist/generator/print/format-worker.js is missing: run npm run build");
    thread = started;
  });
  afterAll(async () => {
    await thread?.close();
  });
  return () => thread!;
}
