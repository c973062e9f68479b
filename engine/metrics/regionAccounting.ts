/**
 * What the simulation counts per region: capacity offered and requests dropped in the open one-second window,
 * and the run's totals by region id (served, dropped, capacity-seconds, the busiest window's utilisation).
 * Served counts come from the populations' windows, which know where each request entered.
 */
export interface RegionTotals {
  served: number;
  dropped: number;
  /** Capacity offered over the run: sum of capacity x time, requests. */
  capacitySeconds: number;
  /** Highest one-window utilisation (served / capacity). */
  utilizationMax: number;
}

export class RegionAccounting {
  /** Capacity-seconds offered in the open window, by region index. */
  private windowCapacityS: Float64Array;
  /** Requests that failed at each region in the open window, by region index. */
  private windowDropped: Float64Array;
  private readonly totals = new Map<string, RegionTotals>();

  constructor(regionCount: number) {
    this.windowCapacityS = new Float64Array(regionCount);
    this.windowDropped = new Float64Array(regionCount);
  }

  offerCapacity(r: number, capacityQps: number, durationS: number): void {
    this.windowCapacityS[r] = (this.windowCapacityS[r] ?? 0) + capacityQps * durationS;
  }

  drop(r: number, weight: number): void {
    this.windowDropped[r] = (this.windowDropped[r] ?? 0) + weight;
  }

  /** Requests that failed at region r in the open window. */
  windowDroppedOf(r: number): number {
    return this.windowDropped[r] ?? 0;
  }

  /** Closes the open window, whose served counts per region are `served`. */
  closeWindow(regionIds: readonly string[], served: readonly number[]): void {
    addWindow(this.totals, regionIds, served, this.windowCapacityS, this.windowDropped);
    this.windowCapacityS.fill(0);
    this.windowDropped.fill(0);
  }

  /** The run's totals including the open window (for a report made mid-window), without closing it. */
  totalsNow(regionIds: readonly string[], served: readonly number[]): Map<string, RegionTotals> {
    const copy = new Map([...this.totals].map(([id, t]) => [id, { ...t }]));
    addWindow(copy, regionIds, served, this.windowCapacityS, this.windowDropped);
    return copy;
  }

  /** Moves the open window's counts to new region indices after a live edit of the regions. */
  remap(regionCount: number, newIndexOf: (oldIndex: number) => number): void {
    const move = (from: Float64Array): Float64Array => {
      const to = new Float64Array(regionCount);
      from.forEach((value, old) => {
        const r = newIndexOf(old);
        if (r >= 0) to[r] = value;
      });
      return to;
    };
    this.windowCapacityS = move(this.windowCapacityS);
    this.windowDropped = move(this.windowDropped);
  }
}

function addWindow(
  into: Map<string, RegionTotals>,
  regionIds: readonly string[],
  served: readonly number[],
  capacityS: Float64Array,
  dropped: Float64Array,
): void {
  regionIds.forEach((id, r) => {
    let totals = into.get(id);
    if (!totals) {
      totals = { served: 0, dropped: 0, capacitySeconds: 0, utilizationMax: 0 };
      into.set(id, totals);
    }
    const offered = capacityS[r] ?? 0;
    const count = served[r] ?? 0;
    totals.served += count;
    totals.dropped += dropped[r] ?? 0;
    totals.capacitySeconds += offered;
    if (offered > 0) totals.utilizationMax = Math.max(totals.utilizationMax, count / offered);
  });
}
