/**
 * What the data layer knows per key, as struct-of-arrays: the key's latest write (its leader in active-active),
 * its greatest (timestamp, region) so far (what LWW keeps), and, per region, the writes of the key that region
 * is still missing, oldest commit first.
 *
 * The missing lists are what staleness and concurrency are read from. A replica's staleness for a key is the age
 * of the oldest write it is missing (how long its value has been superseded: the bound CockroachDB's closed
 * timestamps and Cosmos DB's bounded staleness enforce), not the age of the latest one. Two writes of a key are
 * concurrent when neither had seen the other: a write committed at r is concurrent with exactly the writes on
 * r's missing list at that moment (they committed before it and had not reached r; it did not exist when they
 * committed).
 *
 * Lists thread through the write pool (`pendingNext`, one cell per write and region): no allocation per write.
 * Each entry holds a reference on its write. Entries leave from the head once applied; one applied out of turn
 * (a nearer writer's write overtaking a farther one's) waits behind the head and leaves with it.
 */
import type { WritePool } from './writePool.ts';

/** Below this many keys, a key's slot is found by indexing, not hashing. */
const DENSE_KEYS = 4_000_000;

// A key's record: its fields side by side in 64 bytes (one cache line: a read or a commit touches one line, not one
// per field).
const LATEST_COMMIT_S = 0;
const LATEST_REGION = 1;
const LATEST_USER = 2;
const MAX_STAMP_S = 3;
const MAX_STAMP_REGION = 4;
const MAX_STAMP_COMMIT_S = 5;
const LIST_SLOT = 6;
const FIELDS = 8;

