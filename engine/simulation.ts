/**
 * The simulation: a clock, an event queue and the traffic of every user population, advanced on demand.
 *
 * Deterministic: time is the simulation clock and every random draw comes from a stream seeded by the
 * scenario's seed and the entity's id, so one scenario and seed give the same run in Node and in a browser.
 * The same object runs headless (`runScenario`) and live in the worker, where the UI may edit the scenario
 * mid-run (`applyScenario`): the clock and each population's random stream carry on.
 */
import { EventQueue } from './clock/eventQueue.ts';
import { createRandom, type Random } from './random.ts';
import type { Scenario } from './scenario/schema.ts';
import type { MetricsWindow, UserWindow } from './snapshot.ts';
import { LatencyHistogram } from './stats/histogram.ts';
import { nearestRank, SampleBuffer } from './stats/quantile.ts';
import { nearestRegion, serveRequest, writerRegion } from './traffic.ts';
import { buildWorld, type World } from './world.ts';
import { buildReport, type Report } from './report.ts';

/** Everything the simulation keeps about one user population across windows and live edits. */
export interface UserState {
  readonly id: string;
  /** Index in the current world's users, -1 once removed by a live edit. */
  index: number;
  /** Region index the population's requests enter, and the one that commits its writes. */
  entry: number;
  writer: number;
  /** True while an arrival of this population is in the queue. */
  scheduled: boolean;
  readonly rng: Random;
  readonly windowReads: SampleBuffer;
  readonly windowWrites: SampleBuffer;
  windowOk: number;
  windowFailed: number;
  /** Requests each region served for this population in the current window (by region index). */
  windowByRegion: Float64Array;
  readonly reads: LatencyHistogram;
  readonly writes: LatencyHistogram;
  ok: number;
  failed: number;
  /** Requests each region id served for this population over the whole run. */
  readonly byRegion: Map<string, number>;
}

/** Totals kept per region id across the run. */
export interface RegionTotals {
  served: number;
  dropped: number;
  /** Sum and max over windows of served / capacity. */
  utilizationSum: number;
  utilizationMax: number;
}

type SimEvent =
  | { readonly kind: 'arrival'; readonly user: UserState }
  | { readonly kind: 'window-end' }
  | { readonly kind: 'fault'; readonly index: number; readonly generation: number };

export interface Simulation {
  /** Simulated seconds elapsed. */
  readonly timeS: number;
  /** True once the clock has reached the scenario's durationS. */
  readonly done: boolean;
  readonly scenario: Scenario;
  /** Runs every event up to `timeS` (clamped to durationS). */
  advanceTo(timeS: number): void;
  /** The completed one-second windows since the last call, oldest first. */
  takeWindows(): MetricsWindow[];
  /** Replaces the scenario while running: positions, rates and routes change from now on. */
  applyScenario(next: Scenario): void;
  /** The report of the run so far. */
  report(): Report;
  /** Events processed so far (for benchmarks). */
  readonly eventCount: number;
}

