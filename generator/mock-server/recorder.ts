/**
 * What the mock server received, for tests to inspect (`received()`, `GET /__mock/received`):
 * accepted requests in order, and the items of their arrays with those whose idempotency key
 * (the operation's `x-idempotency-key`) was accepted before counted as duplicates instead.
 */

export interface ReceivedRequest {
  method: string;
  /** As received, percent-encoding kept: "/web/projects/pk%2F1/batch". */
  path: string;
  /** The operation's name (its operationId in camelCase, or method + path). */
  operation: string;
  /** The query string without "?" ("" when none). */
  query: string;
  /** "" when the request had none. */
  userAgent: string;
  /** The parsed JSON body (or the text of another media type; undefined without a body). */
  body: unknown;
}

export interface ReceivedItem {
  /** The array it came in ("events", "page_views", ...). */
  array: string;
  item: Record<string, unknown>;
}

export interface Received {
  /** Accepted requests, in order. */
  requests: ReceivedRequest[];
  /** Accepted array items, duplicates (same idempotency key) removed. */
  items: ReceivedItem[];
  /** Items dropped because their key had been accepted before. */
  duplicates: number;
  /** Requests answered with success but not stored (`dropWithoutHeader`). */
  dropped: number;
  /** Requests answered 400 (parameters or body refused by their guards). */
  invalid: number;
  /** Faults injected, by kind. */
  faults: Record<string, number>;
}

export class Recorder {
  private state = Recorder.empty();
  private keys = new Set<string>();

  private static empty(): Received {
    return { requests: [], items: [], duplicates: 0, dropped: 0, invalid: 0, faults: {} };
  }

  reset(): void {
    this.state = Recorder.empty();
    this.keys = new Set();
  }

  snapshot(): Received {
    return structuredClone(this.state);
  }

  requests(): ReceivedRequest[] {
    return structuredClone(this.state.requests);
  }

  fault(name: string): void {
    this.state.faults[name] = (this.state.faults[name] ?? 0) + 1;
  }

  dropped(): void {
    this.state.dropped++;
  }

  invalid(): void {
    this.state.invalid++;
  }

  /** Stores a valid request; array items with an already-accepted key are counted as duplicates instead. */
  accept(request: ReceivedRequest, idempotencyKey: string | undefined): void {
    this.state.requests.push(request);
    const body = request.body;
    if (typeof body !== "object" || body === null || Array.isArray(body)) return;
    for (const [array, items] of Object.entries(body)) {
      if (!Array.isArray(items)) continue;
      for (const item of items as unknown[]) {
        if (typeof item !== "object" || item === null) continue;
        const id = idempotencyKey === undefined ? undefined : (item as Record<string, unknown>)[idempotencyKey];
        if (typeof id === "string") {
          if (this.keys.has(id)) {
            this.state.duplicates++;
            continue;
          }
          this.keys.add(id);
        }
        this.state.items.push({ array, item: item as Record<string, unknown> });
      }
    }
  }
}
