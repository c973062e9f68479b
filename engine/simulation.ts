/**
 * The simulation: a clock, an event queue, and everything that happens in simulated time: user populations'
 * requests, faults, health checks, the routing layer, region queues, autoscaling and failovers.
 *
 * Deterministic: time is the simulation clock and every random draw comes from a stream seeded by the
 * scenario's seed and the entity's id, so one scenario and seed give the same run in Node and in a browser.
 * The same object runs headless (`runScenario`) and live in the worker, where the UI may edit the scenario
 * mid-run (`applyScenario`): the clock, the faults already applied and each population's random stream carry on.
 *
 * Two fidelities (scenario.simulation.mode): exact simulates every request through FIFO multi-server queues,
 * one event per stage; aggregate models the queues as fluids and simulates a sample of requests, each standing
 * for several, through the same journey code.
 */
import { EventQueue } from './clock/eventQueue.ts';
import { Conditions } from './conditions.ts';
import { DataLayer } from './data/dataLayer.ts';
import { Autoscaler, EVALUATION_S } from './capacity/autoscaler.ts';
import { createExactQueues, createFluidQueues, type RegionQueues } from './capacity/regionQueues.ts';
import { FailoverTimeline } from './failover/timeline.ts';
import { homeReplacement, standbyToPromote } from './failover/promotion.ts';
import { RegionAccounting } from './metrics/regionAccounting.ts';
import { expectedLoad } from './routing/expectedLoad.ts';
import { PopulationMetrics } from './metrics/populationMetrics.ts';
import { WindowDetailRecorder } from './metrics/windowDetail.ts';
import { createRandom } from './random.ts';
import { buildReport, type Report } from './report.ts';
import { HealthMonitor } from './routing/healthMonitor.ts';
import { createRouter, type Router } from './routing/router.ts';
import type { SimulationObserver } from './observer.ts';
import type { Scenario } from './scenario/schema.ts';
import type { MetricsWindow } from './snapshot.ts';
import { zipfKeys, type KeySampler } from './traffic/keyspace.ts';
import { advance, answerLeftInTime, emptyJourney, regionThatWentDark, restartJourney, settle, type Journey, type JourneyContext } from './traffic/journey.ts';
import { buildWorld, homeRegion, type World } from './world.ts';
import { chooseFidelity, sampleWeight, type Fidelity } from './fidelity.ts';
import { carryOver as carryOverFlight, type InFlight, type PopulationState, type SimEvent } from './simulationState.ts';
import { newFaults, remapFlags, routingKey, sameRegions } from './liveEdit.ts';

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
  const observer = options.observer;
  const keepWindows = options.keepWindows ?? true;
  let scenario = initial;
  const fidelity = chooseFidelity(initial);
  const seed = initial.seed;
  let timeS = 0;
  let eventCount = 0;
  let faultGeneration = 0;
  let version = 0;
  let windowStartS = 0;
  const queue = new EventQueue<SimEvent>();
  const populations = new Map<string, PopulationState>();
  let active: PopulationState[] = [];
  const pendingWindows: MetricsWindow[] = [];
  const pool: InFlight[] = [];
  const timeline = new FailoverTimeline();
  const healthRng = createRandom(seed, 'health');
  const routerRng = createRandom(seed, 'router');

  let world: World = buildWorld(scenario);
  let conditions = new Conditions(world.regions.length);
  let health = new HealthMonitor(world.regions.length, scenario.routing.healthCheck, healthRng);
  let routable = new Uint8Array(world.regions.length).fill(1);
  let router: Router;
  let queues: RegionQueues;
  let autoscaler: Autoscaler;
  let data: DataLayer;
  let keys: KeySampler = zipfKeys(scenario.workload.keyCount, scenario.workload.zipfS);
  let context: JourneyContext;
  let arrivalQps = new Float64Array(world.regions.length);
  const accounting = new RegionAccounting(world.regions.length);
  const windowDetail = new WindowDetailRecorder();
  let windowEndS = Math.min(1, initial.durationS);
  const shareBuffer = (): Float64Array => new Float64Array(world.regions.length);
  let shares = shareBuffer();

  const indexOfRegion = (id: string): number => world.regions.findIndex((r) => r.id === id);
  const capacityNow = (r: number): number => (autoscaler.provisioned[r] ?? 0) * conditions.capacityFactorOf(r);

  const rebuildRouting = (): void => {
    router = createRouter({ world, settings: scenario.routing, routable, conditions, rng: routerRng });
    context = journeyContext();
  };

  const journeyContext = (): JourneyContext => ({
    world,
    data: scenario.data,
    conditions,
    queues,
    router,
    dataLayer: data,
    timeoutS: scenario.workload.timeoutMs / 1000,
    replicaMembers: routable,
    ackScratch: [],
  });


  const rebuildCapacity = (): void => {
    autoscaler = new Autoscaler(world.regions.map((r) => r.autoscale), world.regions.map((r) => r.capacityQps));
    const setup = {
      capacityQps: world.regions.map((_, r) => capacityNow(r)),
      meanServiceS: [...world.meanServiceS],
      shed: scenario.workload.overload === 'shed',
      timeoutS: scenario.workload.timeoutMs / 1000,
    };
    queues = fidelity === 'exact' ? createExactQueues(setup) : createFluidQueues(setup);
    data = new DataLayer(world, scenario, conditions, data as DataLayer | undefined, observer);
  };

  const scheduleProbes = (): void => {
    world.regions.forEach((_, r) => queue.push(health.firstCheckS(timeS), { kind: 'probe', region: r, version }));
  };

  /**
   * Draws the population's next arrival after `fromS`. In exact mode it is an event; in aggregate mode the
   * control step sends each population's arrivals of the coming step in one go.
   */
  const scheduleArrival = (population: PopulationState, fromS: number): void => {
    const spec = world.users[population.index];
    const qps = spec?.qps ?? 0;
    population.scheduled = qps > 0;
    if (!population.scheduled) return;
    population.nextArrivalS = fromS + population.rng.exponential(qps / population.weight);
    if (fidelity === 'exact') queue.push(population.nextArrivalS, population.arrival);
  };

  /** Aggregate mode: every arrival due before `untilS`, population by population. */
  const sendDueArrivals = (untilS: number): void => {
    for (const population of active) {
      while (population.scheduled && population.nextArrivalS < untilS) {
        const atS = population.nextArrivalS;
        if (!onArrival(population, atS)) break;
        scheduleArrival(population, atS);
      }
    }
  };

  const syncPopulations = (): void => {
    const totalQps = world.users.reduce((sum, u) => sum + u.qps, 0);
    for (const population of populations.values()) population.index = -1;
    active = world.users.map((spec, index) => {
      let population = populations.get(spec.id);
      if (!population) {
        const created: Omit<PopulationState, 'arrival'> & { arrival?: PopulationState['arrival'] } = {
          id: spec.id,
          index,
          scheduled: false,
          nextArrivalS: 0,
          weight: 1,
          rng: createRandom(seed, `user:${spec.id}`),
          metrics: new PopulationMetrics(world.regions.length),
        };
        created.arrival = { kind: 'arrival', population: created as PopulationState };
        population = created as PopulationState;
        populations.set(spec.id, population);
      }
      population.index = index;
      population.weight = sampleWeight(fidelity, spec.qps, totalQps, scenario.simulation.samplesPerSecond);
      if (!population.scheduled) scheduleArrival(population, timeS);
      return population;
    });
  };

  /**
   * Outcomes recorded ahead of the clock (see `run`) stand only if no region goes dark before their answers have
   * left and their replicas' acknowledgements have come: `promisedS` is the latest moment such an outcome relies
   * on, and `darkTimesS` the scheduled region failures and partitions still ahead (ascending), which bound it.
   */
  let promisedS = 0;
  let darkTimesS: number[] = [];
  let nextDark = 0;
  const nextDarkS = (): number => {
    while (nextDark < darkTimesS.length && (darkTimesS[nextDark] as number) < timeS) nextDark++;
    return darkTimesS[nextDark] ?? Number.POSITIVE_INFINITY;
  };

  /**
   * Schedules the scenario's faults that are still ahead. On a live edit (`previous` is the fault list before
   * it), a fault that was not there before and whose time has already passed was injected by a person (its time
   * is the clock they saw, a moment behind the engine's): it happens now, or once the answers already recorded
   * have left (a few hundred ms at most).
   */
  const scheduleFaults = (previous?: Scenario['faults']): void => {
    faultGeneration++;
    const added = previous ? newFaults(previous, scenario.faults) : [];
    const injectS = Math.max(timeS, promisedS);
    const darkTimes: number[] = [];
    scenario.faults.forEach((fault, index) => {
      let atS = fault.atS;
      if (atS < timeS) {
        if (!added[index]) return;
        atS = injectS;
      }
      queue.push(atS, { kind: 'fault', index, generation: faultGeneration });
      if (fault.kind === 'region-down' || fault.kind === 'partition') darkTimes.push(atS);
    });
    darkTimesS = darkTimes.sort((a, b) => a - b);
    nextDark = 0;
  };

  // ---- journeys ----
  const run = (flight: InFlight): void => {
    const { journey, population } = flight;
    if (fidelity === 'exact') {
      advance(context, journey, population.rng);
    } else {
      // Aggregate mode runs the stages back to back, up to a commit, which waits for its time (writes commit in
      // time order).
      do advance(context, journey, population.rng);
      while (journey.stage !== 'done' && !(journey.stage === 'commit' && journey.atS > timeS));
    }
    if (journey.stage !== 'done') {
      flight.kind = 'stage';
      queue.push(Math.max(journey.atS, timeS), flight);
      return;
    }
    // An outcome due within the open window, which no client will act on, is recorded at once (the window it
    // lands in is the same, and the event queue is spared an event) if no region can go dark before its answer
    // has left.
    const reliesOnS = Math.max(journey.entryLeaveS, journey.writerLeaveS);
    if (journey.atS < windowEndS && (journey.ok || !router.retriesElsewhere) && (reliesOnS <= timeS || reliesOnS < nextDarkS())) {
      if (reliesOnS > promisedS) promisedS = reliesOnS;
      return onComplete(flight);
    }
    // (An outcome the client met in the past, a timeout found late, is recorded now: the clock never goes back.)
    flight.kind = 'complete';
    queue.push(Math.max(journey.atS, timeS), flight);
  };

  /** Sends one request of the population at `atS`; false if the population is gone. */
  const onArrival = (population: PopulationState, atS: number): boolean => {
    const spec = world.users[population.index];
    if (!spec) {
      population.scheduled = false; // removed by a live edit: its arrivals end here
      return false;
    }
    const weight = population.weight;
    const isWrite = population.rng.uniform() < spec.writeRatio;
    const flight = pool.pop() ?? { kind: 'stage', journey: emptyJourney(), population, version, regions: world.regions };
    // Under home-region each region owns its users' keys: the same key number in two homes is two keys.
    const rawKey = keys(population.rng);
    const key = scenario.data.topology === 'home-region' ? homeRegion(world, population.index) * scenario.workload.keyCount + rawKey : rawKey;
    restartJourney(flight.journey, population.index, isWrite, weight, key, atS, context.timeoutS);
    flight.kind = 'stage';
    flight.population = population;
    flight.version = version;
    flight.regions = world.regions;
    population.metrics.issued += weight;
    run(flight);
    return true;
  };

  const onComplete = (flight: InFlight): void => {
    const { journey, population } = flight;
    // A timeout found late (a write whose commit came after its client gave up) is the client's news now: a retry
    // starts from now, never in the past.
    if (journey.atS < timeS) journey.atS = timeS;
    if (!carryOver(flight) && journey.ok) journey.entry = -1; // served by a region that no longer exists
    const darkOnTheWay = journey.ok && journey.entry >= 0 && !answerLeftInTime(conditions, journey);
    if (darkOnTheWay || (journey.ok && journey.write >= 0 && journey.writeOwner === data && !acksArrived(data, journey))) {
      // A region it relied on went dark before the answer left, or a link was cut before the replicas it waited
      // for had the write: no answer comes, the client waits out its timeout.
      journey.ok = false;
      journey.failure = darkOnTheWay ? 'unreachable' : 'timeout';
      journey.failedAt = darkOnTheWay ? regionThatWentDark(conditions, journey) : journey.writer;
      if (journey.deadlineS > journey.atS) {
        journey.atS = journey.deadlineS;
        flight.kind = 'complete';
        queue.push(journey.atS, flight);
        return;
      }
    }
    if (observer?.answered) reportAnswer(observer, flight);
    if (journey.write >= 0) {
      // The write's client has heard (or never will): an acknowledged write nobody holds any more is lost.
      if (journey.writeOwner === data) data.answered(journey.write, journey.user, journey.ok, journey.atS);
      journey.write = -1;
      journey.writeOwner = null;
    }
    if (flight.version === version && population.index === journey.user && settle(context, journey, population.rng)) {
      run(flight);
      return;
    }
    const current = flight.version === version;
    if (journey.ok) {
      // A request served in a world whose regions have since changed counts, but no longer names its region.
      const entry = current ? journey.entry : -1;
      population.metrics.recordSuccess((journey.atS - journey.sentS) * 1000, journey.isWrite, journey.weight, entry);
    } else {
      population.metrics.recordFailure(journey.weight, current ? journey.entry : -1);
      if (current && journey.failedAt >= 0) accounting.drop(journey.failedAt, journey.weight);
    }
    pool.push(flight);
  };

  const carryOver = (flight: InFlight): boolean => carryOverFlight(flight, version, world, indexOfRegion);

  const onStage = (flight: InFlight): void => {
    if (!carryOver(flight)) {
      // A region this request was on its way to was removed by a live edit.
      flight.journey.stage = 'done';
      flight.journey.ok = false;
      flight.journey.failure = 'no-route';
      onComplete(flight);
      return;
    }
    run(flight);
  };

  // ---- control: routing shares, fluid queues, rerouting, autoscaling ----
  const activeIndices = (): number[] => active.map((p) => p.index);

  const regionHealthy = (r: number): boolean => !conditions.isDark(r) && conditions.grayOf(r) === null;

  const checkFailovers = (): void => {
    timeline.checkRerouting(
      timeS,
      (u) => world.users[u]?.qps ?? 0,
      (u, out) => router.shares(u, timeS, out),
      regionHealthy,
      (record) => !regionHealthy(indexOfRegion(record.region)),
      shares,
    );
    for (const record of timeline.records) {
      if (record.recoveredAtS === null) {
        const r = indexOfRegion(record.region);
        if (r >= 0 && regionHealthy(r) && routable[r] === 1) record.recoveredAtS = timeS;
      } else if (!record.errorsSettled && timeS >= record.recoveredAtS + context.timeoutS) {
        // Requests sent while it was down have all timed out by now: charge them to this failure.
        timeline.settleErrors(failedByPopulation(), record);
      }
    }
  };

  let controlStep = 0;
  const onControl = (): void => {
    const stepEndS = Math.min((controlStep + 1) * CONTROL_STEP_S, scenario.durationS);
    if (controlStep % DRAIN_EVERY_STEPS === 0) data.replication.drain(timeS);
    expectedLoad(world, scenario.data.topology, router, activeIndices(), timeS, shares, arrivalQps);
    queues.step(arrivalQps, CONTROL_STEP_S);
    world.regions.forEach((_, r) => accounting.offerCapacity(r, capacityNow(r), stepEndS - timeS));
    if (router.nextTickS() <= timeS) router.tick(timeS);
    checkFailovers();
    if (fidelity === 'aggregate') sendDueArrivals(stepEndS);
    if (controlStep > 0 && controlStep % Math.round(EVALUATION_S / CONTROL_STEP_S) === 0) {
      for (const order of autoscaler.evaluate(timeS, arrivalQps, (r) => conditions.capacityFactorOf(r))) {
        queue.push(order.readyAtS, { kind: 'scale-ready', order, version });
      }
    }
    controlStep++;
    if (stepEndS < scenario.durationS) queue.push(stepEndS, { kind: 'control' });
  };

  const failedByPopulation = (): Map<string, number> => new Map([...populations.values()].map((p) => [p.id, p.metrics.failed]));

  // ---- faults and health ----
  const onFault = (index: number, generation: number): void => {
    if (generation !== faultGeneration) return; // superseded by a live edit of the faults
    const fault = scenario.faults[index];
    if (!fault) return;
    if (fault.kind === 'region-down') {
      const lostRegion = indexOfRegion(fault.region);
      if (lostRegion >= 0 && !conditions.isDark(lostRegion)) data.replication.regionLost(lostRegion, timeS);
    }
    conditions.apply(fault, indexOfRegion, timeS);
    data.replication.conditionsChanged(timeS);
    if (!('region' in fault)) return;
    const r = indexOfRegion(fault.region);
    if (r < 0) return;
    if (fault.kind === 'region-down' || fault.kind === 'region-up') router.powerChanged(r, timeS);
    if (fault.kind === 'region-up' && r === world.splitBrainIndex) {
      for (const record of timeline.records) if (record.region === fault.region) record.splitBrainAtS ??= timeS;
    }
    if (fault.kind === 'capacity-loss' || fault.kind === 'region-up') queues.setCapacity(r, capacityNow(r), timeS);
    if (fault.kind === 'region-down' || fault.kind === 'gray-failure') {
      const affected: number[] = [];
      for (const population of active) {
        router.shares(population.index, timeS, shares);
        if ((shares[r] as number) >= 0.01) affected.push(population.index);
      }
      timeline.open(fault.region, fault.kind, timeS, affected, failedByPopulation());
    }
  };

  const onProbe = (r: number): void => {
    const { passed, delayS } = health.probe(r, conditions);
    queue.push(timeS + delayS, { kind: 'probe-result', region: r, passed, version });
    queue.push(timeS + health.intervalS, { kind: 'probe', region: r, version });
  };

  const onProbeResult = (r: number, passed: boolean): void => {
    const verdict = health.record(r, passed, timeS);
    if (!verdict) return;
    if (!verdict.healthy) {
      for (const record of timeline.openFor(world.regions[r]?.id ?? '')) record.detectedAtS ??= timeS;
      const ownsWrites = scenario.data.topology === 'home-region' || (scenario.data.topology === 'active-passive' && r === world.primaryIndex);
      if (ownsWrites) {
        const delayS = scenario.data.promotion === 'manual' ? scenario.data.manualPromotionS : scenario.routing.propagationS;
        queue.push(timeS + delayS, { kind: 'promote', region: r, version });
      }
    } else if (scenario.data.topology === 'home-region') {
      world.homeOverride[r] = -1; // the home region is back: its data goes home
    }
    queue.push(timeS + scenario.routing.propagationS, { kind: 'routing-update', region: r, healthy: verdict.healthy, version });
  };

  /** Promotes a standby if region r still owns writes and is still failing (primary, or a home region). */
  const onPromote = (r: number): void => {
    if (regionHealthy(r)) return;
    let best: number;
    if (scenario.data.topology === 'home-region') {
      best = homeReplacement(world, r, regionHealthy, scenario.data.homeFailover);
      if (best < 0) return;
      world.homeOverride[r] = best;
    } else {
      if (r !== world.primaryIndex) return;
      best = standbyToPromote(world, r, regionHealthy);
      if (best < 0) return;
      world.primaryIndex = best;
      if (!scenario.data.fencing) world.splitBrainIndex = r; // it will take writes again if it comes back
    }
    for (const record of timeline.openFor(world.regions[r]?.id ?? '')) {
      record.promotedAtS ??= timeS;
      record.newPrimary ??= world.regions[best]?.id ?? null;
    }
  };

  const onRoutingUpdate = (r: number, healthy: boolean): void => {
    routable[r] = healthy ? 1 : 0;
    router.routableChanged(timeS);
  };

  // ---- windows ----
  const windowServed = (): number[] => {
    const served = Array.from(world.regions, () => 0);
    for (const population of populations.values()) {
      const byRegion = population.metrics.windowByRegion;
      for (let r = 0; r < served.length; r++) served[r] = (served[r] as number) + (byRegion[r] ?? 0);
    }
    return served;
  };

  const closeWindow = (endS: number): void => {
    const regionServed = windowServed();
    const regionIds = world.regions.map((r) => r.id);
    const R = regionIds.length;
    const userShares = new Float64Array(active.length * R);
    const userFailShares = new Float64Array(active.length * R);
    let okRequests = 0;
    for (const population of populations.values()) okRequests += population.metrics.ok;
    const detail = windowDetail.close(
      { nowS: endS, world, scenario, conditions, routable, capacityQps: capacityNow, data, accounting, regionServed, okRequests },
      userShares,
      userFailShares,
    );
    accounting.closeWindow(regionIds, regionServed);
    const users = active.map((p, u) => p.metrics.closeWindow(regionIds, userShares, u * R, userFailShares));
    // Populations removed by a live edit still finish their last requests: count them, with no column.
    for (const population of populations.values()) if (population.index < 0) population.metrics.closeWindow(regionIds);
    if (keepWindows) pendingWindows.push({ startS: windowStartS, users, regionServed, detail });
    windowStartS = endS;
    windowEndS = Math.min(Math.floor(endS) + 1, scenario.durationS);
  };

  // ---- live edits ----
  const applyWorld = (next: Scenario, previousScenario: Scenario): void => {
    const previous = world;
    world = buildWorld(next);
    // A promotion (or a split brain) outlives edits, unless the edit names another primary.
    if (next.data.primary === previousScenario.data.primary) {
      const promoted = world.regions.findIndex((r) => r.id === previous.regions[previous.primaryIndex]?.id);
      if (promoted >= 0) world.primaryIndex = promoted;
    }
    world.splitBrainIndex = world.regions.findIndex((r) => r.id === previous.regions[previous.splitBrainIndex]?.id);
    keys = zipfKeys(next.workload.keyCount, next.workload.zipfS);
    health.updateSettings(next.routing.healthCheck);
    if (sameRegions(previous, world)) {
      const capacityChanged = world.regions.some((r, i) => r.capacityQps !== previous.regions[i]?.capacityQps);
      if (capacityChanged) {
        world.regions.forEach((r, i) => {
          if (r.capacityQps !== previous.regions[i]?.capacityQps) autoscaler.provisioned[i] = r.capacityQps;
        });
        world.regions.forEach((_, r) => queues.setCapacity(r, capacityNow(r), timeS));
      }
      // A router keeps state (DNS caches, BGP convergence, SDK exclusions): keep it unless what it routes on changed.
      data.update(world, next);
      if (routingKey(previousScenario) === routingKey(next)) context = journeyContext();
      else rebuildRouting();
      return;
    }
    // The regions changed: carry what belongs to a region over by its id, start the rest afresh.
    version++;
    const newIndex = new Map(world.regions.map((r) => [r.id, r.index]));
    const remap = (old: number): number => newIndex.get(previous.regions[old]?.id ?? '') ?? -1;
    conditions = conditions.remapped(world.regions.length, remap);
    routable = remapFlags(routable, world.regions.length, remap);
    health = new HealthMonitor(world.regions.length, next.routing.healthCheck, healthRng);
    world.regions.forEach((_, r) => (health.healthy[r] = routable[r] ?? 1));
    for (const population of populations.values()) population.metrics.remapRegions(world.regions.length, remap);
    arrivalQps = new Float64Array(world.regions.length);
    accounting.remap(world.regions.length, remap);
    shares = shareBuffer();
    rebuildCapacity();
    rebuildRouting();
    scheduleProbes();
  };

  rebuildCapacity();
  rebuildRouting();
  syncPopulations();
  scheduleFaults();
  scheduleProbes();
  queue.push(0, { kind: 'control' });
  queue.push(Math.min(1, scenario.durationS), { kind: 'window-end' });

  const handle = (event: SimEvent): void => {
    switch (event.kind) {
      case 'arrival':
        if (onArrival(event.population, timeS)) scheduleArrival(event.population, timeS);
        return;
      case 'stage':
        return onStage(event);
      case 'complete':
        return onComplete(event);
      case 'control':
        return onControl();
      case 'window-end':
        data.replication.drain(timeS); // a window counts the writes its links applied before it closed
        closeWindow(timeS);
        // Windows end on whole seconds, and a last, shorter one at durationS if it is not whole.
        if (timeS < scenario.durationS) queue.push(Math.min(Math.floor(timeS) + 1, scenario.durationS), event);
        return;
      case 'fault':
        return onFault(event.index, event.generation);
      case 'probe':
        if (event.version === version) onProbe(event.region);
        return;
      case 'probe-result':
        if (event.version === version) onProbeResult(event.region, event.passed);
        return;
      case 'routing-update':
        if (event.version === version) onRoutingUpdate(event.region, event.healthy);
        return;
      case 'promote':
        if (event.version === version) onPromote(event.region);
        return;
      case 'scale-ready':
        if (event.version !== version) return;
        autoscaler.ready(event.order);
        queues.setCapacity(event.order.region, capacityNow(event.order.region), timeS);
        return;
    }
  };

  return {
    get timeS() {
      return timeS;
    },
    get done() {
      return timeS >= scenario.durationS;
    },
    get scenario() {
      return scenario;
    },
    get eventCount() {
      return eventCount;
    },
    fidelity,
    advanceTo(targetS: number): void {
      const untilS = Math.min(targetS, scenario.durationS);
      while (queue.peekTimeS() <= untilS) {
        const event = queue.pop();
        if (!event) break;
        eventCount++;
        timeS = queue.lastTimeS;
        handle(event);
      }
      timeS = Math.max(timeS, untilS);
    },
    takeWindows(): MetricsWindow[] {
      return pendingWindows.splice(0, pendingWindows.length);
    },
    applyScenario(next: Scenario): void {
      const previousScenario = scenario;
      const previousFaults = scenario.faults;
      const faultsChanged = JSON.stringify(next.faults) !== JSON.stringify(previousFaults);
      scenario = next;
      applyWorld(next, previousScenario);
      syncPopulations();
      if (faultsChanged) scheduleFaults(previousFaults);
    },
    report(): Report {
      timeline.settleErrors(failedByPopulation());
      data.replication.drain(timeS);
      const totals = accounting.totalsNow(world.regions.map((r) => r.id), windowServed());
      return buildReport({
        scenario,
        fidelity,
        world,
        active: active.map((p) => ({ id: p.id, metrics: p.metrics })),
        everyone: [...populations.values()].map((p) => ({ id: p.id, metrics: p.metrics })),
        regionTotals: totals,
        elapsedS: timeS,
        failovers: timeline.records,
        replication: data.replication,
        conflicts: data.conflicts,
        consistency: data.consistency,
        sovereignty: data.sovereignty,
        isUp: (r) => !conditions.isDark(r),
      });
    },
  };
}