export function createSimulation(initial: Scenario): Simulation {
  let scenario = initial;
  let world: World = buildWorld(scenario);
  let up = new Uint8Array(world.regions.length).fill(1);
  let timeS = 0;
  let eventCount = 0;
  let faultGeneration = 0;
  const queue = new EventQueue<SimEvent>();
  const users = new Map<string, UserState>();
  let activeUsers: UserState[] = [];
  const regionTotals = new Map<string, RegionTotals>();
  let windowStartS = 0;
  const pendingWindows: MetricsWindow[] = [];

  const totalsOf = (id: string): RegionTotals => {
    let totals = regionTotals.get(id);
    if (!totals) {
      totals = { served: 0, dropped: 0, utilizationSum: 0, utilizationMax: 0 };
      regionTotals.set(id, totals);
    }
    return totals;
  };

  const scheduleArrival = (user: UserState, fromS: number): void => {
    const qps = world.users[user.index]?.qps ?? 0;
    user.scheduled = qps > 0;
    if (user.scheduled) queue.push(fromS + user.rng.exponential(qps), { kind: 'arrival', user });
  };

  /** Rebuilds the world from `scenario`, keeping the state of populations that are still there. */
  const syncWorld = (): void => {
    const previousRegions = world.regions;
    const previousUp = new Map(previousRegions.map((r) => [r.id, up[r.index] ?? 1]));
    world = buildWorld(scenario);
    up = new Uint8Array(world.regions.length).map((_, r) => previousUp.get(world.regions[r]?.id ?? '') ?? 1);
    const newIndex = new Map(world.regions.map((r) => [r.id, r.index]));
    /** The window's counts so far, moved to the regions' new indices (regions may be added or reordered). */
    const remap = (counts: Float64Array): Float64Array => {
      const moved = new Float64Array(world.regions.length);
      counts.forEach((count, r) => {
        const to = newIndex.get(previousRegions[r]?.id ?? '');
        if (to !== undefined) moved[to] = count;
      });
      return moved;
    };
    for (const user of users.values()) user.index = -1;
    activeUsers = world.users.map((spec, index) => {
      let user = users.get(spec.id);
      if (!user) {
        user = {
          id: spec.id,
          index,
          entry: 0,
          writer: 0,
          scheduled: false,
          rng: createRandom(scenario.seed, `user:${spec.id}`),
          windowReads: new SampleBuffer(),
          windowWrites: new SampleBuffer(),
          windowOk: 0,
          windowFailed: 0,
          windowByRegion: new Float64Array(0),
          reads: new LatencyHistogram(),
          writes: new LatencyHistogram(),
          ok: 0,
          failed: 0,
          byRegion: new Map(),
        };
        users.set(spec.id, user);
      }
      user.index = index;
      user.entry = nearestRegion(world, index);
      user.writer = writerRegion(world, scenario.data, index, user.entry);
      user.windowByRegion = remap(user.windowByRegion);
      if (!user.scheduled) scheduleArrival(user, timeS);
      return user;
    });
  };

  const scheduleFaults = (): void => {
    faultGeneration++;
    scenario.faults.forEach((fault, index) => {
      if (fault.atS >= timeS) queue.push(fault.atS, { kind: 'fault', index, generation: faultGeneration });
    });
  };

  const onArrival = (user: UserState, atS: number): void => {
    const spec = world.users[user.index];
    if (!spec) {
      user.scheduled = false; // removed by a live edit: its stream of arrivals ends here
      return;
    }
    const isWrite = user.rng.uniform() < spec.writeRatio;
    const outcome = serveRequest(world, scenario.data.replication, user.index, user.entry, user.writer, isWrite, up, user.rng);
    const regionId = world.regions[outcome.entry]?.id ?? '';
    if (outcome.ok) {
      user.ok++;
      user.windowOk++;
      (isWrite ? user.writes : user.reads).record(outcome.latencyMs);
      (isWrite ? user.windowWrites : user.windowReads).push(outcome.latencyMs);
      user.byRegion.set(regionId, (user.byRegion.get(regionId) ?? 0) + 1);
      user.windowByRegion[outcome.entry] = (user.windowByRegion[outcome.entry] ?? 0) + 1;
      totalsOf(regionId).served++;
    } else {
      user.failed++;
      user.windowFailed++;
      totalsOf(regionId).dropped++;
    }
    scheduleArrival(user, atS);
  };

  const closeWindow = (endS: number): void => {
    const regionServed = Array.from(world.regions, (_, r) => {
      let served = 0;
      for (const user of activeUsers) served += user.windowByRegion[r] ?? 0;
      return served;
    });
    const windowUsers: UserWindow[] = activeUsers.map((user) => {
      const reads = user.windowReads.sorted();
      const writes = user.windowWrites.sorted();
      let servedBy = -1;
      user.windowByRegion.forEach((count, r) => {
        if (count > 0 && (servedBy < 0 || count > (user.windowByRegion[servedBy] as number))) servedBy = r;
      });
      const row: UserWindow = {
        readP50Ms: nearestRank(reads, 0.5),
        readP99Ms: nearestRank(reads, 0.99),
        writeP50Ms: nearestRank(writes, 0.5),
        writeP99Ms: nearestRank(writes, 0.99),
        ok: user.windowOk,
        failed: user.windowFailed,
        servedBy,
      };
      user.windowReads.clear();
      user.windowWrites.clear();
      user.windowOk = 0;
      user.windowFailed = 0;
      user.windowByRegion.fill(0);
      return row;
    });
    const lengthS = endS - windowStartS;
    world.regions.forEach((region, r) => {
      const totals = totalsOf(region.id);
      const utilization = (regionServed[r] as number) / (region.capacityQps * lengthS);
      totals.utilizationSum += utilization * lengthS;
      totals.utilizationMax = Math.max(totals.utilizationMax, utilization);
    });
    pendingWindows.push({ startS: windowStartS, users: windowUsers, regionServed });
    windowStartS = endS;
  };

  const onFault = (index: number, generation: number): void => {
    if (generation !== faultGeneration) return; // superseded by a live edit of the faults
    const fault = scenario.faults[index];
    const r = world.regions.findIndex((region) => region.id === fault?.region);
    if (!fault || r < 0) return;
    up[r] = fault.kind === 'region-up' ? 1 : 0;
  };

  syncWorld();
  scheduleFaults();
  queue.push(Math.min(1, scenario.durationS), { kind: 'window-end' });

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
    advanceTo(targetS: number): void {
      const untilS = Math.min(targetS, scenario.durationS);
      while (queue.peekTimeS() <= untilS) {
        const event = queue.pop();
        if (!event) break;
        eventCount++;
        timeS = event.atS;
        const payload = event.payload;
        if (payload.kind === 'arrival') onArrival(payload.user, event.atS);
        else if (payload.kind === 'window-end') {
          closeWindow(event.atS);
          // Windows end on whole seconds, and a last, shorter one at durationS if it is not whole.
          if (event.atS < scenario.durationS) queue.push(Math.min(Math.floor(event.atS) + 1, scenario.durationS), payload);
        } else onFault(payload.index, payload.generation);
      }
      timeS = Math.max(timeS, untilS);
    },
    takeWindows(): MetricsWindow[] {
      return pendingWindows.splice(0, pendingWindows.length);
    },
    applyScenario(next: Scenario): void {
      const faultsChanged = JSON.stringify(next.faults) !== JSON.stringify(scenario.faults);
      scenario = next;
      syncWorld();
      if (faultsChanged) scheduleFaults();
    },
    report(): Report {
      return buildReport(scenario, world, activeUsers, [...users.values()], regionTotals, timeS);
    },
  };
}

/** Runs a scenario headless from start to end and returns its report. */
export function runScenario(scenario: Scenario): Report {
  const simulation = createSimulation(scenario);
  simulation.advanceTo(scenario.durationS);
  return simulation.report();
}
