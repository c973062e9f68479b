/** The run's region roles (regionRole.ts), computed once per snapshot however many nodes ask. */
import type { AppState } from '../store/index.ts';
import { useApp } from '../store/context.ts';
import { regionRoles, type RegionRole } from './regionRole.ts';

let lastScenario: AppState['scenario'] | null = null;
let lastLatest: AppState['watch']['latest'] | undefined;
let lastRoles: ReturnType<typeof regionRoles> = new Map();

/** Memoized on the scenario and the latest window: a selector every region node calls at each store change. */
export function selectRegionRoles(state: Pick<AppState, 'scenario' | 'watch'>): ReturnType<typeof regionRoles> {
  const latest = state.watch.latest;
  if (state.scenario !== lastScenario || latest !== lastLatest) {
    lastScenario = state.scenario;
    lastLatest = latest;
    lastRoles = regionRoles(state.scenario, latest ? { regionIds: latest.regionIds, state: latest.detail.regions.state } : null);
  }
  return lastRoles;
}

/** This region's role now. */
export function useRegionRole(regionId: string): RegionRole {
  return useApp((s) => selectRegionRoles(s).get(regionId) ?? null);
}

/** Whether two regions take writes at once now (a split brain). */
export function useSplitBrain(): boolean {
  return useApp((s) => [...selectRegionRoles(s).values()].filter((role) => role === 'primary').length > 1);
}
