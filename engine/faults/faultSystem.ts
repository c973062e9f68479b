/**
 * Faults, as a system of the simulation: the scenario's faults scheduled at their times (a live edit's new ones
 * at once), and each applied when it comes: the conditions change, and so do the replication streams, the
 * routers that see power, the queues of a region that lost capacity, and the failover timeline.
 *
 * It also keeps the promise that lets the traffic system record outcomes ahead of the clock: such an outcome
 * stands only if no region goes dark before its answers have left. `promisedS` is the latest moment an outcome
 * recorded early relies on, and the scheduled region failures and partitions still ahead bound it.
 */
import type { Run } from '../core/run.ts';
import { indexOfRegion } from '../core/run.ts';
import type { CapacitySystem } from '../capacity/capacitySystem.ts';
import type { DataLayer } from '../data/dataLayer.ts';
import type { FailoverSystem } from '../failover/failoverSystem.ts';
import { newFaults } from '../liveEdit.ts';
import type { RoutingSystem } from '../routing/routingSystem.ts';
import type { Scenario } from '../scenario/schema.ts';

export class FaultSystem {
  /** Increases whenever the faults are scheduled again: fault events of an older generation are stale. */
  generation = 0;
  /** The latest moment an outcome recorded ahead of the clock relies on (see the file's comment). */
  promisedS = 0;
  private darkTimesS: number[] = [];
  private nextDark = 0;

  constructor(
    private readonly run: Run,
    private readonly parts: {
      readonly data: () => DataLayer;
      readonly routing: RoutingSystem;
      readonly capacity: CapacitySystem;
      readonly failover: FailoverSystem;
      /** The populations sending now, by index. */
      readonly activeUsers: () => readonly number[];
    },
  ) {}

  /** The next scheduled region failure or partition at or after now (Infinity if none). */
  nextDarkS(): number {
    const timeS = this.run.timeS;
    while (this.nextDark < this.darkTimesS.length && (this.darkTimesS[this.nextDark] as number) < timeS) this.nextDark++;
    return this.darkTimesS[this.nextDark] ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Schedules the scenario's faults that are still ahead. On a live edit (`previous` is the fault list before
   * it), a fault that was not there before and whose time has already passed was injected by a person (its time
   * is the clock they saw, a moment behind the engine's): it happens now, or once the answers already recorded
   * have left (a few hundred ms at most).
   */
  schedule(previous?: Scenario['faults']): void {
    const run = this.run;
    this.generation++;
    const added = previous ? newFaults(previous, run.scenario.faults) : [];
    const injectS = Math.max(run.timeS, this.promisedS);
    const darkTimes: number[] = [];
    run.scenario.faults.forEach((fault, index) => {
      let atS = fault.atS;
      if (atS < run.timeS) {
        if (!added[index]) return;
        atS = injectS;
      }
      run.queue.push(atS, { kind: 'fault', index, generation: this.generation });
      if (fault.kind === 'region-down' || fault.kind === 'partition') darkTimes.push(atS);
    });
    this.darkTimesS = darkTimes.sort((a, b) => a - b);
    this.nextDark = 0;
  }

  onFault(index: number): void {
    const run = this.run;
    const { routing, capacity, failover } = this.parts;
    const data = this.parts.data();
    const fault = run.scenario.faults[index];
    if (!fault) return;
    if (fault.kind === 'region-down') {
      const lostRegion = indexOfRegion(run, fault.region);
      if (lostRegion >= 0 && !run.conditions.isDark(lostRegion)) data.replication.regionLost(lostRegion, run.timeS);
    }
    run.conditions.apply(fault, (id) => indexOfRegion(run, id), run.timeS);
    data.replication.conditionsChanged(run.timeS);
    if (!('region' in fault)) return;
    const r = indexOfRegion(run, fault.region);
    if (r < 0) return;
    if (fault.kind === 'region-down' || fault.kind === 'region-up') routing.router.powerChanged(r, run.timeS);
    if (fault.kind === 'region-up' && r === run.world.splitBrainIndex) failover.splitBrainBegins(fault.region);
    if (fault.kind === 'capacity-loss' || fault.kind === 'region-up') capacity.refresh(r);
    if (fault.kind === 'region-down' || fault.kind === 'gray-failure') {
      const shares = new Float64Array(run.world.regions.length);
      const affected: number[] = [];
      for (const u of this.parts.activeUsers()) {
        routing.router.shares(u, run.timeS, shares);
        if ((shares[r] as number) >= 0.01) affected.push(u);
      }
      failover.struck(r, fault.kind, affected);
    }
  }
}
