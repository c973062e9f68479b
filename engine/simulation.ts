/**
 * The simulation: a clock, an event queue, and the systems that act in simulated time. This file is the
 * composition root: it builds the systems, registers what each handles, and reads top to bottom.
 *
 *   traffic   (traffic/trafficSystem.ts)    user populations' arrivals; each request's journey to its outcome
 *   capacity  (capacity/capacitySystem.ts)  provisioned servers, the autoscaler, region queues
 *   routing   (routing/routingSystem.ts)    health checks, verdicts, the router that picks a request's region
 *   failover  (failover/failoverSystem.ts)  each failure's timeline, promotion of a standby
 *   faults    (faults/faultSystem.ts)       the scenario's faults, applied at their times
 *   data      (data/dataLayer.ts)           replication, conflicts, read consistency, placement, cost
 *   windows   (metrics/windowSystem.ts)     one metrics window per simulated second
 *
 * What they share (scenario, world, conditions, clock, queue, the world's version) is one `Run` (core/run.ts).
 * Events stamped with an older version or fault generation are stale and dropped here, in one place. A live
 * edit (`applyScenario`) is applied here too, system by system: the clock, the faults already applied and each
 * population's random stream carry on.
 *
 * Deterministic: time is the simulation clock and every random draw comes from a stream seeded by the
 * scenario's seed and the entity's id, so one scenario and seed give the same run in Node and in a browser.
 *
 * Two fidelities (scenario.simulation.mode): exact simulates every request through FIFO multi-server queues,
 * one event per stage; aggregate models the queues as fluids and simulates a sample of requests, each standing
 * for several, through the same journey code.
 */
import { CapacitySystem } from './capacity/capacitySystem.ts';
import { createRun, type Run } from './core/run.ts';
import { DataLayer } from './data/dataLayer.ts';
import { DataTotals } from './data/dataTotals.ts';
import { FailoverSystem } from './failover/failoverSystem.ts';
import { FaultSystem } from './faults/faultSystem.ts';
import type { Fidelity } from './fidelity.ts';
import { remapFlags, routingKey, sameRegions } from './liveEdit.ts';
import { WindowSystem } from './metrics/windowSystem.ts';
import type { SimulationObserver } from './observer.ts';
import { buildReport, type Report } from './report.ts';
import { expectedLoad } from './routing/expectedLoad.ts';
import { RoutingSystem } from './routing/routingSystem.ts';
import type { Scenario } from './scenario/schema.ts';
import type { SimEvent } from './simulationState.ts';
import type { MetricsWindow } from './metrics/window.ts';
import { TrafficSystem } from './traffic/trafficSystem.ts';
import { buildWorld } from './world.ts';

export { chooseFidelity, type Fidelity } from './fidelity.ts';

/** Seconds between control steps: routing shares, fluid queues, rerouting checks. */
export const CONTROL_STEP_S = 0.1;
/** Replication streams are drained (applied writes counted) every this many control steps; lags are exact anyway. */
const DRAIN_EVERY_STEPS = 10;

export interface Simulation {
  /** Simulated seconds elapsed. */
  readonly timeS: number;
  /** True once the clock has reached the scenario's durationS. */
  readonly done: boolean;
  readonly scenario: Scenario;
  /** exact or aggregate, as chosen for this run. */
  readonly fidelity: Fidelity;
  /** Runs every event up to `timeS` (clamped to durationS). */
  advanceTo(timeS: number): void;
  /** The completed windows since the last call, oldest first (one per simulated second). */
  takeWindows(): MetricsWindow[];
  /** Replaces the scenario while running: positions, rates, routing and faults change from now on. */
  applyScenario(next: Scenario): void;
  /** The report of the run so far. */
  report(): Report;
  /** Events processed so far (for benchmarks). */
  readonly eventCount: number;
}

export interface SimulationOptions {
  /** Receives the run's trace (writes, deliveries, answers, reads) for checkers; none by default. */
  readonly observer?: SimulationObserver;
  /**
   * Keep each closed window until `takeWindows` (the default: the app's worker streams them). False for a run
   * that only wants its report (the CLI, drills, tests): windows are still closed, so every number is the same,
   * but not kept, and memory stays flat however long the run.
   */
  readonly keepWindows?: boolean;
}

