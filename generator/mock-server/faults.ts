/**
 * Fault injection for the mock server: which requests fail, and how. Deterministic for a seed: a
 * request's fate depends on the seed, its body and how often that exact body was seen before, not
 * on arrival order, so concurrent clients get the same faults on every run.
 */

/** `reset-before`: the connection is cut and nothing is stored; `reset-after`: stored, then cut (the client cannot know). */
export type FaultKind = "500" | "503" | "429" | "reset-before" | "reset-after" | "delay";

export const FAULT_KINDS: readonly FaultKind[] = ["500", "503", "429", "reset-before", "reset-after", "delay"];

/** A fault queued for the next request: one of the kinds, or an exact answer (status, body, headers). */
export type InjectedFault = FaultKind | { status: number; body?: unknown; headers?: Record<string, string> };

export interface FaultOptions {
  /** Share of requests that get a fault, 0..1 (default 0). */
  rate?: number;
  /** The kinds picked from, uniformly (default: all). */
  kinds?: readonly FaultKind[];
  /** Seed of the pseudo-random choice (default 1). */
  seed?: number;
  /** `Retry-After` of a 429, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** How long a `delay` fault holds the answer, in ms (default 200). */
  delayMs?: number;
}

/** Decides the fault of each request: queued faults first, then the seeded rate. */
export class FaultPlan {
  private readonly queue: InjectedFault[] = [];
  private readonly seen = new Map<number, number>();

  constructor(private options: FaultOptions = {}) {}

  /** New options; also forgets queued faults and the sequence, so a test starts clean. */
  configure(options: FaultOptions): void {
    this.options = options;
    this.seen.clear();
    this.queue.length = 0;
  }

  get settings(): Required<FaultOptions> {
    const o = this.options;
    return { rate: o.rate ?? 0, kinds: o.kinds ?? FAULT_KINDS, seed: o.seed ?? 1, retryAfterSeconds: o.retryAfterSeconds ?? 1, delayMs: o.delayMs ?? 200 };
  }

  /** Queues faults for the next requests, in order, before any random one. */
  inject(faults: readonly InjectedFault[]): void {
    this.queue.push(...faults);
  }

  /** The fault for a request with this body, or undefined. */
  next(body: string): InjectedFault | undefined {
    const queued = this.queue.shift();
    if (queued !== undefined) return queued;
    const { rate, kinds, seed } = this.settings;
    if (rate <= 0 || kinds.length === 0) return undefined;
    const hash = fnv1a(body);
    const count = this.seen.get(hash) ?? 0;
    this.seen.set(hash, count + 1);
    const random = mulberry32((seed ^ hash ^ Math.imul(count + 1, 0x9e3779b9)) >>> 0);
    if (random() >= rate) return undefined;
    return kinds[Math.floor(random() * kinds.length)];
  }
}

/** FNV-1a, 32 bits: a stable hash of a request body. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small seeded PRNG with uniform output in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
