/**
 * A run as it was seen: the scenario it started from and the live edits made while it ran, each at the simulated
 * time it took effect. Faults carry their own times; a live edit (a population dragged, a region added, a setting
 * changed, a fault injected from the map) has only the moment it was made, so the run keeps that moment here.
 *
 * Every replay (a seek, an export, a restart after a crash, a shared run) starts a fresh simulation of the first
 * scenario from its seed and applies each edit when the clock reaches its time, exactly as the live run did (the
 * engine advances the same whatever the steps it is asked to take): the numbers at any moment are the ones first
 * seen there, backwards and forwards.
 *
 * An edit made while the run stands in the past (after a seek back) forks the run there: the edits after that
 * moment are dropped, as an editor's redo stack is, and the run goes on from the new edit.
 */
import type { Scenario } from '../scenario/schema.ts';
import { createSimulation, type Simulation, type SimulationOptions } from '../simulation.ts';

/** A live edit: the whole scenario as it stood after the edit, and the simulated time it took effect, seconds. */
export interface TimedEdit {
  readonly atS: number;
  readonly scenario: Scenario;
}

/** The first scenario of a run and its live edits, in time order. */
export interface RunRecord {
  readonly base: Scenario;
  readonly edits: readonly TimedEdit[];
}

/** A run keeps at most this many edits (a share link or file with more is refused); a later edit is refused. */
export const MAX_EDITS = 2000;

/** What recording an edit did. */
export type EditResult =
  | {
      readonly ok: true;
      /** When the edit took effect, simulated seconds. */
      readonly atS: number;
      /** Edits after `atS` that the fork dropped (0 when the run was at its latest moment). */
      readonly dropped: number;
    }
  | { readonly ok: false; readonly error: string };

/** The record with `scenario` applied at `atS`: every edit after `atS` dropped, the new one last. */
export function recordEdit(record: RunRecord, atS: number, scenario: Scenario): { record: RunRecord; result: EditResult } {
  const kept = record.edits.filter((edit) => edit.atS <= atS);
  if (kept.length >= MAX_EDITS) {
    return { record, result: { ok: false, error: `A run keeps at most ${MAX_EDITS} live edits; this one was not applied. Start a new run (Reset) to edit further.` } };
  }
  return {
    record: { base: record.base, edits: [...kept, { atS, scenario }] },
    result: { ok: true, atS, dropped: record.edits.length - kept.length },
  };
}

/** The faults of `before` that `after` does not have (the multiset difference: a fault twice in `before` and once in `after` is once in it). */
export function removedFaults(before: readonly Scenario['faults'][number][], after: readonly Scenario['faults'][number][]): Scenario['faults'] {
  const remaining = new Map<string, number>();
  for (const fault of after) remaining.set(JSON.stringify(fault), (remaining.get(JSON.stringify(fault)) ?? 0) + 1);
  return before.filter((fault) => {
    const key = JSON.stringify(fault);
    const count = remaining.get(key) ?? 0;
    if (count > 0) remaining.set(key, count - 1);
    return count === 0;
  });
}

/**
 * The record as if `faults` had never been there: taking back a fault that already happened rewrites the run's
 * history (the first scenario and every edit lose it), and the run is replayed to now.
 */
export function forgetFaults(record: RunRecord, faults: Scenario['faults']): RunRecord {
  if (faults.length === 0) return record;
  const without = (scenario: Scenario): Scenario => {
    const kept = removedFaults(scenario.faults, faults); // the multiset difference: its faults less these
    return kept.length === scenario.faults.length ? scenario : { ...scenario, faults: kept };
  };
  return { base: without(record.base), edits: record.edits.map((edit) => ({ atS: edit.atS, scenario: without(edit.scenario) })) };
}

/** The scenario in effect at `atS`: the last edit made at or before it, or the first scenario. */
export function scenarioAt(record: RunRecord, atS: number): Scenario {
  let scenario = record.base;
  for (const edit of record.edits) {
    if (edit.atS > atS) break;
    scenario = edit.scenario;
  }
  return scenario;
}

/** A simulation that applies a record's edits as its clock reaches them. */
export class RecordedRun {
  readonly simulation: Simulation;
  private recordNow: RunRecord;
  /** Index of the next edit to apply. */
  private next = 0;

  constructor(record: RunRecord, options: SimulationOptions = {}) {
    this.recordNow = record;
    this.simulation = createSimulation(record.base, options);
  }

  get record(): RunRecord {
    return this.recordNow;
  }

  get timeS(): number {
    return this.simulation.timeS;
  }

  get done(): boolean {
    return this.simulation.done;
  }

  /** The scenario in effect at the clock's time. */
  get scenario(): Scenario {
    return this.simulation.scenario;
  }

  /** Edits applied so far (the first `applied` of the record's). */
  get applied(): number {
    return this.next;
  }

  /**
   * Runs every event up to `timeS`, applying each edit when the clock reaches its time; `beforeEdit` is called
   * just before each (the windows closed so far belong to the scenario before it).
   */
  advanceTo(timeS: number, beforeEdit?: () => void): void {
    const edits = this.recordNow.edits;
    for (let edit = edits[this.next]; edit !== undefined && edit.atS <= timeS; edit = edits[this.next]) {
      this.simulation.advanceTo(edit.atS);
      beforeEdit?.();
      this.simulation.applyScenario(edit.scenario);
      this.next++;
    }
    this.simulation.advanceTo(timeS);
  }

  /** Rewrites the run's history without these faults (see `forgetFaults`); the caller replays it. */
  forget(faults: Scenario['faults']): void {
    this.recordNow = forgetFaults(this.recordNow, faults);
  }

  /** A live edit now: applied at the clock's time, and recorded (dropping any later edits: the run forks). */
  edit(scenario: Scenario): EditResult {
    const atS = this.simulation.timeS;
    const { record, result } = recordEdit(this.recordNow, atS, scenario);
    if (!result.ok) return result;
    this.recordNow = record;
    // An edit takes effect after every event of its instant, live as in a replay (at 0, before anything ran,
    // those events have not run yet: running them first makes both the same).
    this.simulation.advanceTo(atS);
    this.simulation.applyScenario(scenario);
    this.next = record.edits.length;
    return result;
  }
}
