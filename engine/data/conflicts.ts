/**
 * Concurrent writes to one key and what the conflict rule does with them.
 *
 * Two writes of a key from different regions are concurrent when neither had seen the other: a write committed
 * at region r is concurrent with every write of the key that r had not applied yet (keyState.ts keeps those
 * lists). Every such pair is counted once, when its later write commits: for two regions writing one key at w1
 * and w2 writes/s over a one-way lag d, 2 x w1 x w2 x d pairs per second, whatever w x d is.
 *
 * Last-writer-wins keeps, on every replica, the write with the greatest (timestamp, region), and silently
 * discards a write whenever a write with a greater timestamp had not seen it: a concurrent one, or an earlier one
 * whose clock ran ahead (a write that had seen the other but carries a lower, skewed timestamp: the classic skew
 * loss of Cassandra-style LWW). Each discarded write is counted once; those discarded in favour of a write that
 * committed earlier in true time are the later write lost to clock skew. A CRDT or an application merge keeps
 * both writes of a concurrent pair (merged pairs).
 *
 * Counts are of writes (or pairs), weighted: in aggregate mode a sampled write stands for several, and a pair of
 * samples for the product of their weights.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { World } from '../world.ts';
import { DataTotals } from './dataTotals.ts';
import type { KeyState } from './keyState.ts';
import type { WritePool } from './writePool.ts';

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

export class ConflictTracker {
  constructor(
    private world: World,
    private data: Scenario['data'],
    private readonly pool: WritePool,
    private readonly keys: KeyState,
    /** The run's counts (kept across rebuilds of the data layer). */
    private readonly totals = new DataTotals(),
  ) {}

  /** Pairs of writes of one key from different regions where neither had seen the other (weighted). */
  get concurrentPairs(): number {
    return this.totals.concurrentPairs;
  }

  /** Writes LWW silently discarded (each once, weighted). */
  get lwwDiscardedWrites(): number {
    return this.totals.lwwDiscardedWrites;
  }

  /** Of those, writes discarded for a write that committed earlier in true time (clock skew). */
  get lwwDiscardedLaterWrites(): number {
    return this.totals.lwwDiscardedLaterWrites;
  }

  /** Concurrent pairs a CRDT or an application merge kept both writes of. */
  get mergedPairs(): number {
    return this.totals.mergedPairs;
  }

  get examples(): readonly ConflictExample[] {
    return this.totals.conflictExamples;
  }

  update(world: World, data: Scenario['data']): void {
    this.world = world;
    this.data = data;
  }

  /**
   * Write w commits (the key's slot is `slot`): counts the pairs it forms with the writes its region had not seen,
   * and what LWW discards. Call before the write joins the key's missing lists and becomes its latest.
   */
  onCommit(slot: number, w: number): void {
    const pool = this.pool;
    const region = pool.region[w] as number;
    const commitS = pool.commitS[w] as number;
    const weight = pool.weight[w] as number;
    const lww = this.data.conflict === 'lww';
    // Synchronous replication orders concurrent commits (each waits for the other's replica): none is dropped.
    const ordered = this.data.replication === 'sync';
    let concurrentTopStampS = Number.NEGATIVE_INFINITY;
    this.keys.forEachMissing(slot, region, commitS, (other) => {
      const pair = weight * (pool.weight[other] as number);
      this.totals.concurrentPairs += pair;
      concurrentTopStampS = Math.max(concurrentTopStampS, pool.stampS[other] as number);
      if (!lww) {
        this.totals.mergedPairs += pair;
        this.example(w, other);
        return;
      }
      if (ordered) return;
      // This write had not seen `other`, nor `other` this one: the greater timestamp discards the other.
      const mine = pool.stampS[w] as number;
      const theirs = pool.stampS[other] as number;
      if (mine > theirs || (mine === theirs && region > (pool.region[other] as number))) this.discard(other, w);
    });
    const topStampS = this.keys.maxStampS(slot);
    if (lww && !this.keys.raiseStamp(slot, w) && !(ordered && concurrentTopStampS >= topStampS)) {
      // A write that committed before this one carries a greater timestamp (under sync: one it had seen): this
      // one never shows anywhere.
      this.discardAtCommit(slot, w);
    }
  }

  /** `loser` is discarded by LWW in favour of `winner`, which committed after it in true time. */
  private discard(loser: number, winner: number): void {
    const pool = this.pool;
    if (pool.discarded[loser] === 1) return;
    pool.discarded[loser] = 1;
    this.totals.lwwDiscardedWrites += pool.weight[loser] as number;
    this.example(loser, winner);
  }

  /** Write w is discarded at its commit: an earlier write (the key's greatest stamp) wins over it. */
  private discardAtCommit(slot: number, w: number): void {
    const pool = this.pool;
    const keys = this.keys;
    if (pool.discarded[w] === 1) return;
    pool.discarded[w] = 1;
    const weight = pool.weight[w] as number;
    this.totals.lwwDiscardedWrites += weight;
    this.totals.lwwDiscardedLaterWrites += weight;
    if (this.totals.conflictExamples.length >= EXAMPLE_CAP) return;
    const regions = this.world.regions;
    const winner = keys.maxStampRegion(slot);
    this.totals.conflictExamples.push({
      key: pool.key[w] as number,
      first: { region: regions[winner]?.id ?? '', atS: keys.maxStampCommitS(slot), stampS: keys.maxStampS(slot) },
      second: { region: regions[pool.region[w] as number]?.id ?? '', atS: pool.commitS[w] as number, stampS: pool.stampS[w] as number },
      kept: regions[winner]?.id ?? '',
      wrongWinner: true,
    });
  }

  private example(a: number, b: number): void {
    if (this.totals.conflictExamples.length >= EXAMPLE_CAP) return;
    const pool = this.pool;
    const regions = this.world.regions;
    const [first, second] = (pool.commitS[a] as number) <= (pool.commitS[b] as number) ? [a, b] : [b, a];
    const side = (w: number) => ({ region: regions[pool.region[w] as number]?.id ?? '', atS: pool.commitS[w] as number, stampS: pool.stampS[w] as number });
    let kept: string;
    let wrongWinner = false; // LWW kept the write that was really earlier
    if (this.data.conflict === 'lww') {
      const sa = pool.stampS[first] as number;
      const sb = pool.stampS[second] as number;
      const winner = sb > sa || (sb === sa && (pool.region[second] as number) > (pool.region[first] as number)) ? second : first;
      kept = regions[pool.region[winner] as number]?.id ?? '';
      wrongWinner = winner === first;
    } else if (this.data.conflict === 'crdt') {
      kept = CRDT_OUTCOME[this.data.crdtType];
    } else {
      // An application rule decides: by region priority the first-listed region's write stands, else a merge.
      kept =
        this.data.mergeRule === 'region-priority'
          ? (regions[Math.min(pool.region[first] as number, pool.region[second] as number)]?.id ?? '')
          : MERGE_OUTCOME[this.data.mergeRule];
    }
    this.totals.conflictExamples.push({ key: pool.key[a] as number, first: side(first), second: side(second), kept, wrongWinner });
  }
}
