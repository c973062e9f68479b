/**
 * One fuzz case: run it with a trace (applying its live edit at its time), check every invariant, and shrink a
 * failing one to a smaller scenario that still breaks the same invariant.
 */
import type { Report } from '../report.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { createSimulation } from '../simulation.ts';
import type { FuzzCase } from './generate.ts';
import { checkRun, Trace, type Violation } from './invariants.ts';

/**
 * Runs a case and returns the invariants it breaks (none: it is clean). `tamper` (tests only) changes the report
 * before it is checked, to show that a wrong number is caught.
 */
export function runCase(fuzzCase: FuzzCase, tamper: (report: Report) => Report = (r) => r): Violation[] {
  const parsed = parseScenario(fuzzCase.scenario);
  if (!parsed.ok) return [{ invariant: 'generated scenario is valid', detail: JSON.stringify(parsed.issues.slice(0, 3)) }];
  let scenario = parsed.scenario;
  const trace = new Trace(scenario.regions.length);
  const simulation = createSimulation(scenario, { observer: trace.observer });
  let readsMode: string | null = scenario.data.reads;
  if (fuzzCase.edit) {
    const edited = parseScenario(fuzzCase.edit.scenario);
    if (!edited.ok) return [{ invariant: 'generated edit is valid', detail: JSON.stringify(edited.issues.slice(0, 3)) }];
    simulation.advanceTo(fuzzCase.edit.atS);
    simulation.applyScenario(edited.scenario);
    if (edited.scenario.data.reads !== readsMode) readsMode = null;
    scenario = edited.scenario;
  }
  simulation.advanceTo(scenario.durationS);
  const report = tamper(simulation.report());
  return checkRun(scenario, report, trace, { readsMode, hadEdit: fuzzCase.edit !== null });
}

/**
 * A smaller case that still breaks `invariant`: without its live edit, with fewer faults, users and regions, and
 * a shorter run, each cut kept only if the failure stays.
 */
export function shrinkCase(fuzzCase: FuzzCase, invariant: string, budget = 60): FuzzCase {
  const breaks = (c: FuzzCase): boolean => budget-- > 0 && runCase(c).some((v) => v.invariant === invariant);
  let best = fuzzCase;
  const tryCut = (next: FuzzCase): boolean => {
    if (!breaks(next)) return false;
    best = next;
    return true;
  };
  if (best.edit) tryCut({ ...best, edit: null });
  const withScenario = (scenario: ScenarioInput): FuzzCase => ({ ...best, scenario, edit: best.edit ? { ...best.edit, scenario: { ...best.edit.scenario, ...pick(scenario) } } : null });
  for (let i = (best.scenario.faults ?? []).length - 1; i >= 0; i--) {
    const faults = [...(best.scenario.faults ?? [])];
    faults.splice(i, 1);
    tryCut(withScenario({ ...best.scenario, faults }));
  }
  for (let i = (best.scenario.users ?? []).length - 1; i >= 0 && (best.scenario.users ?? []).length > 1; i--) {
    const users = [...(best.scenario.users ?? [])];
    users.splice(i, 1);
    tryCut(withScenario({ ...best.scenario, users }));
  }
  for (let i = best.scenario.regions.length - 1; i >= 0 && best.scenario.regions.length > 1; i--) {
    const gone = best.scenario.regions[i]?.id;
    const regions = best.scenario.regions.filter((_, j) => j !== i);
    const faults = (best.scenario.faults ?? []).filter((f) => ('region' in f ? f.region !== gone : f.from !== gone && f.to !== gone));
    tryCut(withScenario({ ...best.scenario, regions, faults, data: { ...best.scenario.data, primary: undefined } }));
  }
  for (let k = 0; k < 3; k++) {
    const lastFaultS = Math.max(0, ...(best.scenario.faults ?? []).map((f) => f.atS));
    const durationS = Math.max(lastFaultS + 8, Math.round((best.scenario.durationS ?? 60) / 2));
    if (durationS >= (best.scenario.durationS ?? 60) || (best.edit && best.edit.atS >= durationS)) break;
    if (!tryCut(withScenario({ ...best.scenario, durationS }))) break;
  }
  return best;
}

/** The parts of a shrunk scenario its live edit must follow (same regions, users' ids, faults, duration). */
function pick(scenario: ScenarioInput): Partial<ScenarioInput> {
  return { regions: scenario.regions, faults: scenario.faults, durationS: scenario.durationS, users: scenario.users };
}
