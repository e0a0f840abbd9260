/**
 * The worker thread behind format-thread.ts: loads prettier as soon as it starts and formats
 * samples, so that by the time the main thread has loaded TypeScript and printed the modules,
 * prettier's code is loaded and warmed up. Then it formats what it is sent, in order.
 */
import { parentPort } from "node:worker_threads";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { templatesDir } from "../paths";
import { formatTypeScript } from "./format";

export interface FormatRequest {
  id: number;
  source: string;
  file: string;
}

export type FormatReply = { id: number; text: string } | { id: number; error: string };

/**
 * Warm-up text: runtime templates, real code of the shapes generated modules have. Formatting ~10 KB
 * before the first real module makes the real work about twice as fast (prettier's code is then
 * compiled and optimized), and the worker is otherwise idle while the main thread loads TypeScript.
 */
const WARM_UP_TEMPLATES = ["runtime/validation.ts", "runtime/checks.ts", "runtime/evaluated.ts"];

async function warmUp(): Promise<void> {
  for (const name of WARM_UP_TEMPLATES) {
    let text: string;
    try {
      text = readFileSync(path.join(templatesDir(), name), "utf8");
    } catch {
      continue;
    }
    await formatTypeScript(text, name);
  }
}

const port = parentPort;
if (port) {
  const warmed = warmUp().catch(() => undefined);
  port.on("message", (request: FormatRequest) => {
    void warmed
      .then(() => formatTypeScript(request.source, request.file))
      .then(
        (text) => port.postMessage({ id: request.id, text } satisfies FormatReply),
        (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies FormatReply),
      );
  });
}
