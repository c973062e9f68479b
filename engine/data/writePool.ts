/**
 * The committed writes still in play, as struct-of-arrays: a write is a slot index, its fields are typed-array
 * cells, and nothing is allocated per write once the pool has grown to the run's working set.
 *
 * A slot is live while something refers to it: the request that committed it (until its client hears), each
 * replication stream that has still to deliver it, each per-key list of writes a replica is missing (keyState.ts).
 * `retain` and `release` count those references; the slot is reused once the count is back to zero, and `gen`
 * tells a slot's successive writes apart (a session that remembers a write checks the generation).
 *
 * Per write and region r, `applyAtS[w * R + r]` is when r applies it: its commit at the writer, NaN while a cut
 * link holds it back, Infinity where data placement keeps it out, -Infinity once it is gone (lost with its last
 * holder: it will never arrive). `held[w * R + r]` is 1 once r has applied it (the stream has delivered it).
 */
export class WritePool {
  private capacity = 0;
  key = new Float64Array(0);
  region = new Int32Array(0);
  commitS = new Float64Array(0);
  /** The writer's timestamp: its commit on its own, possibly skewed, clock, seconds. */
  stampS = new Float64Array(0);
  weight = new Float64Array(0);
  version = new Float64Array(0);
  /** Its number among its writer's writes of this key (replicaStore.ts), 0 when the key is not tracked. */
  seq = new Int32Array(0);
  /** The slot of its key's record in keyState.ts (set at commit; saves a lookup per delivery). */
  keySlot = new Int32Array(0);
  /** When its client was told it succeeded; Infinity until then, and for ever if never. */
  ackS = new Float64Array(0);
  /** When no region that is up held it any more (its last holder went dark), NaN while some region does. */
  orphanedS = new Float64Array(0);
  /** Whether LWW has discarded it (conflicts.ts counts each write once). */
  discarded = new Uint8Array(0);
  refs = new Int32Array(0);
  gen = new Int32Array(0);
  applyAtS = new Float64Array(0);
  held = new Uint8Array(0);
  /** Per write and region, the next write in the key's list of writes that region is missing (keyState.ts). */
  pendingNext = new Int32Array(0);
  /** mv-register only: per write, the writes of each origin its writer held when it wrote (version vector). */
  context: Float64Array<ArrayBuffer> | null = null;
  private freeSlots = new Int32Array(0);
  private freeCount = 0;
  /** Slots in use (for benchmarks and tests). */
  live = 0;

  constructor(
    readonly regionCount: number,
    private readonly withContext: boolean,
  ) {
    this.grow(256);
  }

  /** A fresh slot with one reference (its request's), fields zeroed except where stated. */
  allocate(): number {
    if (this.freeCount === 0) this.grow(this.capacity * 2);
    const w = this.freeSlots[--this.freeCount] as number;
    this.refs[w] = 1;
    this.gen[w] = (this.gen[w] as number) + 1;
    this.ackS[w] = Number.POSITIVE_INFINITY;
    this.orphanedS[w] = Number.NaN;
    this.discarded[w] = 0;
    this.seq[w] = 0;
    const R = this.regionCount;
    this.held.fill(0, w * R, w * R + R);
    this.pendingNext.fill(-1, w * R, w * R + R);
    this.live++;
    return w;
  }

  retain(w: number): void {
    this.refs[w] = (this.refs[w] as number) + 1;
  }

  release(w: number): void {
    const refs = (this.refs[w] as number) - 1;
    this.refs[w] = refs;
    if (refs > 0) return;
    this.freeSlots[this.freeCount++] = w;
    this.live--;
  }

  /** True while slot w still holds the write of generation `gen`. */
  isLive(w: number, gen: number): boolean {
    return w >= 0 && w < this.capacity && this.gen[w] === gen && (this.refs[w] as number) > 0;
  }


  private grow(capacity: number): void {
    const R = this.regionCount;
    const old = this.capacity;
    const f64 = (a: Float64Array, n: number): Float64Array<ArrayBuffer> => {
      const next = new Float64Array(n);
      next.set(a);
      return next;
    };
    const i32 = (a: Int32Array, n: number): Int32Array<ArrayBuffer> => {
      const next = new Int32Array(n);
      next.set(a);
      return next;
    };
    const u8 = (a: Uint8Array, n: number): Uint8Array<ArrayBuffer> => {
      const next = new Uint8Array(n);
      next.set(a);
      return next;
    };
    this.key = f64(this.key, capacity);
    this.region = i32(this.region, capacity);
    this.commitS = f64(this.commitS, capacity);
    this.stampS = f64(this.stampS, capacity);
    this.weight = f64(this.weight, capacity);
    this.version = f64(this.version, capacity);
    this.seq = i32(this.seq, capacity);
    this.keySlot = i32(this.keySlot, capacity);
    this.ackS = f64(this.ackS, capacity);
    this.orphanedS = f64(this.orphanedS, capacity);
    this.discarded = u8(this.discarded, capacity);
    this.refs = i32(this.refs, capacity);
    this.gen = i32(this.gen, capacity);
    this.applyAtS = f64(this.applyAtS, capacity * R);
    this.held = u8(this.held, capacity * R);
    this.pendingNext = i32(this.pendingNext, capacity * R);
    if (this.withContext) this.context = f64(this.context ?? new Float64Array(0), capacity * R);
    const free = new Int32Array(capacity);
    free.set(this.freeSlots.subarray(0, this.freeCount));
    // New slots are handed out lowest first.
    let n = this.freeCount;
    for (let w = capacity - 1; w >= old; w--) free[n++] = w;
    this.freeSlots = free;
    this.freeCount = n;
    this.capacity = capacity;
  }
}
