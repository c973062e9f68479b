/**
 * Failover and promotion, as a system of the simulation: each failure's timeline (struck, detected, rerouted,
 * promoted, recovered, and the error budget it burned), and the promotion of a standby (or a home region's
 * replacement) once health checks find the region that owned writes failing.
 */
import type { Run } from '../core/run.ts';
import { indexOfRegion, regionHealthy } from '../core/run.ts';
import type { Router } from '../routing/policy.ts';
import type { HealthListener } from '../routing/routingSystem.ts';
import { homeReplacement, standbyToPromote } from './promotion.ts';
import { FailoverTimeline } from './timeline.ts';

export class FailoverSystem implements HealthListener {
  readonly timeline = new FailoverTimeline();

  constructor(
    private readonly run: Run,
    private readonly routerNow: () => Router,
    /** Failed requests so far per population id (the error budget is their difference). */
    private readonly failedByPopulation: () => Map<string, number>,
    private readonly timeoutS: () => number,
  ) {}

  /** A region-down or gray failure of region r struck now; `affected` are the populations sending to it. */
  struck(r: number, kind: 'region-down' | 'gray-failure', affected: number[]): void {
    const id = this.run.world.regions[r]?.id ?? '';
    this.timeline.open(id, kind, this.run.timeS, affected, this.failedByPopulation());
  }

  /** The old primary came back while another region took its writes (no fencing): a split brain from now. */
  splitBrainBegins(regionId: string): void {
    for (const record of this.timeline.records) if (record.region === regionId) record.splitBrainAtS ??= this.run.timeS;
  }

  regionUnhealthy(r: number): void {
    const run = this.run;
    for (const record of this.timeline.openFor(run.world.regions[r]?.id ?? '')) record.detectedAtS ??= run.timeS;
    const { data } = run.scenario;
    const ownsWrites = data.topology === 'home-region' || (data.topology === 'active-passive' && r === run.world.primaryIndex);
    if (ownsWrites) {
      const delayS = data.promotion === 'manual' ? data.manualPromotionS : run.scenario.routing.propagationS;
      run.queue.push(run.timeS + delayS, { kind: 'promote', region: r, version: run.version });
    }
  }

  regionHealthyAgain(r: number): void {
    if (this.run.scenario.data.topology === 'home-region') this.run.world.homeOverride[r] = -1; // the home region is back: its data goes home
  }

  /** Promotes a standby if region r still owns writes and is still failing (primary, or a home region). */
  onPromote(r: number): void {
    const run = this.run;
    const healthy = (x: number): boolean => regionHealthy(run, x);
    if (healthy(r)) return;
    const { world, scenario } = run;
    let best: number;
    if (scenario.data.topology === 'home-region') {
      best = homeReplacement(world, r, healthy, scenario.data.homeFailover);
      if (best < 0) return;
      world.homeOverride[r] = best;
    } else {
      if (r !== world.primaryIndex) return;
      best = standbyToPromote(world, r, healthy);
      if (best < 0) return;
      world.primaryIndex = best;
      if (!scenario.data.fencing) world.splitBrainIndex = r; // it will take writes again if it comes back
    }
    for (const record of this.timeline.openFor(world.regions[r]?.id ?? '')) {
      record.promotedAtS ??= run.timeS;
      record.newPrimary ??= world.regions[best]?.id ?? null;
    }
  }

  /** Each control step: has traffic left the failed region yet, has it recovered, is its error budget final. */
  check(shares: Float64Array): void {
    const run = this.run;
    const router = this.routerNow();
    const healthy = (r: number): boolean => regionHealthy(run, r);
    this.timeline.checkRerouting(
      run.timeS,
      (u) => run.world.users[u]?.qps ?? 0,
      (u, out) => router.shares(u, run.timeS, out),
      healthy,
      (record) => !healthy(indexOfRegion(run, record.region)),
      shares,
    );
    for (const record of this.timeline.records) {
      if (record.recoveredAtS === null) {
        const r = indexOfRegion(run, record.region);
        if (r >= 0 && healthy(r) && run.routable[r] === 1) record.recoveredAtS = run.timeS;
      } else if (!record.errorsSettled && run.timeS >= record.recoveredAtS + this.timeoutS()) {
        // Requests sent while it was down have all timed out by now: charge them to this failure.
        this.timeline.settleErrors(this.failedByPopulation(), record);
      }
    }
  }
}
