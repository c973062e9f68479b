/**
 * What each region's replica of a key holds, write by write, so convergence can be watched and checked: the
 * replication streams apply every write at every replica (in that replica's own delivery order), and each replica
 * merges it into its state the way `data.conflict` says:
 *
 * - lww: the write with the greatest (timestamp, region index, version) wins; the others are gone.
 * - crdt counter: per-origin totals (a G-counter); the value is their sum. crdt set: the union of every add,
 *   summarised by how many writes of each origin the replica has (adds are unique, streams are FIFO per origin).
 *   crdt mv-register: every write that no other write it holds had seen (siblings, by version vectors).
 * - app-merge: max (the larger value), union (as the set), sum (as the counter), region-priority (the write of the
 *   first-listed region wins; within a region the later one).
 *
 * Memory: a tracked key costs R x (4 + 2R) numbers (plus R^3 for mv-register); the first 2048 keys written are
 * tracked, fewer if that would pass `MAX_TRACKED_CELLS` numbers; later keys are not (the report says how many).
 */
import type { Scenario } from '../scenario/schema.ts';
import type { WritePool } from './writePool.ts';

/** At most this many numbers of replica state are kept (8 bytes each: 4 MB, which stays in cache; every delivery to a tracked key updates it). */
export const MAX_TRACKED_CELLS = 500_000;
/** And at most this many keys: enough to see convergence (hot keys are written first), cheap on big key spaces. */
export const MAX_TRACKED_KEYS = 2048;

export type MergeKind = 'lww' | 'counter' | 'set' | 'mv-register' | 'max' | 'region-priority';

export function mergeKindOf(data: Scenario['data']): MergeKind {
  if (data.conflict === 'lww') return 'lww';
  if (data.conflict === 'crdt') return data.crdtType;
  if (data.mergeRule === 'union') return 'set';
  if (data.mergeRule === 'sum') return 'counter';
  return data.mergeRule;
}

/** A write's value for merges that compare values (max): a deterministic number 0-999 from its version. */
export function valueOfWrite(version: number): number {
  return (Math.imul(version, 2654435761) >>> 0) % 1000;
}

// Per region, the record: [lwwStamp, lwwOrigin, lwwVersion, maxValue, then per origin: seq, weightSum].
const LWW_STAMP = 0;
const LWW_ORIGIN = 1;
const LWW_VERSION = 2;
const MAX_VALUE = 3;
const FIXED = 4;

interface KeyState {
  /** R records of FIXED + 2R numbers. */
  readonly cells: Float64Array;
  /** mv-register: per region, per origin, the version vector (R numbers) of the latest write held from it. */
  readonly contexts: Float64Array | undefined;
  /** Regions that are not replicas of this key (data placement keeps it out). */
  readonly excluded: Uint8Array;
  /** Writes so far per origin (the next write's seq is this + 1). */
  readonly written: Float64Array;
}

/** One replica's visible value of a key, for display and comparison. */
export interface ReplicaValue {
  /** A readable summary ("v1234 from eu-west at 12.305 s", "counter 17", "2 siblings"). */
  readonly text: string;
  /** Equal digests mean equal visible state. */
  readonly digest: string;
}

export class ReplicaStore {
  private readonly keys = new Map<number, KeyState>();
  /** By write-pool slot, the tracked state of the key that slot's write (committed through this store) wrote. */
  private readonly stateOfWrite: (KeyState | undefined)[] = [];
  private cellsUsed = 0;
  private readonly recordSize: number;
  private readonly keyCells: number;

  constructor(
    private readonly regionCount: number,
    readonly kind: MergeKind,
  ) {
    this.recordSize = FIXED + 2 * regionCount;
    this.keyCells = regionCount * this.recordSize + (kind === 'mv-register' ? regionCount * regionCount * regionCount : 0);
  }

  get trackedKeys(): number {
    return this.keys.size;
  }

  /** Keys tracked, in the order first written. */
  keyList(): number[] {
    return [...this.keys.keys()];
  }

  private stateOf(key: number): KeyState | undefined {
    let state = this.keys.get(key);
    if (state || this.keys.size >= MAX_TRACKED_KEYS || this.cellsUsed + this.keyCells > MAX_TRACKED_CELLS) return state;
    const R = this.regionCount;
    const cells = new Float64Array(R * this.recordSize);
    for (let r = 0; r < R; r++) {
      cells[r * this.recordSize + LWW_STAMP] = Number.NEGATIVE_INFINITY;
      cells[r * this.recordSize + LWW_ORIGIN] = -1;
      cells[r * this.recordSize + MAX_VALUE] = Number.NEGATIVE_INFINITY;
    }
    state = {
      cells,
      contexts: this.kind === 'mv-register' ? new Float64Array(R * R * R) : undefined,
      excluded: new Uint8Array(R),
      written: new Float64Array(R),
    };
    this.keys.set(key, state);
    this.cellsUsed += this.keyCells;
    return state;
  }

