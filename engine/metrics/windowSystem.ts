/**
 * Metrics windows, as a system of the simulation: one per simulated second (and a last, shorter one at the
 * run's end if it is not whole), closed from what the populations, regions, links and totals counted, and kept
 * for the app's worker to take (or not kept, for a run that only wants its report).
 */
import type { CapacitySystem } from '../capacity/capacitySystem.ts';
import type { Run } from '../core/run.ts';
import type { DataLayer } from '../data/dataLayer.ts';
import type { MetricsWindow } from './window.ts';
import type { TrafficSystem } from '../traffic/trafficSystem.ts';
import { RegionAccounting } from './regionAccounting.ts';
import { detailCells, WindowDetailRecorder } from './windowDetail.ts';

export class WindowSystem {
  /** Per region: capacity offered, requests served and dropped, for windows and the report. */
  readonly accounting: RegionAccounting;
  private readonly detail = new WindowDetailRecorder();
  private readonly pending: MetricsWindow[] = [];
  private startS = 0;
  /** When the open window ends, seconds. */
  endS: number;

  constructor(
    private readonly run: Run,
    private readonly keep: boolean,
    private readonly parts: { readonly traffic: () => TrafficSystem; readonly capacity: CapacitySystem; readonly data: () => DataLayer },
  ) {
    this.accounting = new RegionAccounting(run.world.regions.length);
    this.endS = Math.min(1, run.scenario.durationS);
  }

  /** Requests each region served in the open window, every population included. */
  served(): number[] {
    const served = Array.from(this.run.world.regions, () => 0);
    for (const population of this.parts.traffic().populations.values()) {
      const byRegion = population.metrics.windowByRegion;
      for (let r = 0; r < served.length; r++) served[r] = (served[r] as number) + (byRegion[r] ?? 0);
    }
    return served;
  }

  /** Closes the window ending at `endS` (the clock). */
  close(endS: number): void {
    const { world, scenario, conditions, routable } = this.run;
    const traffic = this.parts.traffic();
    const regionServed = this.served();
    const regionIds = world.regions.map((r) => r.id);
    const R = regionIds.length;
    const U = traffic.active.length;
    const cells = new Float64Array(detailCells(U, R));
    const userShares = cells.subarray(0, U * R);
    const userFailShares = cells.subarray(U * R, 2 * U * R);
    const detail = this.detail.close(
      {
        nowS: endS,
        world,
        scenario,
        conditions,
        routable,
        capacityQps: (r) => this.parts.capacity.capacityNow(r),
        data: this.parts.data(),
        accounting: this.accounting,
        regionServed,
        okRequests: traffic.okRequests(),
      },
      userShares,
      userFailShares,
      cells,
      2 * U * R,
    );
    this.accounting.closeWindow(regionIds, regionServed);
    const users = traffic.active.map((p, u) => p.metrics.closeWindow(regionIds, userShares, u * R, userFailShares));
    // Populations removed by a live edit still finish their last requests: count them, with no column.
    for (const population of traffic.populations.values()) if (population.index < 0) population.metrics.closeWindow(regionIds);
    if (this.keep) this.pending.push({ startS: this.startS, users, regionServed, detail });
    this.startS = endS;
    this.endS = Math.min(Math.floor(endS) + 1, scenario.durationS);
  }

  /** The windows closed since the last call, oldest first. */
  take(): MetricsWindow[] {
    return this.pending.splice(0, this.pending.length);
  }
}
