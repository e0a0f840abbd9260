/**
 * A real HTTP server on 127.0.0.1 for client tests: it records every request it receives (method,
 * URL as sent, headers, raw body) and answers from a queue of scripted responses (then a default).
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering (a timeout test). */
  delayMs?: number;
}

export interface RecordingServer {
  origin: string;
  port: number;
  received: Received[];
  /** Queues responses, answered in order; after them every request gets `fallback`. */
  respond(...responses: Scripted[]): void;
  /** Forgets what was received and queued. */
  reset(): void;
  close(): Promise<void>;
}

export async function startRecordingServer(fallback: Scripted = { status: 200 }): Promise<RecordingServer> {
  const received: Received[] = [];
  let queue: Scripted[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      const answer = queue.shift() ?? fallback;
      const send = (): void => {
        response.writeHead(answer.status, answer.headers ?? {});
        response.end(answer.body ?? "");
      };
      if (!answer.delayMs) return send();
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, answer.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    respond: (...responses) => queue.push(...responses),
    reset: () => {
      received.length = 0;
      queue = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json = (status: number, value: unknown, type = "application/json"): Scripted => ({ status, headers: { "content-type": type }, body: JSON.stringify(value) });
