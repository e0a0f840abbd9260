/**
 * The benchmarks' one side-by-side measure: ops/s of two functions in alternating rounds (ours,
 * theirs, ours, ...), so that load from anything else on this shared machine hits both alike; the
 * median round of each.
 */
export interface SideBySideOptions {
  /** Calls of each side before measuring (the JIT's warm-up). */
  warmup?: number;
  rounds?: number;
  roundMs?: number;
  /** Calls between two clock reads. */
  batch?: number;
}

export function sideBySide(a: () => unknown, b: () => unknown, { warmup = 20_000, rounds = 9, roundMs = 150, batch = 500 }: SideBySideOptions = {}): [number, number] {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const samples: [number[], number[]] = [[], []];
  for (let r = 0; r < rounds; r++) {
    [a, b].forEach((fn, k) => {
      let ops = 0;
      const start = process.hrtime.bigint();
      const end = start + BigInt(roundMs * 1e6);
      let now = start;
      while (now < end) {
        for (let i = 0; i < batch; i++) fn();
        ops += batch;
        now = process.hrtime.bigint();
      }
      samples[k]!.push(ops / (Number(now - start) / 1e9));
    });
  }
  const median = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return [median(samples[0]), median(samples[1])];
}
