/**
 * The simulation's event queue: a binary min-heap ordered by time, then by insertion order, so events at the
 * same instant run in the order they were scheduled and every run is reproducible.
 *
 * Times, sequence numbers and payloads live in parallel arrays that move together, so scheduling an event
 * allocates nothing once the queue has grown to its working size.
 */
export class EventQueue<T> {
  private timesS = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private items: (T | undefined)[] = Array.from({ length: 1024 }, () => undefined);
  private length = 0;
  private nextSeq = 0;
  /** Time of the event the last `pop` returned, seconds. */
  lastTimeS = 0;

  get size(): number {
    return this.length;
  }

  /** Schedules `payload` at simulated time `atS` (seconds). */
  push(atS: number, payload: T): void {
    if (this.length === this.timesS.length) this.grow();
    const times = this.timesS;
    const seqs = this.seqs;
    const items = this.items;
    const seq = this.nextSeq++;
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < atS || (pt === atS && (seqs[parent] as number) < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent] as number;
      items[i] = items[parent];
      i = parent;
    }
    times[i] = atS;
    seqs[i] = seq;
    items[i] = payload;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTimeS(): number {
    return this.length === 0 ? Number.POSITIVE_INFINITY : (this.timesS[0] as number);
  }

  /** Removes and returns the earliest event's payload (its time is then in `lastTimeS`). */
  pop(): T | undefined {
    if (this.length === 0) return undefined;
    const times = this.timesS;
    const seqs = this.seqs;
    const items = this.items;
    const top = items[0];
    this.lastTimeS = times[0] as number;
    const n = --this.length;
    const lastTime = times[n] as number;
    const lastSeq = seqs[n] as number;
    const lastItem = items[n];
    items[n] = undefined;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n) {
        const tr = times[right] as number;
        const tl = times[left] as number;
        if (tr < tl || (tr === tl && (seqs[right] as number) < (seqs[left] as number))) child = right;
      }
      const tc = times[child] as number;
      if (tc > lastTime || (tc === lastTime && (seqs[child] as number) > lastSeq)) break;
      times[i] = tc;
      seqs[i] = seqs[child] as number;
      items[i] = items[child];
      i = child;
    }
    times[i] = lastTime;
    seqs[i] = lastSeq;
    items[i] = lastItem;
    return top;
  }

  private grow(): void {
    const size = this.timesS.length * 2;
    const times = new Float64Array(size);
    times.set(this.timesS);
    const seqs = new Float64Array(size);
    seqs.set(this.seqs);
    this.timesS = times;
    this.seqs = seqs;
    this.items.length = size;
    this.items.fill(undefined, this.length);
  }
}
