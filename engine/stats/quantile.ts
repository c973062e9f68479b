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

  /**
   * The q-quantile (0..1) of what was pushed since the last clear, by the nearest-rank method (what `nearestRank`
   * of the sorted values gives), or NaN when empty. Selects in linear time and reorders the buffer.
   */
  nearestRank(q: number): number {
    if (this.count === 0) return Number.NaN;
    return select(this.values, this.count, Math.max(1, Math.ceil(q * this.count)) - 1);
  }

  clear(): void {
    this.count = 0;
  }
}

/**
 * The k-th smallest (0-based) of `values[0..count)`, reordering them in place (Hoare's quickselect with a
 * median-of-three pivot: linear on average, deterministic).
 */
export function select(values: Float64Array, count: number, k: number): number {
  let lo = 0;
  let hi = count - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as pivot, which also guards both scans.
    if ((values[mid] as number) < (values[lo] as number)) swap(values, mid, lo);
    if ((values[hi] as number) < (values[lo] as number)) swap(values, hi, lo);
    if ((values[hi] as number) < (values[mid] as number)) swap(values, hi, mid);
    const pivot = values[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    // [lo, j] <= pivot <= [i, hi], and anything between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k] as number;
  }
  return values[k] as number;
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a] as number;
  values[a] = values[b] as number;
  values[b] = t;
}
