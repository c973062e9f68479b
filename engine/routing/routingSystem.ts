/**
 * Health checks and routing, as a system of the simulation: probes of every region on their interval, verdicts
 * after `unhealthyThreshold` failures (or healthy ones), the routing layer taking a verdict in after
 * `propagationS`, and the router (one of the four policies) that picks each request's region.
 */
import type { Run } from '../core/run.ts';
import { createRandom, type Random } from '../random.ts';
import { HealthMonitor } from './healthMonitor.ts';
import type { Router } from './policy.ts';
import { createRouter } from './router.ts';

/** What the routing system tells failover about: a region found failing, or healthy again. */
export interface HealthListener {
  regionUnhealthy(r: number): void;
  regionHealthyAgain(r: number): void;
}

export class RoutingSystem {
  router!: Router;
  health: HealthMonitor;
  private readonly healthRng: Random;
  private readonly routerRng: Random;
  listener: HealthListener | undefined;

  constructor(private readonly run: Run) {
    this.healthRng = createRandom(run.seed, 'health');
    this.routerRng = createRandom(run.seed, 'router');
    this.health = new HealthMonitor(run.world.regions.length, run.scenario.routing.healthCheck, this.healthRng);
  }

  /** A new router for the run's world and settings (its DNS caches, BGP state and SDK exclusions start afresh). */
  rebuildRouter(): void {
    const { world, scenario, routable, conditions } = this.run;
    this.router = createRouter({ world, settings: scenario.routing, routable, conditions, rng: this.routerRng });
  }

  /** New health checkers for a world whose regions changed; each starts from the routing layer's view. */
  regionsChanged(): void {
    const { world, scenario, routable } = this.run;
    this.health = new HealthMonitor(world.regions.length, scenario.routing.healthCheck, this.healthRng);
    world.regions.forEach((_, r) => (this.health.healthy[r] = routable[r] ?? 1));
  }

  /** The first probe of every region. */
  scheduleProbes(): void {
    const run = this.run;
    run.world.regions.forEach((_, r) => run.queue.push(this.health.firstCheckS(run.timeS), { kind: 'probe', region: r, version: run.version }));
  }

  onProbe(r: number): void {
    const run = this.run;
    const { passed, delayS } = this.health.probe(r, run.conditions);
    run.queue.push(run.timeS + delayS, { kind: 'probe-result', region: r, passed, version: run.version });
    run.queue.push(run.timeS + this.health.intervalS, { kind: 'probe', region: r, version: run.version });
  }

  onProbeResult(r: number, passed: boolean): void {
    const run = this.run;
    const verdict = this.health.record(r, passed, run.timeS);
    if (!verdict) return;
    if (!verdict.healthy) this.listener?.regionUnhealthy(r);
    else this.listener?.regionHealthyAgain(r);
    run.queue.push(run.timeS + run.scenario.routing.propagationS, { kind: 'routing-update', region: r, healthy: verdict.healthy, version: run.version });
  }

  onRoutingUpdate(r: number, healthy: boolean): void {
    this.run.routable[r] = healthy ? 1 : 0;
    this.router.routableChanged(this.run.timeS);
  }
}
