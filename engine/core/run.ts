/**
 * What every system of a simulation shares: the scenario and the world it resolves to, the conditions faults
 * left, the routing layer's view of health, the clock, the event queue, and the world's version. One object,
 * owned by the composition root (simulation.ts); systems read it and change only what is theirs.
 */
import { EventQueue } from '../clock/eventQueue.ts';
import { Conditions } from '../conditions.ts';
import { chooseFidelity, type Fidelity } from '../fidelity.ts';
import type { SimulationObserver } from '../observer.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { SimEvent } from '../simulationState.ts';
import { buildWorld, type World } from '../world.ts';

export interface Run {
  scenario: Scenario;
  world: World;
  /** What faults left: dark, gray and shrunk regions, cut and slow links. */
  conditions: Conditions;
  /** 1 where the routing layer sends traffic to the region (health verdicts after propagation). */
  routable: Uint8Array;
  /** The simulation clock, seconds: the time of the event being handled. */
  timeS: number;
  /**
   * Increases when a live edit changes the regions (their indices): events stamped with an older version are
   * stale and dropped (simulation.ts, in one place); requests in flight are carried over by region id.
   */
  version: number;
  readonly fidelity: Fidelity;
  readonly seed: number;
  readonly queue: EventQueue<SimEvent>;
  readonly observer: SimulationObserver | undefined;
}

export function createRun(scenario: Scenario, observer: SimulationObserver | undefined): Run {
  const world = buildWorld(scenario);
  return {
    scenario,
    world,
    conditions: new Conditions(world.regions.length),
    routable: new Uint8Array(world.regions.length).fill(1),
    timeS: 0,
    version: 0,
    fidelity: chooseFidelity(scenario),
    seed: scenario.seed,
    queue: new EventQueue<SimEvent>(),
    observer,
  };
}

/** The index of the region with this id in the run's world now, or -1. */
export function indexOfRegion(run: Run, id: string): number {
  return run.world.regions.findIndex((r) => r.id === id);
}

/** Whether region r is up and not failing gray. */
export function regionHealthy(run: Run, r: number): boolean {
  return !run.conditions.isDark(r) && run.conditions.grayOf(r) === null;
}
