/**
 * A log-bucketed latency histogram: constant memory, O(1) to record, mergeable, and percentiles within 0.5%.
 * Bucket i holds values in [MIN_MS * GROWTH^i, MIN_MS * GROWTH^(i+1)).
 */
const MIN_MS = 0.01;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = Math.ceil(Math.log(1e7 / MIN_MS) / LOG_GROWTH); // up to ~2.8 simulated hours

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;

  get count(): number {
    return this.total;
  }

  /** Records a latency in ms, standing for `weight` requests. */
  record(ms: number, weight = 1): void {
    const i = ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH));
    this.counts[i] = (this.counts[i] as number) + weight;
    this.total += weight;
  }

  /** Adds another histogram's counts to this one. */
  merge(other: LatencyHistogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i] = (this.counts[i] as number) + (other.counts[i] as number);
    this.total += other.total;
  }

  /** The q-quantile (0..1) in ms, or null when empty. */
  quantile(q: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i] as number;
      if (seen >= rank) return i === 0 ? 0 : MIN_MS * GROWTH ** (i + 0.5); // the first bucket holds zeros
    }
    return MIN_MS * GROWTH ** BUCKETS;
  }
}
