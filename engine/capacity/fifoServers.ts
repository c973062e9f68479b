/**
 * An exact first-come-first-served queue in front of c servers: a min-heap of the times each server becomes
 * free. Arrivals must be offered in time order (the simulation's event queue guarantees it in exact mode).
 */
export class FifoServers {
  private free: Float64Array;
  private size: number;

  constructor(servers: number, nowS = 0) {
    this.size = Math.max(1, servers);
    this.free = new Float64Array(this.size).fill(nowS);
  }

  get servers(): number {
    return this.size;
  }

  /** When a request arriving at `atS` would start service. */
  startS(atS: number): number {
    return Math.max(atS, this.free[0] as number);
  }

  /** Books the earliest free server from `startS` for `busyS` seconds. */
  book(startS: number, busyS: number): void {
    this.free[0] = startS + busyS;
    this.siftDown(0);
  }

  /** Changes the number of servers (capacity lost or added): keeps the soonest-free ones, new ones free now. */
  resize(servers: number, nowS: number): void {
    const next = Math.max(1, servers);
    if (next === this.size) return;
    const kept = Array.from(this.free.subarray(0, this.size)).sort((a, b) => a - b).slice(0, next);
    while (kept.length < next) kept.unshift(nowS);
    this.free = Float64Array.from(kept);
    this.size = next;
  }

  private siftDown(index: number): void {
    const heap = this.free;
    const n = this.size;
    const value = heap[index] as number;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && (heap[right] as number) < (heap[left] as number) ? right : left;
      if ((heap[child] as number) >= value) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = value;
  }
}
