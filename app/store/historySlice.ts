import type { StateCreator } from 'zustand';
import type { Scenario } from '../../engine/index.ts';
import type { AppState } from './index.ts';

/** Undo steps kept; the oldest go first. */
export const HISTORY_LIMIT = 100;

/** Scenarios before (oldest first) and after the current one. Every one of them was valid when it was current. */
export interface History {
  readonly past: readonly Scenario[];
  readonly future: readonly Scenario[];
}

export interface HistorySlice extends History {
  /** Ctrl/Cmd+Z: back to the scenario before the last edit (a live edit to the running engine, not a restart). */
  undoRequested: () => void;
  /** Ctrl/Cmd+Shift+Z or Ctrl+Y: forward again. */
  redoRequested: () => void;
}

/** The history after an edit away from `previous`: it joins the past (capped), and the future is forgotten. */
export function recordEdit(history: History, previous: Scenario, limit = HISTORY_LIMIT): History {
  const past = history.past.length >= limit ? history.past.slice(history.past.length - limit + 1) : history.past;
  return { past: [...past, previous], future: [] };
}

/** One step back from `current`, or undefined when there is nothing to undo. */
export function undo(history: History, current: Scenario): (History & { scenario: Scenario }) | undefined {
  const scenario = history.past.at(-1);
  if (scenario === undefined) return undefined;
  return { scenario, past: history.past.slice(0, -1), future: [current, ...history.future] };
}

/** One step forward from `current`, or undefined when there is nothing to redo. */
export function redo(history: History, current: Scenario): (History & { scenario: Scenario }) | undefined {
  const scenario = history.future[0];
  if (scenario === undefined) return undefined;
  return { scenario, past: [...history.past, current], future: history.future.slice(1) };
}

/** The selection without nodes the scenario no longer has (an undone addition). */
export function keepExisting(selection: readonly string[], scenario: Scenario): readonly string[] {
  // Node ids as the canvas writes them; 'routing' is scenarioSlice's ROUTING_SELECTION (not imported: a cycle).
  const ids = new Set([...scenario.regions.map((r) => `region:${r.id}`), ...scenario.users.map((u) => `user:${u.id}`), 'routing']);
  return selection.every((id) => ids.has(id)) ? selection : selection.filter((id) => ids.has(id));
}

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set) => ({
  past: [],
  future: [],
  undoRequested: () =>
    set((state) => {
      const step = undo(state, state.scenario);
      return step ? { ...step, selection: keepExisting(state.selection, step.scenario) } : {};
    }),
  redoRequested: () =>
    set((state) => {
      const step = redo(state, state.scenario);
      return step ? { ...step, selection: keepExisting(state.selection, step.scenario) } : {};
    }),
});
