/**
 * Arrivals and journeys, as a system of the simulation: each user population's Poisson arrivals (one event each
 * in exact mode; in aggregate mode the control step sends a step's arrivals in one go), and each request's
 * journey through its stages (journey.ts) to an outcome its client hears, which the population's metrics count.
 *
 * Requests in flight are pooled objects that are their own events. Aggregate mode runs a journey's stages back
 * to back up to its commit (writes commit in time order, as events), and records an outcome due within the open
 * window at once when no region can go dark before its answer has left (the fault system keeps that promise).
 */
import type { CapacitySystem } from '../capacity/capacitySystem.ts';
import type { Run } from '../core/run.ts';
import { indexOfRegion } from '../core/run.ts';
import type { DataLayer } from '../data/dataLayer.ts';
import type { FaultSystem } from '../faults/faultSystem.ts';
import { sampleWeight } from '../fidelity.ts';
import type { RegionAccounting } from '../metrics/regionAccounting.ts';
import { PopulationMetrics } from '../metrics/populationMetrics.ts';
import type { SimulationObserver } from '../observer.ts';
import { createRandom } from '../random.ts';
import type { RoutingSystem } from '../routing/routingSystem.ts';
import { carryOver, type InFlight, type PopulationState } from '../simulationState.ts';
import { homeRegion } from '../world.ts';
import { advance, answerLeftInTime, emptyJourney, regionThatWentDark, restartJourney, settle, type Journey, type JourneyContext } from './journey.ts';
import { zipfKeys, type KeySampler } from './keyspace.ts';

export interface TrafficParts {
  readonly routing: RoutingSystem;
  readonly capacity: CapacitySystem;
  readonly faults: FaultSystem;
  readonly accounting: RegionAccounting;
  readonly data: () => DataLayer;
  /** When the open metrics window ends, seconds. */
  readonly windowEndS: () => number;
}

export class TrafficSystem {
  /** Every population the run has seen, by id (a removed one keeps its counts and finishes its requests). */
  readonly populations = new Map<string, PopulationState>();
  /** The populations of the current world, by index. */
  active: PopulationState[] = [];
  private readonly pool: InFlight[] = [];
  private keys: KeySampler;
  context!: JourneyContext;

  constructor(
    private readonly run: Run,
    private readonly parts: TrafficParts,
  ) {
    this.keys = zipfKeys(run.scenario.workload.keyCount, run.scenario.workload.zipfS);
  }

  /** What journeys read: the world, its conditions, queues, router and data layer as they are now. */
  rebuildContext(): void {
    const { world, scenario, conditions, routable } = this.run;
    this.context = {
      world,
      data: scenario.data,
      conditions,
      queues: this.parts.capacity.queues,
      router: this.parts.routing.router,
      dataLayer: this.parts.data(),
      timeoutS: scenario.workload.timeoutMs / 1000,
      replicaMembers: routable,
      ackScratch: [],
    };
  }

  /** A live edit changed the workload: keys are drawn from the new key space. */
  workloadEdited(): void {
    this.keys = zipfKeys(this.run.scenario.workload.keyCount, this.run.scenario.workload.zipfS);
  }

  /** The populations of the world now: new ones created, removed ones set aside, each one's sample weight. */
  syncPopulations(): void {
    const run = this.run;
    const { world, scenario } = run;
    const totalQps = world.users.reduce((sum, u) => sum + u.qps, 0);
    for (const population of this.populations.values()) population.index = -1;
    this.active = world.users.map((spec, index) => {
      let population = this.populations.get(spec.id);
      if (!population) {
        const created: Omit<PopulationState, 'arrival'> & { arrival?: PopulationState['arrival'] } = {
          id: spec.id,
          index,
          scheduled: false,
          nextArrivalS: 0,
          weight: 1,
          rng: createRandom(run.seed, `user:${spec.id}`),
          metrics: new PopulationMetrics(world.regions.length),
        };
        created.arrival = { kind: 'arrival', population: created as PopulationState };
        population = created as PopulationState;
        this.populations.set(spec.id, population);
      }
      population.index = index;
      population.weight = sampleWeight(run.fidelity, spec.qps, totalQps, scenario.simulation.samplesPerSecond);
      if (!population.scheduled) this.scheduleArrival(population, run.timeS);
      return population;
    });
  }

  /** Failed requests so far per population id, every population included. */
  failedByPopulation(): Map<string, number> {
    return new Map([...this.populations.values()].map((p) => [p.id, p.metrics.failed]));
  }

  /** Successful requests over the run, every population included. */
  okRequests(): number {
    let ok = 0;
    for (const population of this.populations.values()) ok += population.metrics.ok;
    return ok;
  }

  /**
   * Draws the population's next arrival after `fromS`. In exact mode it is an event; in aggregate mode the
   * control step sends each population's arrivals of the coming step in one go.
   */
  scheduleArrival(population: PopulationState, fromS: number): void {
    const spec = this.run.world.users[population.index];
    const qps = spec?.qps ?? 0;
    population.scheduled = qps > 0;
    if (!population.scheduled) return;
    population.nextArrivalS = fromS + population.rng.exponential(qps / population.weight);
    if (this.run.fidelity === 'exact') this.run.queue.push(population.nextArrivalS, population.arrival);
  }

  /** An arrival event (exact mode): sends the request and draws the next. */
  onArrivalEvent(population: PopulationState): void {
    if (this.onArrival(population, this.run.timeS)) this.scheduleArrival(population, this.run.timeS);
  }

  /** Aggregate mode: every arrival due before `untilS`, population by population. */
  sendDueArrivals(untilS: number): void {
    for (const population of this.active) {
      while (population.scheduled && population.nextArrivalS < untilS) {
        const atS = population.nextArrivalS;
        if (!this.onArrival(population, atS)) break;
        this.scheduleArrival(population, atS);
      }
    }
  }