  /**
   * Write w is committed at its writer (before it is applied there): numbers it among its writer's writes of the
   * key, takes the writer's version vector as its context (mv-register), and notes which regions its apply times
   * keep out (Infinity: not a replica of this data).
   */
  onCommit(pool: WritePool, w: number): void {
    const key = pool.key[w] as number;
    const state = this.stateOf(key);
    this.stateOfWrite[w] = state;
    if (!state) return;
    const R = this.regionCount;
    const region = pool.region[w] as number;
    const seq = ++state.written[region]!;
    pool.seq[w] = seq;
    for (let r = 0; r < R; r++) if (pool.applyAtS[w * R + r] === Number.POSITIVE_INFINITY) state.excluded[r] = 1;
    if (this.kind === 'mv-register' && pool.context) {
      const base = region * this.recordSize + FIXED;
      for (let o = 0; o < R; o++) pool.context[w * R + o] = state.cells[base + 2 * o] as number;
      pool.context[w * R + region] = seq;
    }
  }

  /** Region `r` applies write w (its writer applies its own at commit). Applying a write twice changes nothing. */
  apply(r: number, pool: WritePool, w: number): void {
    if (pool.seq[w] === 0) return;
    // The state this store gave the write at commit; a write committed before this store existed is looked up.
    const state = this.stateOfWrite[w] ?? this.keys.get(pool.key[w] as number);
    if (!state) return;
    applyToRecord(state, r, this.recordSize, this.regionCount, pool, w);
  }

  /** Region r's visible value of `key`, or undefined if the key is not tracked. */
  valueOf(r: number, key: number, regionIds: readonly string[]): ReplicaValue | undefined {
    const state = this.keys.get(key);
    return state ? describe(this.kind, state, r, this.recordSize, this.regionCount, regionIds) : undefined;
  }

  /** Whether region r is a replica of `key` (placement did not keep it out). */
  holds(r: number, key: number): boolean {
    return this.keys.get(key)?.excluded[r] !== 1;
  }

  /** Whether regions a and b show the same value of `key` (numbers only: no text is built). */
  sameValue(a: number, b: number, key: number): boolean {
    const state = this.keys.get(key);
    if (!state) return true;
    return visibleEqual(this.kind, state, a, b, this.recordSize, this.regionCount);
  }

  /** A copy of the state of `keys` only, to apply in-flight writes to without touching this one. */
  clone(keys: Iterable<number> = this.keys.keys()): ReplicaStore {
    const copy = new ReplicaStore(this.regionCount, this.kind);
    copy.cellsUsed = this.cellsUsed;
    for (const key of keys) {
      const state = this.keys.get(key);
      if (!state) continue;
      copy.keys.set(key, {
        cells: state.cells.slice(),
        contexts: state.contexts?.slice(),
        excluded: state.excluded,
        written: state.written,
      });
    }
    return copy;
  }
}

/** Equal visible state of one key at regions a and b, as `describe` would print it, compared as numbers. */
function visibleEqual(kind: MergeKind, state: KeyState, a: number, b: number, size: number, R: number): boolean {
  const cells = state.cells;
  const ba = a * size;
  const bb = b * size;
  const seqsEqual = (): boolean => {
    for (let o = 0; o < R; o++) if (cells[ba + FIXED + 2 * o] !== cells[bb + FIXED + 2 * o]) return false;
    return true;
  };
  switch (kind) {
    case 'lww':
      return cells[ba + LWW_VERSION] === cells[bb + LWW_VERSION] && cells[ba + LWW_ORIGIN] === cells[bb + LWW_ORIGIN];
    case 'max':
      return cells[ba + MAX_VALUE] === cells[bb + MAX_VALUE];
    case 'region-priority': {
      const wa = priorityWinner(cells, ba, R);
      return wa === priorityWinner(cells, bb, R) && (wa < 0 || cells[ba + FIXED + 2 * wa] === cells[bb + FIXED + 2 * wa]);
    }
    case 'counter':
    case 'set':
      return seqsEqual(); // the totals follow from the per-origin counts (FIFO per origin)
    case 'mv-register':
      return describe(kind, state, a, size, R, []).digest === describe(kind, state, b, size, R, []).digest;
  }
}