/**
 * Whether the replica acknowledgements a write's answer waited for did arrive: as many remote regions as it
 * counted have applied it by the time it answered (a link cut after the write was sent holds it back, and moves
 * its apply time, so an acknowledgement planned at commit may never have come).
 */
function acksArrived(data: DataLayer, journey: Journey): boolean {
  if (journey.acksNeeded === 0) return true;
  const pool = data.pool;
  const R = pool.regionCount;
  const row = journey.write * R;
  let arrived = 0;
  for (let r = 0; r < R; r++) if (r !== journey.writer && (pool.applyAtS[row + r] as number) <= journey.writerLeaveS) arrived++;
  return arrived >= journey.acksNeeded;
}

function reportAnswer(observer: SimulationObserver, flight: InFlight): void {
  const j = flight.journey;
  observer.answered?.({
    user: j.user,
    key: j.key,
    isWrite: j.isWrite,
    ok: j.ok,
    sentS: j.sentS,
    atS: j.atS,
    weight: j.weight,
    entry: j.entry,
    writer: j.writer,
    entryArriveS: j.entryArriveS,
    entryLeaveS: j.entryLeaveS,
    writerArriveS: j.writerArriveS,
    writerLeaveS: j.writerLeaveS,
    writeId: j.write >= 0 && j.writeOwner ? (j.writeOwner.pool.version[j.write] as number) : -1,
  });
}

/** Runs a scenario headless from start to end and returns its report. */
export function runScenario(scenario: Scenario, options: SimulationOptions = {}): Report {
  const simulation = createSimulation(scenario, { keepWindows: false, ...options });
  simulation.advanceTo(scenario.durationS);
  return simulation.report();
}
