/**
 * Helpers for applying a scenario edited while it runs: what the edit changed, and which faults it added.
 */
import type { Scenario } from './scenario/schema.ts';
import type { World } from './world.ts';

/** What a router's decisions depend on: its settings, and where regions and users are. */
export function routingKey(scenario: Scenario): string {
  return JSON.stringify([
    scenario.routing,
    scenario.regions.map((r) => [r.id, r.catalog, r.lat, r.lon, r.weight]),
    scenario.users.map((u) => [u.id, u.lat, u.lon, u.lastMileMs, u.jurisdiction]),
  ]);
}

/** True when two worlds have the same regions in the same order (indices stay valid). */
export function sameRegions(a: World, b: World): boolean {
  return a.regions.length === b.regions.length && a.regions.every((r, i) => r.id === b.regions[i]?.id);
}

/**
 * For each fault of `current`, whether it is new: not in `previous` (counting duplicates). A fault that is new
 * and already in the past was injected by a person at the clock they saw, a moment behind the engine's.
 */
export function newFaults(previous: Scenario['faults'], current: Scenario['faults']): boolean[] {
  const before = new Map<string, number>();
  for (const fault of previous) before.set(JSON.stringify(fault), (before.get(JSON.stringify(fault)) ?? 0) + 1);
  return current.map((fault) => {
    const key = JSON.stringify(fault);
    const known = before.get(key) ?? 0;
    if (known > 0) before.set(key, known - 1);
    return known === 0;
  });
}

/** Per-region flags moved to new indices (a region that is new starts at 1). */
export function remapFlags(flags: Uint8Array, regionCount: number, newIndexOf: (oldIndex: number) => number): Uint8Array<ArrayBuffer> {
  const moved = new Uint8Array(regionCount).fill(1);
  flags.forEach((flag, old) => {
    const to = newIndexOf(old);
    if (to >= 0) moved[to] = flag;
  });
  return moved;
}
