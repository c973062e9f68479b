/**
 * Where the scenario came from and how the page is shown: the preset it was opened from (its notes and expected
 * outcomes stay on screen while it runs), and the view mode: edit (everything), present (classroom: large type,
 * editing hidden) or embed (read-only in an iframe, from ?embed=1).
 */
import type { StateCreator } from 'zustand';
import type { Preset } from '../../engine/index.ts';
import type { AppState } from './index.ts';

export type ViewMode = 'edit' | 'present' | 'embed';

export interface LibrarySlice {
  /** The preset the current scenario was opened from; null for anything else. */
  activePreset: Preset | null;
  viewMode: ViewMode;
  /** An embed that allows faults (`?embed=1&faults=1`): its regions keep their Fail buttons and fault menu. */
  embedFaults: boolean;
  /** Opens a preset: its scenario replaces the current one (the run restarts). */
  presetOpened: (preset: Preset) => void;
  /** A shared link named the preset its scenario came from: its notes are shown (the scenario stays the link's). */
  presetNotesShown: (preset: Preset) => void;
  /** A scenario from elsewhere (a file, a recent one): replaces the current one; no preset notes. */
  scenarioOpened: (scenario: AppState['scenario']) => void;
  viewModeChanged: (mode: ViewMode) => void;
  /** A drill to play (from a file or the drill gallery), until the player takes it; `seq` tells requests apart. */
  drillRequest: { readonly input: unknown; readonly source: string; readonly seq: number } | null;
  drillRequested: (input: unknown, source: string) => void;
  /** A drill's scenario as its actions made it: shown without restarting the run (the drill's run is the engine's). */
  drillScenarioShown: (scenario: AppState['scenario']) => void;
}

let drillSeq = 0;

export const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = (set, get) => ({
    activePreset: null,
    viewMode: typeof window === 'undefined' ? 'edit' : viewModeFromSearch(window.location.search),
    embedFaults: typeof window !== 'undefined' && embedFaultsFromSearch(window.location.search),
    // A preset from the gallery always starts the same way: from 0 s, playing (it used to play only if the run
    // before it was still playing, so after a pause or a finished run it opened paused, with nothing to say so).
    presetOpened: (preset) => {
      get().scenarioLoaded(preset.scenario);
      set({ activePreset: preset, playing: true });
    },
    presetNotesShown: (preset) => set({ activePreset: preset }),
    scenarioOpened: (scenario) => {
      get().scenarioLoaded(scenario);
      set({ activePreset: null });
    },
    // Embedding is fixed by the page's address; only edit and present switch.
    viewModeChanged: (mode) => set((state) => (state.viewMode === 'embed' ? {} : { viewMode: mode })),
    drillRequest: null,
    drillRequested: (input, source) => set({ drillRequest: { input, source, seq: ++drillSeq } }),
    // Undo across a drill's steps would fight its script: the history starts afresh.
    drillScenarioShown: (scenario) => set({ scenario, activePreset: null, past: [], future: [], selection: [] }),
});

/** The run speed a page address asks for (`?speed=60`, `?speed=max`), if it is one the controls offer. */
export function speedFromSearch(search: string): 1 | 10 | 60 | 'max' | null {
  const value = new URLSearchParams(search).get('speed');
  if (value === 'max') return 'max';
  return value === '1' || value === '10' || value === '60' ? (Number(value) as 1 | 10 | 60) : null;
}

/** The view settings as a query string for a shared link: the speed, the moment it opens at, presenter mode if on, the preset if any. */
export function viewQuery(speed: 1 | 10 | 60 | 'max', mode: ViewMode, presetId: string | null = null, atS = 0): string {
  const params = new URLSearchParams({ speed: String(speed) });
  if (atS > 0) params.set('t', String(Math.floor(atS)));
  if (mode === 'present') params.set('present', '1');
  if (presetId !== null) params.set('preset', presetId);
  return `?${params.toString()}`;
}

/** The moment a shared link opens at (`?t=150`, simulated seconds), or 0. */
export function momentFromSearch(search: string): number {
  const value = Number(new URLSearchParams(search).get('t'));
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** The preset id a shared link names (`?preset=...`), if it looks like one. */
export function presetFromSearch(search: string): string | null {
  const id = new URLSearchParams(search).get('preset');
  return id !== null && /^[a-z0-9][a-z0-9-]{0,59}$/.test(id) ? id : null;
}

/** Whether an embed's address opts in to faults: `?embed=1&faults=1`. */
export function embedFaultsFromSearch(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.get('embed') === '1' && params.get('faults') === '1';
}

/** The view mode a page address asks for: `?embed=1` embeds, `?present=1` presents. */
export function viewModeFromSearch(search: string): ViewMode {
  const params = new URLSearchParams(search);
  if (params.get('embed') === '1') return 'embed';
  if (params.get('present') === '1') return 'present';
  return 'edit';
}
