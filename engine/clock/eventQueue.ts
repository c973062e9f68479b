/**
 * The simulation's event queue: a binary min-heap ordered by time, then by insertion order, so events at the
 * same instant run in the order they were scheduled and every run is reproducible.
 */
export interface ScheduledEvent<T> {
  /** Simulated time in seconds. */
  readonly atS: number;
  readonly seq: number;
  readonly payload: T;
}

export class EventQueue<T> {
  private heap: ScheduledEvent<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedules `payload` at simulated time `atS` (seconds). */
  push(atS: number, payload: T): void {
    const event = { atS, seq: this.nextSeq++, payload };
    const heap = this.heap;
    let i = heap.push(event) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as ScheduledEvent<T>;
      if (!earlier(event, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTimeS(): number {
    return this.heap[0]?.atS ?? Number.POSITIVE_INFINITY;
  }

  /** Removes and returns the earliest event. */
  pop(): ScheduledEvent<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && earlier(heap[right] as ScheduledEvent<T>, heap[left] as ScheduledEvent<T>)) child = right;
      const c = heap[child] as ScheduledEvent<T>;
      if (!earlier(c, last)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function earlier<T>(a: ScheduledEvent<T>, b: ScheduledEvent<T>): boolean {
  return a.atS < b.atS || (a.atS === b.atS && a.seq < b.seq);
}
