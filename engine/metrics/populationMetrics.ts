/**
 * What the simulation measures for one user population: totals over the run (counts, latency histograms,
 * where it was served) and the current one-second window (latency samples, counts per region).
 * Counts are weighted: in aggregate mode one simulated request stands for several.
 */
import { LatencyHistogram } from '../stats/histogram.ts';
import { nearestRank, SampleBuffer } from '../stats/quantile.ts';
import type { UserWindow } from '../snapshot.ts';

export class PopulationMetrics {
  /** Requests sent, including those still in flight. */
  issued = 0;
  ok = 0;
  failed = 0;
  readonly reads = new LatencyHistogram();
  readonly writes = new LatencyHistogram();
  /** Requests each region id served for this population in closed windows (see `servedBy`). */
  private readonly servedByRegion = new Map<string, number>();
  private readonly windowReads = new SampleBuffer();
  private readonly windowWrites = new SampleBuffer();
  private windowOk = 0;
  private windowFailed = 0;
  /** Requests each region served in the current window, by region index. */
  windowByRegion: Float64Array;
  /** Requests that failed at each region (their entry) in the current window, by region index. */
  private windowFailedByRegion: Float64Array;

  constructor(regionCount: number) {
    this.windowByRegion = new Float64Array(regionCount);
    this.windowFailedByRegion = new Float64Array(regionCount);
  }

  /** A successful request that entered region index `region` (-1: a region that no longer exists). */
  recordSuccess(latencyMs: number, isWrite: boolean, weight: number, region: number): void {
    this.ok += weight;
    this.windowOk += weight;
    (isWrite ? this.writes : this.reads).record(latencyMs, weight);
    (isWrite ? this.windowWrites : this.windowReads).push(latencyMs);
    if (region >= 0) this.windowByRegion[region] = (this.windowByRegion[region] ?? 0) + weight;
  }

  /** Requests each region id served over the run, including the open window (`regionIds` by index). */
  servedBy(regionIds: readonly string[]): Map<string, number> {
    const served = new Map(this.servedByRegion);
    this.windowByRegion.forEach((count, r) => {
      const id = regionIds[r];
      if (count > 0 && id !== undefined) served.set(id, (served.get(id) ?? 0) + count);
    });
    return served;
  }

  /** A failed request; `region` is the region it was sent to (-1: none, or one that no longer exists). */
  recordFailure(weight: number, region = -1): void {
    this.failed += weight;
    this.windowFailed += weight;
    if (region >= 0) this.windowFailedByRegion[region] = (this.windowFailedByRegion[region] ?? 0) + weight;
  }

  /**
   * Closes the current window and returns its summary; `regionIds` names the regions by index. With `shares`,
   * writes the share (0..1) of the window's finished requests each region took (served or failed) at
   * `shares[offset + r]`, and with `failShares` the share that failed there.
   */
  closeWindow(regionIds: readonly string[], shares?: Float64Array, offset = 0, failShares?: Float64Array): UserWindow {
    const reads = this.windowReads.sorted();
    const writes = this.windowWrites.sorted();
    const byRegion = this.windowByRegion;
    let servedBy = -1;
    const failedBy = this.windowFailedByRegion;
    let finished = 0;
    for (let r = 0; r < byRegion.length; r++) {
      finished += (byRegion[r] as number) + (failedBy[r] ?? 0);
      const count = byRegion[r] as number;
      if (count === 0) continue;
      if (servedBy < 0 || count > (byRegion[servedBy] as number)) servedBy = r;
      const id = regionIds[r];
      if (id !== undefined) this.servedByRegion.set(id, (this.servedByRegion.get(id) ?? 0) + count);
    }
    for (let r = 0; r < byRegion.length; r++) {
      const failed = failedBy[r] ?? 0;
      if (shares) shares[offset + r] = finished > 0 ? ((byRegion[r] as number) + failed) / finished : 0;
      if (failShares) failShares[offset + r] = finished > 0 ? failed / finished : 0;
    }
    failedBy.fill(0);
    const row: UserWindow = {
      readP50Ms: nearestRank(reads, 0.5),
      readP99Ms: nearestRank(reads, 0.99),
      writeP50Ms: nearestRank(writes, 0.5),
      writeP99Ms: nearestRank(writes, 0.99),
      ok: this.windowOk,
      failed: this.windowFailed,
      servedBy,
    };
    this.windowReads.clear();
    this.windowWrites.clear();
    this.windowOk = 0;
    this.windowFailed = 0;
    if (servedBy >= 0) byRegion.fill(0);
    return row;
  }

  /** Moves the window's per-region counts to new region indices after a live edit of the regions. */
  remapRegions(regionCount: number, newIndexOf: (oldIndex: number) => number): void {
    const moved = new Float64Array(regionCount);
    this.windowByRegion.forEach((count, r) => {
      const to = newIndexOf(r);
      if (to >= 0) moved[to] = count;
    });
    this.windowByRegion = moved;
    const movedFailed = new Float64Array(regionCount);
    this.windowFailedByRegion.forEach((count, r) => {
      const to = newIndexOf(r);
      if (to >= 0) movedFailed[to] = count;
    });
    this.windowFailedByRegion = movedFailed;
  }
}