  /** Sends one request of the population at `atS`; false if the population is gone. */
  private onArrival(population: PopulationState, atS: number): boolean {
    const { world, scenario, version } = this.run;
    const spec = world.users[population.index];
    if (!spec) {
      population.scheduled = false; // removed by a live edit: its arrivals end here
      return false;
    }
    const weight = population.weight;
    const isWrite = population.rng.uniform() < spec.writeRatio;
    const flight = this.pool.pop() ?? { kind: 'stage', journey: emptyJourney(), population, version, regions: world.regions };
    // Under home-region each region owns its users' keys: the same key number in two homes is two keys.
    const rawKey = this.keys(population.rng);
    const key = scenario.data.topology === 'home-region' ? homeRegion(world, population.index) * scenario.workload.keyCount + rawKey : rawKey;
    restartJourney(flight.journey, population.index, isWrite, weight, key, atS, this.context.timeoutS);
    flight.kind = 'stage';
    flight.population = population;
    flight.version = version;
    flight.regions = world.regions;
    population.metrics.issued += weight;
    this.advanceJourney(flight);
    return true;
  }

  /** Runs the journey's stages due now; schedules what comes next, or records the outcome. */
  private advanceJourney(flight: InFlight): void {
    const run = this.run;
    const { journey, population } = flight;
    const context = this.context;
    if (run.fidelity === 'exact') {
      advance(context, journey, population.rng);
    } else {
      // Aggregate mode runs the stages back to back, up to a commit, which waits for its time (writes commit in
      // time order).
      do advance(context, journey, population.rng);
      while (journey.stage !== 'done' && !(journey.stage === 'commit' && journey.atS > run.timeS));
    }
    if (journey.stage !== 'done') {
      flight.kind = 'stage';
      run.queue.push(Math.max(journey.atS, run.timeS), flight);
      return;
    }
    // An outcome due within the open window, which no client will act on, is recorded at once (the window it
    // lands in is the same, and the event queue is spared an event) if no region can go dark before its answer
    // has left.
    const faults = this.parts.faults;
    const reliesOnS = Math.max(journey.entryLeaveS, journey.writerLeaveS);
    if (journey.atS < this.parts.windowEndS() && (journey.ok || !context.router.retriesElsewhere) && (reliesOnS <= run.timeS || reliesOnS < faults.nextDarkS())) {
      if (reliesOnS > faults.promisedS) faults.promisedS = reliesOnS;
      this.onComplete(flight);
      return;
    }
    // (An outcome the client met in the past, a timeout found late, is recorded now: the clock never goes back.)
    flight.kind = 'complete';
    run.queue.push(Math.max(journey.atS, run.timeS), flight);
  }

  /** A request reached its next stage (an event). */
  onStage(flight: InFlight): void {
    if (!this.carryOver(flight)) {
      // A region this request was on its way to was removed by a live edit.
      flight.journey.stage = 'done';
      flight.journey.ok = false;
      flight.journey.failure = 'no-route';
      this.onComplete(flight);
      return;
    }
    this.advanceJourney(flight);
  }

  /** A request's outcome reaches its client: checked against what went dark meanwhile, retried, or counted. */
  onComplete(flight: InFlight): void {
    const run = this.run;
    const data = this.parts.data();
    const { journey, population } = flight;
    // A timeout found late (a write whose commit came after its client gave up) is the client's news now: a retry
    // starts from now, never in the past.
    if (journey.atS < run.timeS) journey.atS = run.timeS;
    if (!this.carryOver(flight) && journey.ok) journey.entry = -1; // served by a region that no longer exists
    const darkOnTheWay = journey.ok && journey.entry >= 0 && !answerLeftInTime(run.conditions, journey);
    if (darkOnTheWay || (journey.ok && journey.write >= 0 && journey.writeOwner === data && !acksArrived(data, journey))) {
      // A region it relied on went dark before the answer left, or a link was cut before the replicas it waited
      // for had the write: no answer comes, the client waits out its timeout.
      journey.ok = false;
      journey.failure = darkOnTheWay ? 'unreachable' : 'timeout';
      journey.failedAt = darkOnTheWay ? regionThatWentDark(run.conditions, journey) : journey.writer;
      if (journey.deadlineS > journey.atS) {
        journey.atS = journey.deadlineS;
        flight.kind = 'complete';
        run.queue.push(journey.atS, flight);
        return;
      }
    }
    if (run.observer?.answered) reportAnswer(run.observer, flight);
    if (journey.write >= 0) {
      // The write's client has heard (or never will): an acknowledged write nobody holds any more is lost.
      if (journey.writeOwner === data) data.answered(journey.write, journey.user, journey.ok, journey.atS);
      journey.write = -1;
      journey.writeOwner = null;
    }
    if (flight.version === run.version && population.index === journey.user && settle(this.context, journey, population.rng)) {
      this.advanceJourney(flight);
      return;
    }
    const current = flight.version === run.version;
    if (journey.ok) {
      // A request served in a world whose regions have since changed counts, but no longer names its region.
      const entry = current ? journey.entry : -1;
      population.metrics.recordSuccess((journey.atS - journey.sentS) * 1000, journey.isWrite, journey.weight, entry);
    } else {
      population.metrics.recordFailure(journey.weight, current ? journey.entry : -1);
      if (current && journey.failedAt >= 0) this.parts.accounting.drop(journey.failedAt, journey.weight);
    }
    this.pool.push(flight);
  }

  private carryOver(flight: InFlight): boolean {
    return carryOver(flight, this.run.version, this.run.world, (id) => indexOfRegion(this.run, id));
  }
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
