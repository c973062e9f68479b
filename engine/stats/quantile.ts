/** Sorts `values[0..count)` in place and returns that sorted view. The caller owns the buffer. */
export function sortPrefix(values: Float64Array, count: number): Float64Array {
  const prefix = values.subarray(0, count);
  return count > 1 ? prefix.sort() : prefix;
}

/** The q-quantile (0..1) of sorted values by the nearest-rank method, or NaN when there are none. */
export function nearestRank(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
}

/** A growable buffer of numbers, reused window after window without allocating. */
export class SampleBuffer {
  values = new Float64Array(64);
  count = 0;

  push(value: number): void {
    if (this.count === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.count++] = value;
  }

  /** Sorts what was pushed since the last clear and returns the sorted view (valid until the next push). */
  sorted(): Float64Array {
    return sortPrefix(this.values, this.count);
  }

  clear(): void {
    this.count = 0;
  }
}
