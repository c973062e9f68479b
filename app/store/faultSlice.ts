import type { StateCreator } from 'zustand';
import { removeFault } from '../faults/faultList.ts';
import type { AppState } from './index.ts';

/** The fault panel's and the region fault menu's state. Faults themselves are added by scenarioSlice's faultInjected. */
export interface FaultSlice {
  /** The region whose fault menu is open on the map, or null. */
  faultMenuRegion: string | null;
  /** The menu was opened from the keyboard, so it takes the focus (a click leaves it where it is). */
  faultMenuFocused: boolean;
  /** Opens the fault menu of a region (a click or Enter on it on the map), or closes it with null. */
  faultMenuOpened: (regionId: string | null, byKeyboard?: boolean) => void;
  /** The person removed the fault at `index` of scenario.faults: the run replays without it. */
  faultRemoved: (index: number) => void;
}

export const createFaultSlice: StateCreator<AppState, [], [], FaultSlice> = (set, get) => ({
  faultMenuRegion: null,
  faultMenuFocused: false,
  faultMenuOpened: (regionId, byKeyboard = false) => set({ faultMenuRegion: regionId, faultMenuFocused: regionId !== null && byKeyboard }),
  faultRemoved: (index) => {
    const scenario = get().scenario;
    const next = removeFault(scenario, index);
    if (next === scenario) return;
    // Through the one edit path: validated by the schema (a stored scenario is always valid) and one undo step.
    get().scenarioEdited(next, 'Removing that fault would make the scenario invalid.');
  },
});
