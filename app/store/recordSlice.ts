/**
 * The run as the engine records it (engine/run/recordedRun.ts): the scenario it started from and every live
 * edit at the simulated time it took effect. The engine client keeps this mirror of the worker's record, so a
 * restarted worker replays the same run, and "share this run" and a run file carry it.
 */
import type { StateCreator } from 'zustand';
import type { RunRecord, Scenario } from '../../engine/index.ts';
import type { AppState } from './index.ts';

export interface RecordSlice {
  runRecord: RunRecord;
  /** A run to start at the next load instead of the scenario alone (a run link or file); the engine client takes it. */
  pendingRun: RunRecord | null;
  /**
   * The scenario a replay put in the store (the design in effect at the moment shown, as the run passed or went
   * back before an edit). It is not an edit: the engine client does not send it back.
   */
  replayedScenario: Scenario | null;
  /** Timed live edits the run holds, and how many are in effect at the clock's time. */
  runEdits: { readonly total: number; readonly applied: number };
  runRecorded: (record: RunRecord) => void;
  /** A run link or file: its first scenario shown, the run loaded with its edits (paused at 0). */
  runOpened: (record: RunRecord) => void;
  pendingRunTaken: () => void;
}

/**
 * True when this change of the store put a replay's design on show (snapshotReceived). Identity with
 * `replayedScenario` alone is not enough: an Undo can bring that very object back, and it is an edit.
 */
export function designShownByReplay(state: Pick<RecordSlice, 'replayedScenario'> & { scenario: Scenario }, previous: Pick<RecordSlice, 'replayedScenario'>): boolean {
  return state.replayedScenario !== previous.replayedScenario && state.scenario === state.replayedScenario;
}

/**
 * True when this change of the store began a run from the design shown (Reset, Run again, a run opened): that
 * design is the one to keep from then on, even if a replay had put it on show.
 */
export function runStartedFromShown(state: Pick<RecordSlice, 'runRecord' | 'replayedScenario'> & { scenario: Scenario }, previous: Pick<RecordSlice, 'runRecord'>): boolean {
  // Only a design a replay had put on show: a run begun from the design as it was left (every load, the first
  // one from a link included) changes nothing to keep, and must not overwrite the autosave.
  return state.runRecord !== previous.runRecord && state.runRecord.base === state.scenario && state.scenario === state.replayedScenario;
}

export const createRecordSlice =
  (initial: Scenario): StateCreator<AppState, [], [], RecordSlice> =>
  (set) => ({
    runRecord: { base: initial, edits: [] },
    pendingRun: null,
    replayedScenario: null,
    runEdits: { total: 0, applied: 0 },
    runRecorded: (runRecord) => set({ runRecord }),
    runOpened: (record) =>
      set((state) => ({
        scenario: record.base,
        loadId: state.loadId + 1,
        past: [],
        future: [],
        selection: [],
        pendingRun: record,
        runRecord: record,
        playing: false,
        activePreset: null, // another run: the open preset's notes and outcomes are not about it (as scenarioOpened)
      })),
    pendingRunTaken: () => set({ pendingRun: null }),
  });
