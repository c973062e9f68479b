/**
 * Concurrent writes to one key in different regions: neither region had applied the other's write when it
 * committed its own. Each key remembers its latest write (region, commit time, timestamp, and when every region
 * applies it); a new write from another region that commits before it has seen that one is concurrent with it.
 *
 * What happens next depends on `data.conflict`: last-writer-wins keeps the write with the higher timestamp and
 * silently discards the other (with clock skew, possibly the one that really came later); a CRDT or an
 * application merge keeps both. Counts are of writes, weighted (in aggregate mode a sampled write stands for
 * several, and a pair of samples for the product of their weights).
 */
import type { Scenario } from '../scenario/schema.ts';
import type { World } from '../world.ts';

interface LatestWrite {
  region: number;
  commitS: number;
  /** The writer's timestamp: its commit time on its own (possibly skewed) clock. */
  stampS: number;
  weight: number;
  /** When each region applies it (the writer: its commit; NaN: not yet known, held back). Reused in place. */
  readonly applyAt: Float64Array;
}

export interface ConflictExample {
  readonly key: number;
  /** The two writes, the earlier (by true time) first. */
  readonly first: { readonly region: string; readonly atS: number; readonly stampS: number };
  readonly second: { readonly region: string; readonly atS: number; readonly stampS: number };
  /** Which region's write survived (LWW, region priority), or how both were merged (CRDT, app rule). */
  readonly kept: string;
  /** LWW kept the write that was really earlier (clock skew). */
  readonly wrongWinner: boolean;
}

const CRDT_OUTCOME = {
  counter: 'both (counter: the increments add up)',
  set: 'both (set: the union of the adds)',
  'mv-register': 'both (register: two sibling values for the reader to resolve)',
} as const;

const MERGE_OUTCOME = {
  max: 'merged (max: the larger value)',
  union: 'merged (union of both)',
  sum: 'merged (sum of both)',
} as const;

/** At most this many examples are kept. */
export const EXAMPLE_CAP = 50;

/** Keys are small integers: below this many, records live in a plain array (faster than a Map). */
const ARRAY_KEYS = 4_000_000;

/** Latest write per key, in an array for dense key ranges and a Map beyond. */
class LatestByKey {
  private readonly dense: (LatestWrite | undefined)[] = [];
  private readonly sparse = new Map<number, LatestWrite>();

  get(key: number): LatestWrite | undefined {
    return key < ARRAY_KEYS ? this.dense[key] : this.sparse.get(key);
  }

  set(key: number, write: LatestWrite): void {
    if (key < ARRAY_KEYS) this.dense[key] = write;
    else this.sparse.set(key, write);
  }
}

export class ConflictTracker {
  private readonly latest = new LatestByKey();
  concurrent = 0;
  lostWrites = 0;
  merged = 0;
  wrongWinner = 0;
  readonly examples: ConflictExample[] = [];

  constructor(
    private world: World,
    private data: Scenario['data'],
  ) {}

  /** The latest write of `key` (by commit time), with when each region applies it; undefined if never written. */
  latestOf(key: number): Readonly<LatestWrite> | undefined {
    return this.latest.get(key);
  }

  /** Takes over the counts of the tracker this one replaces (a live edit of the regions). */
  inheritCounts(previous: ConflictTracker): void {
    this.concurrent += previous.concurrent;
    this.lostWrites += previous.lostWrites;
    this.merged += previous.merged;
    this.wrongWinner += previous.wrongWinner;
    this.examples.push(...previous.examples.slice(0, EXAMPLE_CAP - this.examples.length));
  }

  update(world: World, data: Scenario['data']): void {
    this.world = world;
    this.data = data;
  }

  /**
   * A write of `key` committed at region `region` at `commitS` with the writer's timestamp `stampS` (its commit
   * on its own, possibly skewed, clock), applied elsewhere at `applyAt` (copied), standing for `weight` writes.
   */
  onWrite(key: number, region: number, commitS: number, stampS: number, applyAt: Float64Array, weight: number): void {
    const stored = this.latest.get(key);
    if (!stored) {
      this.latest.set(key, { region, commitS, stampS, weight, applyAt: Float64Array.from(applyAt) });
      return;
    }
    const previous = { region: stored.region, commitS: stored.commitS, stampS: stored.stampS, weight: stored.weight };
    const previousSeenThere = (stored.applyAt[region] as number) <= commitS; // NaN (held back) is unseen
    const thisSeenThere = (applyAt[stored.region] as number) <= stored.commitS;
    if (stored.commitS <= commitS) {
      stored.region = region;
      stored.commitS = commitS;
      stored.stampS = stampS;
      stored.weight = weight;
      if (stored.applyAt.length === applyAt.length) stored.applyAt.set(applyAt);
      else this.latest.set(key, { region, commitS, stampS, weight, applyAt: Float64Array.from(applyAt) });
    }
    if (previous.region === region) return;
    // Writes reach the tracker nearly in commit order; order the pair by true time.
    const write = { region, commitS, stampS, weight };
    const [first, second] = previous.commitS <= commitS ? [previous, write] : [write, previous];
    const seen = first === previous ? previousSeenThere : thisSeenThere;
    if (seen) return;
    const pair = previous.weight * weight;
    this.concurrent += pair;
    const regions = this.world.regions;
    let kept: string;
    let wrong = false;
    if (this.data.replication === 'sync') {
      kept = 'both'; // a synchronous commit orders the two writes: one waits for the other, nothing is lost
    } else if (this.data.conflict === 'lww') {
      const winner = second.stampS >= first.stampS ? second : first;
      kept = regions[winner.region]?.id ?? '';
      wrong = winner === first; // skew made the write that came first look later
      this.lostWrites += pair;
      if (wrong) this.wrongWinner += pair;
    } else if (this.data.conflict === 'crdt') {
      kept = CRDT_OUTCOME[this.data.crdtType];
      this.merged += pair;
    } else {
      // An application rule decides: by region priority the first-listed region's write stands, else a merge.
      kept =
        this.data.mergeRule === 'region-priority'
          ? (regions[Math.min(first.region, second.region)]?.id ?? '')
          : MERGE_OUTCOME[this.data.mergeRule];
      this.merged += pair;
    }
    if (this.examples.length < EXAMPLE_CAP) {
      this.examples.push({
        key,
        first: { region: regions[first.region]?.id ?? '', atS: first.commitS, stampS: first.stampS },
        second: { region: regions[second.region]?.id ?? '', atS: second.commitS, stampS: second.stampS },
        kept,
        wrongWinner: wrong,
      });
    }
  }
}
