/**
 * What the simulation keeps in flight: the state of each user population, requests on their way, and the
 * events of its queue.
 */
import type { ScaleOrder } from './capacity/autoscaler.ts';
import type { PopulationMetrics } from './metrics/populationMetrics.ts';
import type { Random } from './random.ts';
import type { Journey } from './traffic/journey.ts';
import type { World } from './world.ts';

/** Everything kept about one user population across windows and live edits. */
export interface PopulationState {
  readonly id: string;
  /** Index in the current world's users, -1 once removed by a live edit. */
  index: number;
  /** True while the population has a next arrival (in the event queue in exact mode). */
  scheduled: boolean;
  /** Time of its next arrival, seconds. */
  nextArrivalS: number;
  /** Requests one of its simulated requests stands for (1 in exact mode). */
  weight: number;
  readonly rng: Random;
  readonly metrics: PopulationMetrics;
  /** The population's arrival event, reused for every arrival. */
  readonly arrival: { readonly kind: 'arrival'; readonly population: PopulationState };
}

/** A request on its way. Pooled: the object is its own event and is reused once the request is done. */
export interface InFlight {
  /** What the event queue should do with it next. */
  kind: 'stage' | 'complete';
  readonly journey: Journey;
  population: PopulationState;
  version: number;
  /** The regions of the world the request was sent in (indices in the journey refer to them). */
  regions: World['regions'];
}

export type SimEvent =
  | { readonly kind: 'arrival'; readonly population: PopulationState }
  | InFlight
  | { readonly kind: 'window-end' }
  | { readonly kind: 'control' }
  | { readonly kind: 'fault'; readonly index: number; readonly generation: number }
  | { readonly kind: 'probe'; readonly region: number; readonly version: number }
  | { readonly kind: 'probe-result'; readonly region: number; readonly passed: boolean; readonly version: number }
  | { readonly kind: 'routing-update'; readonly region: number; readonly healthy: boolean; readonly version: number }
  | { readonly kind: 'scale-ready'; readonly order: ScaleOrder; readonly version: number }
  | { readonly kind: 'promote'; readonly region: number; readonly version: number };

/**
 * Brings a request sent before a live edit of the regions into the world now: its regions' indices are looked up
 * again by id. False (and nothing changed) if a region it needs is gone.
 */
export function carryOver(flight: InFlight, version: number, world: World, indexOfRegion: (id: string) => number): boolean {
  if (flight.version === version) return true;
  const { journey } = flight;
  const now = (old: number): number => (old < 0 ? -1 : indexOfRegion(flight.regions[old]?.id ?? ''));
  const entry = now(journey.entry);
  const writer = now(journey.writer);
  if ((journey.entry >= 0 && entry < 0) || (journey.writer >= 0 && writer < 0)) return false;
  journey.entry = entry;
  journey.writer = writer;
  journey.failedAt = now(journey.failedAt);
  flight.version = version;
  flight.regions = world.regions;
  return true;
}
