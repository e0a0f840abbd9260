import { spawnSync } from "node:child_process";
import { CLI, REPO_ROOT } from "./paths";

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command as a real child process and returns its exit code and output. */
export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Run as another user (only root may): for permission tests, since root ignores permissions. */
  uid?: number;
  gid?: number;
  /** Milliseconds before the child is killed; default 120,000. */
  timeout?: number;
}

export function run(command: string, args: readonly string[], options: RunOptions = {}): RunResult {
  const result = spawnSync(command, args, {
    uid: options.uid,
    gid: options.gid,
    cwd: options.cwd ?? REPO_ROOT,
    // The CLI's prettier/TypeScript cache is off unless a test asks for it: a test must see what
    // this generator produces now, not what an earlier run left in node_modules/.cache.
    env: { ...process.env, NO_COLOR: "1", KOALA_CODEGEN_CACHE: "0", ...options.env },
    input: options.input,
    encoding: "utf8",
    timeout: options.timeout ?? 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the built CLI (`dist/generator/cli.js`, built by `npm test`) as a child process. */
export function runCli(args: readonly string[], options: RunOptions = {}): RunResult {
  return run(process.execPath, [CLI, ...args], options);
}
