/** Profiles ten simulated minutes of the large standard scenario: `node --cpu-prof` on a bundle of this file. */
import { parseScenario } from '../scenario/parse.ts';
import { createSimulation } from '../simulation.ts';
import { STANDARD_SCENARIOS } from './standardScenarios.ts';

const parsed = parseScenario(STANDARD_SCENARIOS.large);
if (!parsed.ok) throw new Error('invalid');
const simulation = createSimulation(parsed.scenario);
const startMs = performance.now();
simulation.advanceTo(600);
console.log(`large, 600 s simulated: ${((performance.now() - startMs) / 1000).toFixed(2)} s`);