export function createSimulation(initial: Scenario, options: SimulationOptions = {}): Simulation {
  const run: Run = createRun(initial, options.observer);
  let eventCount = 0;

  // ---- the systems ----
  const capacity = new CapacitySystem(run);
  // The data layer's cumulative counts: one record for the run, handed to every data layer a live edit rebuilds.
  const dataTotals = new DataTotals();
  let data = new DataLayer(run.world, run.scenario, run.conditions, dataTotals, run.observer);
  const routing = new RoutingSystem(run);
  let traffic: TrafficSystem;
  const failover = new FailoverSystem(
    run,
    () => routing.router,
    () => traffic.failedByPopulation(),
    () => run.scenario.workload.timeoutMs / 1000,
  );
  routing.listener = failover;
  const windows = new WindowSystem(run, options.keepWindows ?? true, { traffic: () => traffic, capacity, data: () => data });
  const faults = new FaultSystem(run, { data: () => data, routing, capacity, failover, activeUsers: () => traffic.active.map((p) => p.index) });
  traffic = new TrafficSystem(run, { routing, capacity, faults, accounting: windows.accounting, data: () => data, windowEndS: () => windows.endS });

  // ---- the control step: routing shares, fluid queues, capacity offered, rerouting, autoscaling ----
  let controlStep = 0;
  let arrivalQps = new Float64Array(run.world.regions.length);
  let shares = new Float64Array(run.world.regions.length);
  const control = (): void => {
    const stepEndS = Math.min((controlStep + 1) * CONTROL_STEP_S, run.scenario.durationS);
    if (controlStep % DRAIN_EVERY_STEPS === 0) data.replication.drain(run.timeS);
    expectedLoad(run.world, run.scenario.data.topology, routing.router, traffic.active.map((p) => p.index), run.timeS, shares, arrivalQps);
    capacity.queues.step(arrivalQps, CONTROL_STEP_S);
    run.world.regions.forEach((_, r) => windows.accounting.offerCapacity(r, capacity.capacityNow(r), stepEndS - run.timeS));
    if (routing.router.nextTickS() <= run.timeS) routing.router.tick(run.timeS);
    failover.check(shares);
    if (run.fidelity === 'aggregate') traffic.sendDueArrivals(stepEndS);
    capacity.evaluate(arrivalQps, CONTROL_STEP_S, controlStep);
    controlStep++;
    if (stepEndS < run.scenario.durationS) run.queue.push(stepEndS, { kind: 'control' });
  };

  // ---- events: stale ones dropped, the rest to the system they belong to ----
  const isStale = (event: SimEvent): boolean => {
    switch (event.kind) {
      case 'fault':
        return event.generation !== faults.generation; // superseded by a live edit of the faults
      case 'probe':
      case 'probe-result':
      case 'routing-update':
      case 'promote':
      case 'scale-ready':
        return event.version !== run.version; // scheduled for regions a live edit has renumbered
      default:
        return false;
    }
  };

  const handle = (event: SimEvent): void => {
    if (isStale(event)) return;
    switch (event.kind) {
      case 'arrival':
        return traffic.onArrivalEvent(event.population);
      case 'stage':
        return traffic.onStage(event);
      case 'complete':
        return traffic.onComplete(event);
      case 'control':
        return control();
      case 'window-end':
        data.replication.drain(run.timeS); // a window counts the writes its links applied before it closed
        windows.close(run.timeS);
        // Windows end on whole seconds, and a last, shorter one at durationS if it is not whole.
        if (run.timeS < run.scenario.durationS) run.queue.push(Math.min(Math.floor(run.timeS) + 1, run.scenario.durationS), event);
        return;
      case 'fault':
        return faults.onFault(event.index);
      case 'probe':
        return routing.onProbe(event.region);
      case 'probe-result':
        return routing.onProbeResult(event.region, event.passed);
      case 'routing-update':
        return routing.onRoutingUpdate(event.region, event.healthy);
      case 'promote':
        return failover.onPromote(event.region);
      case 'scale-ready':
        return capacity.onScaleReady(event.order);
    }
  };

  // ---- live edits ----
  const applyWorld = (next: Scenario, previousScenario: Scenario): void => {
    const previous = run.world;
    const world = buildWorld(next);
    run.world = world;
    // A promotion (or a split brain) outlives edits, unless the edit names another primary.
    if (next.data.primary === previousScenario.data.primary) {
      const promoted = world.regions.findIndex((r) => r.id === previous.regions[previous.primaryIndex]?.id);
      if (promoted >= 0) world.primaryIndex = promoted;
    }
    world.splitBrainIndex = world.regions.findIndex((r) => r.id === previous.regions[previous.splitBrainIndex]?.id);
    traffic.workloadEdited();
    routing.health.updateSettings(next.routing.healthCheck);
    if (sameRegions(previous, world)) {
      capacity.capacitiesEdited(previous.regions.map((r) => r.capacityQps));
      data.update(world, next);
      // A router keeps state (DNS caches, BGP convergence, SDK exclusions): keep it unless what it routes on changed.
      if (routingKey(previousScenario) !== routingKey(next)) routing.rebuildRouter();
      traffic.rebuildContext();
      return;
    }
    // The regions changed: carry what belongs to a region over by its id, start the rest afresh.
    run.version++;
    const newIndex = new Map(world.regions.map((r) => [r.id, r.index]));
    const remap = (old: number): number => newIndex.get(previous.regions[old]?.id ?? '') ?? -1;
    run.conditions = run.conditions.remapped(world.regions.length, remap);
    run.routable = remapFlags(run.routable, world.regions.length, remap);
    routing.regionsChanged();
    for (const population of traffic.populations.values()) population.metrics.remapRegions(world.regions.length, remap);
    arrivalQps = new Float64Array(world.regions.length);
    windows.accounting.remap(world.regions.length, remap);
    shares = new Float64Array(world.regions.length);
    capacity.rebuild();
    data = new DataLayer(world, next, run.conditions, dataTotals, run.observer);
    routing.rebuildRouter();
    traffic.rebuildContext();
    routing.scheduleProbes();
  };

  // ---- the start ----
  routing.rebuildRouter();
  traffic.rebuildContext();
  traffic.syncPopulations();
  faults.schedule();
  routing.scheduleProbes();
  run.queue.push(0, { kind: 'control' });
  run.queue.push(Math.min(1, run.scenario.durationS), { kind: 'window-end' });

  return {
    get timeS() {
      return run.timeS;
    },
    get done() {
      return run.timeS >= run.scenario.durationS;
    },
    get scenario() {
      return run.scenario;
    },
    get eventCount() {
      return eventCount;
    },
    fidelity: run.fidelity,
    advanceTo(targetS: number): void {
      const untilS = Math.min(targetS, run.scenario.durationS);
      const queue = run.queue;
      while (queue.peekTimeS() <= untilS) {
        const event = queue.pop();
        if (!event) break;
        eventCount++;
        run.timeS = queue.lastTimeS;
        handle(event);
      }
      run.timeS = Math.max(run.timeS, untilS);
    },
    takeWindows(): MetricsWindow[] {
      return windows.take();
    },
    applyScenario(next: Scenario): void {
      const previousScenario = run.scenario;
      const previousFaults = previousScenario.faults;
      const faultsChanged = JSON.stringify(next.faults) !== JSON.stringify(previousFaults);
      run.scenario = next;
      applyWorld(next, previousScenario);
      traffic.syncPopulations();
      if (faultsChanged) faults.schedule(previousFaults);
    },
    report(): Report {
      failover.timeline.settleErrors(traffic.failedByPopulation());
      data.replication.drain(run.timeS);
      const world = run.world;
      const totals = windows.accounting.totalsNow(world.regions.map((r) => r.id), windows.served());
      return buildReport({
        scenario: run.scenario,
        fidelity: run.fidelity,
        world,
        active: traffic.active.map((p) => ({ id: p.id, metrics: p.metrics })),
        everyone: [...traffic.populations.values()].map((p) => ({ id: p.id, metrics: p.metrics })),
        regionTotals: totals,
        elapsedS: run.timeS,
        failovers: failover.timeline.records,
        replication: data.replication,
        conflicts: data.conflicts,
        consistency: data.consistency,
        sovereignty: data.sovereignty,
        isUp: (r) => !run.conditions.isDark(r),
      });
    },
  };
}

/** Runs a scenario headless from start to end and returns its report. */
export function runScenario(scenario: Scenario, options: SimulationOptions = {}): Report {
  const simulation = createSimulation(scenario, { keepWindows: false, ...options });
  simulation.advanceTo(scenario.durationS);
  return simulation.report();
}