function applyToRecord(state: KeyState, r: number, size: number, R: number, pool: WritePool, w: number): void {
  const cells = state.cells;
  const base = r * size;
  const region = pool.region[w] as number;
  const seq = pool.seq[w] as number;
  const seqAt = base + FIXED + 2 * region;
  if ((cells[seqAt] as number) >= seq) return; // already held (streams are FIFO per origin)
  cells[seqAt] = seq;
  cells[seqAt + 1] = (cells[seqAt + 1] as number) + (pool.weight[w] as number);
  // lww: the greatest (timestamp, region, version); region-priority reuses the slots with a lower region first.
  const stampS = pool.stampS[w] as number;
  const version = pool.version[w] as number;
  const stamp = cells[base + LWW_STAMP] as number;
  const origin = cells[base + LWW_ORIGIN] as number;
  const keptVersion = cells[base + LWW_VERSION] as number;
  if (stampS > stamp || (stampS === stamp && (region > origin || (region === origin && version > keptVersion)))) {
    cells[base + LWW_STAMP] = stampS;
    cells[base + LWW_ORIGIN] = region;
    cells[base + LWW_VERSION] = version;
  }
  cells[base + MAX_VALUE] = Math.max(cells[base + MAX_VALUE] as number, valueOfWrite(version));
  if (state.contexts && pool.context) state.contexts.set(pool.context.subarray(w * R, w * R + R), (r * R + region) * R);
}

/** The region-priority winner among the latest writes of each origin: the first-listed origin that has written. */
function priorityWinner(cells: Float64Array, base: number, R: number): number {
  for (let o = 0; o < R; o++) if ((cells[base + FIXED + 2 * o] as number) > 0) return o;
  return -1;
}

function describe(kind: MergeKind, state: KeyState, r: number, size: number, R: number, regionIds: readonly string[]): ReplicaValue {
  const cells = state.cells;
  const base = r * size;
  const seqs: number[] = [];
  let total = 0;
  for (let o = 0; o < R; o++) {
    seqs.push(cells[base + FIXED + 2 * o] as number);
    total += cells[base + FIXED + 2 * o + 1] as number;
  }
  const id = (o: number): string => regionIds[o] ?? `region ${o}`;
  switch (kind) {
    case 'lww': {
      const origin = cells[base + LWW_ORIGIN] as number;
      if (origin < 0) return { text: 'empty', digest: 'empty' };
      const version = cells[base + LWW_VERSION] as number;
      const stampS = cells[base + LWW_STAMP] as number;
      return { text: `v${version} from ${id(origin)} (stamp ${stampS.toFixed(3)} s)`, digest: `v${version}` };
    }
    case 'counter':
      return { text: `counter ${round(total)}`, digest: `${round(total)}|${seqs.join(',')}` };
    case 'set': {
      const adds = seqs.reduce((a, b) => a + b, 0);
      return { text: `set of ${adds} adds`, digest: seqs.join(',') };
    }
    case 'max': {
      const value = cells[base + MAX_VALUE] as number;
      return value === Number.NEGATIVE_INFINITY ? { text: 'empty', digest: 'empty' } : { text: `max ${value}`, digest: `${value}` };
    }
    case 'region-priority': {
      const winner = priorityWinner(cells, base, R);
      if (winner < 0) return { text: 'empty', digest: 'empty' };
      const seq = seqs[winner] as number;
      return { text: `write ${seq} of ${id(winner)} (first-listed region wins)`, digest: `${winner}:${seq}` };
    }
    case 'mv-register': {
      const contexts = state.contexts as Float64Array;
      const siblings: string[] = [];
      for (let o = 0; o < R; o++) {
        const seq = seqs[o] as number;
        if (seq === 0) continue;
        let dominated = false;
        for (let p = 0; p < R && !dominated; p++) {
          if (p === o || (seqs[p] as number) === 0) continue;
          // The latest write held from p had seen o's write `seq` (or a later one): it supersedes it.
          if ((contexts[(r * R + p) * R + o] as number) >= seq) dominated = true;
        }
        if (!dominated) siblings.push(`${id(o)}#${seq}`);
      }
      if (siblings.length === 0) return { text: 'empty', digest: 'empty' };
      return {
        text: siblings.length === 1 ? `one value: ${siblings[0]}` : `${siblings.length} siblings: ${siblings.join(', ')}`,
        digest: siblings.join(','),
      };
    }
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
