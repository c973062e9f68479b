/**
 * How finely a run is simulated. exact: every request goes through real FIFO queues, one event per stage.
 * aggregate: queues are fluids, and a sample of requests goes through the same journey code, each standing for
 * several real ones. `simulation.mode: "auto"` picks exact for runs small enough to afford it.
 */
import type { Scenario } from './scenario/schema.ts';

export type Fidelity = 'exact' | 'aggregate';

/** In auto mode, runs with at most this many requests simulate every request. */
export const EXACT_MODE_MAX_REQUESTS = 2_000_000;
/** In aggregate mode, each population gets at least this many simulated requests per second (if it sends them). */
export const MIN_SAMPLES_PER_POPULATION = 2;

/** The fidelity a scenario runs at. */
export function chooseFidelity(scenario: Scenario): Fidelity {
  if (scenario.simulation.mode !== 'auto') return scenario.simulation.mode;
  const requests = scenario.users.reduce((sum, u) => sum + u.qps, 0) * scenario.durationS;
  return requests <= EXACT_MODE_MAX_REQUESTS ? 'exact' : 'aggregate';
}

/**
 * Requests one simulated request of a population sending `qps` stands for: 1 in exact mode; in aggregate mode the
 * sample budget (`samplesPerSecond`) is shared by QPS, with at least MIN_SAMPLES_PER_POPULATION each.
 */
export function sampleWeight(fidelity: Fidelity, qps: number, totalQps: number, samplesPerSecond: number): number {
  if (fidelity === 'exact' || qps === 0 || totalQps === 0) return 1;
  const sampleRate = Math.max(Math.min(qps, MIN_SAMPLES_PER_POPULATION), (samplesPerSecond * qps) / totalQps);
  return Math.max(1, Math.ceil(qps / sampleRate));
}
