/**
 * `generate --watch`: regenerate whenever the config or a schema changes. An error is printed and
 * the watch goes on; the next save tries again. Folders are watched rather than files, because
 * editors save by writing a new file and renaming it over the old one, which ends a file watch.
 * Each run measures the version from the last release (release/release.ts), so many saves make one
 * version step and one CHANGELOG entry, not one per save.
 */
import { watch, type FSWatcher } from "node:fs";
import * as path from "node:path";
import { errorLines, isCodegenError } from "../errors";
import { planGenerate, runOnce, type GenerateArgs } from "./generate";
import { paint } from "./output";

/** Watches until the process is stopped (SIGINT/SIGTERM); resolves with exit code 0 then. */
export async function watchGenerate(args: GenerateArgs, cwd: string = process.cwd()): Promise<number> {
  let watchers: FSWatcher[] = [];
  let watched = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let reached: string[] = [];

  const report = (error: unknown): void => {
    const lines = isCodegenError(error) ? errorLines(error) : [`internal error: ${error instanceof Error ? error.message : String(error)}`];
    for (const line of lines) process.stderr.write(`${paint.red("koala-codegen:", process.stderr)} ${line}\n`);
  };

  const rewatch = (files: string[]): void => {
    const next = new Set(files.map((f) => path.resolve(cwd, f)));
    if (next.size === watched.size && [...next].every((f) => watched.has(f))) return;
    for (const w of watchers) w.close();
    watched = next;
    const folders = [...new Set([...watched].map((f) => path.dirname(f)))];
    watchers = folders.map((folder) =>
      watch(folder, (_event, name) => {
        if (name && watched.has(path.join(folder, name.toString()))) schedule();
      }),
    );
  };

  const cycle = async (): Promise<void> => {
    let plan;
    try {
      plan = await planGenerate({ ...args, watch: false }, cwd);
      const known = plan.inputs;
      rewatch([...known, ...reached]);
      // Also every file the schemas' `$ref`s reached (known after a successful load).
      await runOnce({ ...args, watch: false }, plan, (result) => {
        reached = result.inputs;
        rewatch([...known, ...reached]);
      });
    } catch (error) {
      report(error);
      // Keep following what we know of, plus the config, so a fix is picked up.
      if (!plan && watched.size === 0) rewatch(fallbackInputs(args, cwd));
    }
  };

  // Several events arrive for one save; one regeneration after they settle.
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(cycle);
    }, 50);
  };

  await cycle();
  process.stdout.write(`watching ${watched.size} file${watched.size === 1 ? "" : "s"} for changes (Ctrl-C to stop)\n`);
  return new Promise((resolve) => {
    const stop = (): void => {
      for (const w of watchers) w.close();
      if (timer) clearTimeout(timer);
      void running.then(() => resolve(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

function fallbackInputs(args: GenerateArgs, cwd: string): string[] {
  return [path.resolve(cwd, args.config ?? "koala-codegen.config.json"), ...(args.schema ? [path.resolve(cwd, args.schema)] : [])];
}