export class KeyState {
  private readonly R: number;
  private readonly slotByKey = new Map<number, number>();
  private denseSlot: Int32Array;
  private slots = 0;
  private capacity = 0;
  /** Per key slot, FIELDS numbers (LIST_SLOT: the slot of its missing lists, -1 when no region misses any). */
  private record = new Float64Array(0);
  // Missing-list slots: heads and tails per region, entry counts.
  private head = new Int32Array(0);
  private tail = new Int32Array(0);
  private entries = new Int32Array(0);
  private listKey = new Float64Array(0);
  private freeLists: number[] = [];
  private listCapacity = 0;
  private listsUsed = 0;
  /** Writes applied no later than this are applied for good: list entries at or below it may leave. */
  watermarkS = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly pool: WritePool,
    /** One more than the largest key number the run can write (the dense index's size). */
    keySpan: number,
  ) {
    this.R = pool.regionCount;
    // Keys beyond the dense index (a key space too large for it, or grown by a live edit) live in a Map.
    this.denseSlot = new Int32Array(keySpan <= DENSE_KEYS ? keySpan : 0).fill(-1);
    this.growKeys(1024);
    this.growLists(256);
  }

  /** The key's slot, or -1 if it was never written. */
  find(key: number): number {
    if (key < this.denseSlot.length) return this.denseSlot[key] as number;
    return this.slotByKey.get(key) ?? -1;
  }

  /** The key's slot, created (never written: no latest, no stamp) if needed. */
  slotFor(key: number): number {
    let slot = this.find(key);
    if (slot >= 0) return slot;
    if (this.slots === this.capacity) this.growKeys(this.capacity * 2);
    slot = this.slots++;
    if (key < this.denseSlot.length) this.denseSlot[key] = slot;
    else this.slotByKey.set(key, slot);
    const at = slot * FIELDS;
    const record = this.record;
    record[at + LATEST_COMMIT_S] = Number.NEGATIVE_INFINITY;
    record[at + LATEST_REGION] = -1;
    record[at + LATEST_USER] = -1;
    record[at + MAX_STAMP_S] = Number.NEGATIVE_INFINITY;
    record[at + MAX_STAMP_REGION] = -1;
    record[at + LIST_SLOT] = -1;
    return slot;
  }

  /** The region of the key's latest write (-1 if none). */
  latestRegion(slot: number): number {
    return this.record[slot * FIELDS + LATEST_REGION] as number;
  }

  /** When the key's latest write committed (-Infinity if never). */
  latestCommitS(slot: number): number {
    return this.record[slot * FIELDS + LATEST_COMMIT_S] as number;
  }

  /** The population that wrote the key last. */
  latestUser(slot: number): number {
    return this.record[slot * FIELDS + LATEST_USER] as number;
  }

  /** The key's greatest timestamp so far, its region and the true commit time of its write. */
  maxStampS(slot: number): number {
    return this.record[slot * FIELDS + MAX_STAMP_S] as number;
  }

  maxStampRegion(slot: number): number {
    return this.record[slot * FIELDS + MAX_STAMP_REGION] as number;
  }

  maxStampCommitS(slot: number): number {
    return this.record[slot * FIELDS + MAX_STAMP_COMMIT_S] as number;
  }

  private listOf(slot: number): number {
    return this.record[slot * FIELDS + LIST_SLOT] as number;
  }

  /** Keys ever written (for benchmarks). */
  get keyCount(): number {
    return this.slots;
  }

  /** Write w is committed: it becomes the key's latest, and every region it will reach is missing it until then. */
  onCommit(slot: number, w: number, user: number): void {
    const pool = this.pool;
    const R = this.R;
    const writer = pool.region[w] as number;
    const at = slot * FIELDS;
    pool.keySlot[w] = slot;
    this.record[at + LATEST_REGION] = writer;
    this.record[at + LATEST_USER] = user;
    this.record[at + LATEST_COMMIT_S] = pool.commitS[w] as number;
    let list = this.listOf(slot);
    for (let r = 0; r < R; r++) {
      if (r === writer) continue;
      const applyS = pool.applyAtS[w * R + r] as number;
      if (applyS === Number.POSITIVE_INFINITY) continue; // not a replica of this data: never delivered
      if (list < 0) list = this.openList(slot, pool.key[w] as number);
      const cell = list * R + r;
      const last = this.tail[cell] as number;
      if (last < 0) this.head[cell] = w;
      else pool.pendingNext[last * R + r] = w;
      this.tail[cell] = w;
      this.entries[list] = (this.entries[list] as number) + 1;
      pool.retain(w);
    }
  }

  /**
   * Raises the key's greatest (timestamp, region) to write w's if it is greater; returns whether it was (false:
   * an earlier write carries a greater timestamp, and LWW will keep that one).
   */
  raiseStamp(slot: number, w: number): boolean {
    const pool = this.pool;
    const stampS = pool.stampS[w] as number;
    const region = pool.region[w] as number;
    const at = slot * FIELDS;
    const record = this.record;
    const top = record[at + MAX_STAMP_S] as number;
    if (stampS < top || (stampS === top && region < (record[at + MAX_STAMP_REGION] as number))) return false;
    record[at + MAX_STAMP_S] = stampS;
    record[at + MAX_STAMP_REGION] = region;
    record[at + MAX_STAMP_COMMIT_S] = pool.commitS[w] as number;
    return true;
  }

  /** The first write region r is missing of the key at `atS` (its list's oldest not applied by then), or -1. */
  oldestMissing(slot: number, r: number, atS: number): number {
    const list = this.listOf(slot);
    if (list < 0) return -1;
    this.popApplied(list, r);
    const pool = this.pool;
    const R = this.R;
    for (let w = this.head[list * R + r] as number; w >= 0; w = pool.pendingNext[w * R + r] as number) {
      if (!((pool.applyAtS[w * R + r] as number) <= atS)) return w; // NaN (held back) is missing
    }
    return -1;
  }

  /** Calls `visit` with every write of the key region r is missing at `atS`, oldest first. */
  forEachMissing(slot: number, r: number, atS: number, visit: (w: number) => void): void {
    const list = this.listOf(slot);
    if (list < 0) return;
    this.popApplied(list, r);
    const pool = this.pool;
    const R = this.R;
    for (let w = this.head[list * R + r] as number; w >= 0; w = pool.pendingNext[w * R + r] as number) {
      if (!((pool.applyAtS[w * R + r] as number) <= atS)) visit(w);
    }
  }

  /** Region r has applied (or will never get) write w: its entry may leave the key's list for r. */
  applied(w: number, r: number): void {
    const list = this.listOf(this.pool.keySlot[w] as number);
    if (list >= 0) this.popApplied(list, r);
  }

  /** Entries at the head of list (list, r) that are applied for good leave it. */
  private popApplied(list: number, r: number): void {
    const pool = this.pool;
    const R = this.R;
    const cell = list * R + r;
    let w = this.head[cell] as number;
    let left = 0;
    while (w >= 0 && (pool.applyAtS[w * R + r] as number) <= this.watermarkS) {
      const next = pool.pendingNext[w * R + r] as number;
      pool.pendingNext[w * R + r] = -1;
      pool.release(w);
      left++;
      w = next;
    }
    if (left === 0) return;
    this.head[cell] = w;
    if (w < 0) this.tail[cell] = -1;
    const remaining = (this.entries[list] as number) - left;
    this.entries[list] = remaining;
    if (remaining === 0) this.closeList(list);
  }

  private openList(slot: number, key: number): number {
    let list = this.freeLists.pop();
    if (list === undefined) {
      if (this.listsUsed === this.listCapacity) this.growLists(this.listCapacity * 2);
      list = this.listsUsed++;
    }
    this.head.fill(-1, list * this.R, (list + 1) * this.R);
    this.tail.fill(-1, list * this.R, (list + 1) * this.R);
    this.entries[list] = 0;
    this.listKey[list] = key;
    this.record[slot * FIELDS + LIST_SLOT] = list;
    return list;
  }

  private closeList(list: number): void {
    const slot = this.find(this.listKey[list] as number);
    if (slot >= 0) this.record[slot * FIELDS + LIST_SLOT] = -1;
    this.freeLists.push(list);
  }

  private growKeys(capacity: number): void {
    const record = new Float64Array(capacity * FIELDS);
    record.set(this.record);
    this.record = record;
    this.capacity = capacity;
  }

  private growLists(capacity: number): void {
    const R = this.R;
    const i32 = (a: Int32Array, n: number) => {
      const next = new Int32Array(n);
      next.set(a);
      return next;
    };
    this.head = i32(this.head, capacity * R);
    this.tail = i32(this.tail, capacity * R);
    this.entries = i32(this.entries, capacity);
    const keys = new Float64Array(capacity);
    keys.set(this.listKey);
    this.listKey = keys;
    this.listCapacity = capacity;
  }
}
