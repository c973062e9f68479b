/**
 * Which header dialog is open and which Watch tab shows: in the store, so the start card (and a drill, or a
 * keyboard shortcut) can open a gallery or turn to the Failover tab, not only the buttons that own them.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

export type ToolDialog = 'presets' | 'drills' | 'share' | 'compare' | 'export';
export type WatchTab = 'health' | 'replication' | 'failover' | 'data' | 'cost';

export interface UiSlice {
  dialog: ToolDialog | null;
  dialogOpened: (dialog: ToolDialog | null) => void;
  watchTab: WatchTab;
  watchTabChosen: (tab: WatchTab) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  dialog: null,
  dialogOpened: (dialog) => set({ dialog }),
  watchTab: 'health',
  watchTabChosen: (watchTab) => set({ watchTab }),
});
