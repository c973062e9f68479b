/**
 * A value that changes at points in simulated time, queried at any earlier or later time: what a DNS resolver
 * got when it last resolved, what a BGP speaker had converged to some seconds ago.
 */
export class History<T> {
  private readonly times: number[] = [];
  private readonly values: T[] = [];

  constructor(initial: T) {
    this.times.push(Number.NEGATIVE_INFINITY);
    this.values.push(initial);
  }

  /** Sets the value from `atS` on (at or after the last change). */
  set(atS: number, value: T): void {
    const last = this.times.length - 1;
    if (this.values[last] === value) return;
    if (this.times[last] === atS) this.values[last] = value;
    else {
      this.times.push(atS);
      this.values.push(value);
    }
  }

  /** The value at time `atS`. */
  at(atS: number): T {
    const times = this.times;
    let lo = 0;
    let hi = times.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((times[mid] as number) <= atS) lo = mid;
      else hi = mid - 1;
    }
    return this.values[lo] as T;
  }

  /** Time of the last change (-Infinity if none). */
  get lastChangeS(): number {
    return this.times[this.times.length - 1] as number;
  }

  get current(): T {
    return this.values[this.values.length - 1] as T;
  }
}
