/**
 * `npm run bench`: the engine's speed, as figures for notes (never as assertions: this machine is shared).
 * Prints the event queue's throughput, then for each standard scenario (an hour simulated) the wall time,
 * the speed-up over real time and the events processed, at the default sample budget and at the minimum
 * (where the fluid model carries nearly all the traffic). `--exact` also runs the small one request by request;
 * `--only NAME [--duration S]` runs one standard scenario (for paired timings and peak memory, under /usr/bin/time).
 */
import { EventQueue } from '../clock/eventQueue.ts';
import { estimatedRttMs } from '../geo/rtt.ts';
import { createRandom } from '../random.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { createSimulation } from '../simulation.ts';
import { STANDARD_SCENARIOS } from './standardScenarios.ts';

function eventQueueThroughput(pending: number, events: number): number {
  const queue = new EventQueue<number>();
  const rng = createRandom(1, 'bench');
  const gaps = Float64Array.from({ length: 4096 }, () => rng.exponential(1));
  for (let i = 0; i < pending; i++) queue.push(gaps[i % 4096] as number, i);
  const started = performance.now();
  for (let i = 0; i < events; i++) {
    const payload = queue.pop() as number;
    queue.push(queue.lastTimeS + (gaps[i & 4095] as number), payload);
  }
  return events / ((performance.now() - started) / 1000);
}

/** Simulated seconds between two takes of the closed windows. */
const WINDOW_STEP_S = 60;

function run(label: string, input: ScenarioInput): void {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`${label}: ${JSON.stringify(parsed.issues)}`);
  const started = performance.now();
  const simulation = createSimulation(parsed.scenario);
  // As the app's worker does: advance in steps and take the windows (here to drop them), so memory stays flat.
  let windows = 0;
  for (let t = 0; t < parsed.scenario.durationS; ) {
    t = Math.min(t + WINDOW_STEP_S, parsed.scenario.durationS);
    simulation.advanceTo(t);
    windows += simulation.takeWindows().length;
  }
  const report = simulation.report();
  if (windows !== Math.ceil(parsed.scenario.durationS)) throw new Error(`${label}: ${windows} windows`);
  const wallS = (performance.now() - started) / 1000;
  const speedUp = parsed.scenario.durationS / wallS;
  console.log(
    `${label.padEnd(34)} ${simulation.fidelity.padEnd(9)} ${wallS.toFixed(2).padStart(7)} s  ${speedUp.toFixed(0).padStart(6)}x real time  ` +
      `${(simulation.eventCount / 1e6).toFixed(2).padStart(6)} M events (${(simulation.eventCount / wallS / 1e6).toFixed(2)} M/s)  ` +
      `${(report.requests.total / 1e6).toFixed(1)} M requests, ${report.requests.failed} failed`,
  );
}

/** Seconds for the fibre-graph model to estimate 200 regions x 1,000 users (a world of the largest size). */
function rttEstimatesS(): number {
  const rng = createRandom(1, 'bench-rtt');
  const place = () => ({ lat: (Math.asin(2 * rng.uniform() - 1) * 180) / Math.PI, lon: 360 * rng.uniform() - 180 });
  const regions = Array.from({ length: 200 }, place);
  const users = Array.from({ length: 1000 }, place);
  const started = performance.now();
  let sum = 0;
  for (const region of regions) for (const user of users) sum += estimatedRttMs(region, user);
  if (!Number.isFinite(sum)) throw new Error('non-finite RTT');
  return (performance.now() - started) / 1000;
}

const exact = process.argv.includes('--exact');
const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const only = option('--only');
const durationS = option('--duration');
if (only) {
  // One standard scenario, optionally for longer (`--only large --duration 86400`: peak memory of a day).
  const scenario = STANDARD_SCENARIOS[only as keyof typeof STANDARD_SCENARIOS];
  if (!scenario) throw new Error(`--only: one of ${Object.keys(STANDARD_SCENARIOS).join(', ')}`);
  run(only, durationS ? { ...scenario, durationS: Number(durationS) } : scenario);
  process.exit(0);
}
console.log(`RTT estimates, 200 regions x 1,000 users: ${rttEstimatesS().toFixed(2)} s`);
console.log('event queue (pop + push):');
for (const pending of [100, 1000, 10_000]) {
  console.log(`  ${String(pending).padStart(6)} pending   ${(eventQueueThroughput(pending, 5_000_000) / 1e6).toFixed(2)} M events/s`);
}
console.log('\nstandard scenarios, 1 hour simulated each:');
for (const [name, scenario] of Object.entries(STANDARD_SCENARIOS)) {
  run(`${name}`, scenario);
  run(`${name}, minimum samples`, { ...scenario, simulation: { mode: 'aggregate', samplesPerSecond: 1 } });
}
if (exact) run('small, every request', { ...STANDARD_SCENARIOS.small, simulation: { mode: 'exact' } });
