/**
 * A log-bucketed latency histogram: O(1) to record, mergeable, and percentiles within 0.5%.
 * Bucket i holds values in [MIN_MS * GROWTH^i, MIN_MS * GROWTH^(i+1)), found from the value's bits and a table
 * (no logarithm per sample: this runs for every sampled request and every replicated write).
 *
 * Memory is paged: buckets live in pages of PAGE buckets, allocated the first time a value falls in them. A
 * replication link's lags or a population's latencies span a factor of a few, so a histogram holds 1-4 pages
 * (0.5-2 KB) instead of all 2,084 buckets (16.7 KB): what lets a 100-region run keep a histogram per link.
 */
import { exp, log } from '../math/index.ts';
import { fromWords, highWord } from '../math/words.ts';

const MIN_MS = 0.01;
const GROWTH = 1.01;
const LOG_GROWTH = log(GROWTH);
const BUCKETS = Math.ceil(log(1e7 / MIN_MS) / LOG_GROWTH); // up to ~2.8 simulated hours
/** Buckets per page: a factor of 1.01^64 = 1.89 in latency. */
const PAGE_BITS = 6;
const PAGE = 1 << PAGE_BITS;
const PAGES = Math.ceil(BUCKETS / PAGE);

/** Where each bucket starts: LOWER_MS[i] = MIN_MS GROWTH^i, i = 0..BUCKETS. */
const LOWER_MS = Float64Array.from({ length: BUCKETS + 1 }, (_, i) => MIN_MS * exp(i * LOG_GROWTH));
/** Values from here on fall in the last bucket. */
const TOP_MS = LOWER_MS[BUCKETS - 1] as number;

/**
 * The bucket of a value without a logarithm: its exponent and the top SLOT_BITS bits of its significand (the high
 * word's top bits) name a slot, a span of at most a factor 2^(1/128) = 1.0054, less than one bucket's 1.01. So a
 * slot holds at most one bucket boundary: SLOT_START gives the bucket where the slot starts, and one comparison
 * with the next boundary finishes. Slots cover the binades from MIN_MS's (2^-7) to TOP_MS's (2^23).
 */
const SLOT_BITS = 7;
const MIN_EXPONENT = -7;
const MAX_EXPONENT = 23;
const SLOT_BASE = (1023 + MIN_EXPONENT) << SLOT_BITS;
const SLOT_START = (() => {
  const slots = (MAX_EXPONENT - MIN_EXPONENT + 1) << SLOT_BITS;
  const table = new Int16Array(slots);
  let bucket = 0;
  for (let slot = 0; slot < slots; slot++) {
    const startMs = fromWords((slot + SLOT_BASE) << (20 - SLOT_BITS), 0); // the slot's high word, low word 0
    while (bucket < BUCKETS - 1 && (LOWER_MS[bucket + 1] as number) <= startMs) bucket++;
    table[slot] = bucket;
  }
  return table;
})();

/** The bucket of a latency in ms: the i with LOWER_MS[i] <= ms < LOWER_MS[i + 1] (0 at or below MIN_MS, or NaN). */
export function bucketOf(ms: number): number {
  if (!(ms > MIN_MS)) return 0;
  if (ms >= TOP_MS) return BUCKETS - 1;
  const i = SLOT_START[(highWord(ms) >> (20 - SLOT_BITS)) - SLOT_BASE] as number;
  return ms >= (LOWER_MS[i + 1] as number) ? i + 1 : i;
}

/** The value a bucket stands for: its geometric middle, MIN_MS GROWTH^(i + 1/2) (0 for the first, which holds zeros). */
export function bucketMidMs(i: number): number {
  return i === 0 ? 0 : MIN_MS * exp((i + 0.5) * LOG_GROWTH);
}

/** Buckets, and where bucket i starts, for tests. */
export const HISTOGRAM_BUCKETS = BUCKETS;
export function bucketLowerMs(i: number): number {
  return LOWER_MS[i] as number;
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
          return bucketMidMs(p * PAGE + j);
        }
      }
    }
    return LOWER_MS[BUCKETS] as number;
  }
}
