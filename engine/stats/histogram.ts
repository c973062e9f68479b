/**
 * A log-bucketed latency histogram: O(1) to record, mergeable, and percentiles within 0.5%.
 * Bucket i holds values in [MIN_MS * GROWTH^i, MIN_MS * GROWTH^(i+1)).
 *
 * Memory is paged: buckets live in pages of PAGE buckets, allocated the first time a value falls in them. A
 * replication link's lags or a population's latencies span a factor of a few, so a histogram holds 1-4 pages
 * (0.5-2 KB) instead of all 2,084 buckets (16.7 KB): what lets a 100-region run keep a histogram per link.
 */
const MIN_MS = 0.01;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = Math.ceil(Math.log(1e7 / MIN_MS) / LOG_GROWTH); // up to ~2.8 simulated hours
/** Buckets per page: a factor of 1.01^64 = 1.89 in latency. */
const PAGE_BITS = 6;
const PAGE = 1 << PAGE_BITS;
const PAGES = Math.ceil(BUCKETS / PAGE);

/** The bucket of a latency in ms. */
function bucketOf(ms: number): number {
  return ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH));
}

export class LatencyHistogram {
  private readonly pages: (Float64Array | undefined)[] = Array.from({ length: PAGES }, () => undefined);
  private total = 0;

  get count(): number {
    return this.total;
  }

  /** Records a latency in ms, standing for `weight` requests. */
  record(ms: number, weight = 1): void {
    const i = bucketOf(ms);
    const p = i >> PAGE_BITS;
    const page = this.pages[p] ?? (this.pages[p] = new Float64Array(PAGE));
    page[i & (PAGE - 1)] = (page[i & (PAGE - 1)] as number) + weight;
    this.total += weight;
  }

  /** Adds another histogram's counts to this one. */
  merge(other: LatencyHistogram): void {
    for (let p = 0; p < PAGES; p++) {
      const theirs = other.pages[p];
      if (!theirs) continue;
      const mine = this.pages[p] ?? (this.pages[p] = new Float64Array(PAGE));
      for (let i = 0; i < PAGE; i++) mine[i] = (mine[i] as number) + (theirs[i] as number);
    }
    this.total += other.total;
  }

  /** The q-quantile (0..1) in ms, or null when empty. */
  quantile(q: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let p = 0; p < PAGES; p++) {
      const page = this.pages[p];
      if (!page) continue;
      for (let j = 0; j < PAGE; j++) {
        seen += page[j] as number;
        if (seen >= rank) {
          const i = p * PAGE + j;
          return i === 0 ? 0 : MIN_MS * GROWTH ** (i + 0.5); // the first bucket holds zeros
        }
      }
    }
    return MIN_MS * GROWTH ** BUCKETS;
  }
}
