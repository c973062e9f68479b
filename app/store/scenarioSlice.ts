import type { StateCreator } from 'zustand';
import { parseScenario, formatIssues } from '../../engine/scenario/parse.ts';
import type { Fault, Scenario } from '../../engine/scenario/schema.ts';
import type { LatLon } from '../../engine/geo/greatCircle.ts';
import { findCatalogRegion } from '../../engine/geo/catalog.ts';
import { regionDownAt } from '../../engine/scenario/regionStatus.ts';
import type { AppState } from './index.ts';

export interface ScenarioSlice {
  /** The validated scenario being edited and run. Only valid scenarios are ever stored here. */
  scenario: Scenario;
  /** Increases each time a whole scenario is loaded (the run restarts); edits keep it. */
  loadId: number;
  /** Replaces the scenario and restarts the run. */
  scenarioLoaded: (scenario: Scenario) => void;
  /** A region or user population was dragged to a new place on the map. */
  nodeMoved: (kind: 'region' | 'user', id: string, place: LatLon) => void;
  /** The person failed (or restored) a region while the run is at `atS`: recorded as a fault, so it replays. */
  regionFailureToggled: (regionId: string, atS: number) => void;
  /** A fault injected by the person (any kind, its `atS` the run's time or later): recorded so the run replays it. */
  faultInjected: (fault: Fault) => void;
}

/** The scenario with a region-down (or region-up, if it is down) added at `atS` (0.1 s steps). */
export function toggleRegionFailure(scenario: Scenario, regionId: string, atS: number): Scenario {
  const at = Math.min(scenario.durationS, Math.round(atS * 10) / 10);
  const kind = regionDownAt(scenario.faults, regionId, at) ? 'region-up' : 'region-down';
  return { ...scenario, faults: [...scenario.faults, { kind, atS: at, region: regionId }] };
}

/** The scenario with one node moved; a catalogue region moved off its place becomes custom. */
export function moveNode(scenario: Scenario, kind: 'region' | 'user', id: string, place: LatLon): Scenario {
  if (kind === 'user') {
    return { ...scenario, users: scenario.users.map((u) => (u.id === id ? { ...u, lat: place.lat, lon: place.lon } : u)) };
  }
  return {
    ...scenario,
    regions: scenario.regions.map((region) => {
      if (region.id !== id) return region;
      const entry = region.catalog !== undefined ? findCatalogRegion(region.catalog) : undefined;
      const { catalog: _catalog, ...custom } = region;
      return {
        ...custom,
        name: region.name ?? (entry ? `${entry.city} (moved)` : undefined),
        jurisdiction: region.jurisdiction ?? entry?.jurisdiction,
        lat: place.lat,
        lon: place.lon,
      };
    }),
  };
}

export const createScenarioSlice =
  (initial: Scenario): StateCreator<AppState, [], [], ScenarioSlice> =>
  (set, get) => ({
    scenario: initial,
    loadId: 0,
    scenarioLoaded: (scenario) => set((state) => ({ scenario, loadId: state.loadId + 1 })),
    nodeMoved: (kind, id, place) => {
      const parsed = parseScenario(moveNode(get().scenario, kind, id, place));
      if (parsed.ok) set({ scenario: parsed.scenario });
      else get().noticeShown('That move would make the scenario invalid.', formatIssues(parsed.issues));
    },
    regionFailureToggled: (regionId, atS) => {
      const parsed = parseScenario(toggleRegionFailure(get().scenario, regionId, atS));
      if (parsed.ok) set({ scenario: parsed.scenario });
      else get().noticeShown('That fault would make the scenario invalid.', formatIssues(parsed.issues));
    },
    faultInjected: (fault) => {
      const scenario = get().scenario;
      const atS = Math.min(scenario.durationS, Math.round(fault.atS * 10) / 10);
      const parsed = parseScenario({ ...scenario, faults: [...scenario.faults, { ...fault, atS }] });
      if (parsed.ok) set({ scenario: parsed.scenario });
      else get().noticeShown('That fault would make the scenario invalid.', formatIssues(parsed.issues));
    },
  });
