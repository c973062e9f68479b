/**
 * What the simulation measures for one user population: totals over the run (counts, latency histograms,
 * where it was served) and the current one-second window (latency samples, counts per region).
 * Counts are weighted: in aggregate mode one simulated request stands for several.
 */
import { LatencyHistogram } from '../stats/histogram.ts';
import { SampleBuffer } from '../stats/quantile.ts';
import type { UserWindow } from './window.ts';

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
  /**
   * The regions with a count in the current window, ascending (a population reaches a few of them: closing a
   * window visits these, not every region).
   */
  private touched: Int32Array;
  private touchedCount = 0;

  constructor(regionCount: number) {
    this.windowByRegion = new Float64Array(regionCount);
    this.windowFailedByRegion = new Float64Array(regionCount);
    this.touched = new Int32Array(regionCount);
  }

  private touch(region: number): void {
    if (this.windowByRegion[region] !== 0 || this.windowFailedByRegion[region] !== 0) return;
    // Insert in order: sums over the touched regions then add up in index order, as a loop over all would.
    let i = this.touchedCount++;
    while (i > 0 && (this.touched[i - 1] as number) > region) {
      this.touched[i] = this.touched[i - 1] as number;
      i--;
    }
    this.touched[i] = region;
  }

  /** A successful request that entered region index `region` (-1: a region that no longer exists). */
  recordSuccess(latencyMs: number, isWrite: boolean, weight: number, region: number): void {
    this.ok += weight;
    this.windowOk += weight;
    (isWrite ? this.writes : this.reads).record(latencyMs, weight);
    (isWrite ? this.windowWrites : this.windowReads).push(latencyMs);
    if (region >= 0) {
      this.touch(region);
      this.windowByRegion[region] = (this.windowByRegion[region] as number) + weight;
    }
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
    if (region >= 0) {
      this.touch(region);
      this.windowFailedByRegion[region] = (this.windowFailedByRegion[region] as number) + weight;
    }
  }

  /**
   * Closes the current window and returns its summary; `regionIds` names the regions by index. With `shares`,
   * writes the share (0..1) of the window's finished requests each region took (served or failed) at
   * `shares[offset + r]`, and with `failShares` the share that failed there.
   */
  closeWindow(regionIds: readonly string[], shares?: Float64Array, offset = 0, failShares?: Float64Array): UserWindow {
    const byRegion = this.windowByRegion;
    const failedBy = this.windowFailedByRegion;
    const touched = this.touched;
    const n = this.touchedCount;
    let servedBy = -1;
    let finished = 0;
    for (let i = 0; i < n; i++) {
      const r = touched[i] as number;
      const count = byRegion[r] as number;
      finished += count + (failedBy[r] as number);
      if (count === 0) continue;
      if (servedBy < 0 || count > (byRegion[servedBy] as number)) servedBy = r;
      const id = regionIds[r];
      if (id !== undefined) this.servedByRegion.set(id, (this.servedByRegion.get(id) ?? 0) + count);
    }
    // Shares are 0 where the population sent nothing: the caller's buffers start zeroed.
    for (let i = 0; i < n; i++) {
      const r = touched[i] as number;
      const failed = failedBy[r] as number;
      if (shares) shares[offset + r] = finished > 0 ? ((byRegion[r] as number) + failed) / finished : 0;
      if (failShares) failShares[offset + r] = finished > 0 ? failed / finished : 0;
      byRegion[r] = 0;
      failedBy[r] = 0;
    }
    this.touchedCount = 0;
    const row: UserWindow = {
      readP50Ms: this.windowReads.nearestRank(0.5),
      readP99Ms: this.windowReads.nearestRank(0.99),
      writeP50Ms: this.windowWrites.nearestRank(0.5),
      writeP99Ms: this.windowWrites.nearestRank(0.99),
      ok: this.windowOk,
      failed: this.windowFailed,
      servedBy,
    };
    this.windowReads.clear();
    this.windowWrites.clear();
    this.windowOk = 0;
    this.windowFailed = 0;
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
    this.touched = new Int32Array(regionCount);
    this.touchedCount = 0;
    for (let r = 0; r < regionCount; r++) if (moved[r] !== 0 || movedFailed[r] !== 0) this.touched[this.touchedCount++] = r;
  }
}
