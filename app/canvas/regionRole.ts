/**
 * Which region takes the writes, as the run has it now: the configured primary until the engine promotes
 * another, both in a split brain (a former primary back without fencing), the old one down or demoted after a
 * promotion. From the latest window's REGION_* state bits; before any window, from the scenario. Pure.
 */
import { REGION_DARK, REGION_WRITER } from '../../engine/index.ts';
import type { Scenario } from '../../engine/index.ts';

/**
 * - `primary`: takes the writes and is up.
 * - `primary-down`: the primary, dark, and no other region promoted yet (its writes fail).
 * - `former-down`: the configured primary, dark, with another region promoted in its place.
 * - `demoted`: the configured primary, up again, no longer taking writes (fenced off).
 * - null: a standby, or a topology without a single writer.
 */
export type RegionRole = 'primary' | 'primary-down' | 'former-down' | 'demoted' | null;

/** The latest window's state bits per region id, or null before the run has sent one. */
export interface RegionStates {
  readonly regionIds: readonly string[];
  readonly state: ArrayLike<number>;
}

/** The roles of every region of the scenario, by id (only regions with a role are present). */
export function regionRoles(scenario: Scenario, live: RegionStates | null): ReadonlyMap<string, Exclude<RegionRole, null>> {
  const roles = new Map<string, Exclude<RegionRole, null>>();
  if (scenario.data.topology !== 'active-passive') return roles;
  const configured = scenario.data.primary ?? scenario.regions[0]?.id;
  const bits = (id: string): number | undefined => {
    if (!live) return undefined;
    const r = live.regionIds.indexOf(id);
    return r < 0 ? undefined : (live.state[r] ?? 0);
  };
  const known = live !== null && scenario.regions.every((region) => bits(region.id) !== undefined);
  if (!known) {
    if (configured !== undefined) roles.set(configured, 'primary');
    return roles;
  }
  const liveWriters = scenario.regions.filter((region) => {
    const b = bits(region.id) ?? 0;
    return (b & REGION_WRITER) !== 0 && (b & REGION_DARK) === 0;
  });
  for (const region of liveWriters) roles.set(region.id, 'primary');
  for (const region of scenario.regions) {
    if (roles.has(region.id)) continue;
    const b = bits(region.id) ?? 0;
    const dark = (b & REGION_DARK) !== 0;
    const writer = (b & REGION_WRITER) !== 0;
    if (writer && dark) roles.set(region.id, liveWriters.length > 0 ? 'former-down' : 'primary-down');
    else if (region.id === configured) roles.set(region.id, dark ? 'former-down' : 'demoted');
  }
  return roles;
}

/** The map badge's words for a role. */
export function roleBadge(role: RegionRole): string | null {
  switch (role) {
    case 'primary':
      return 'primary';
    case 'primary-down':
      return 'primary, down';
    case 'former-down':
      return 'was primary, down';
    case 'demoted':
      return 'demoted';
    default:
      return null;
  }
}

/** The inspector's sentence for a role; `splitBrain` when two regions take writes at once. */
export function roleSentence(role: RegionRole, splitBrain: boolean): string {
  switch (role) {
    case 'primary':
      return splitBrain ? ' Primary, beside another: two primaries take writes at once (split brain).' : ' Primary: takes the writes.';
    case 'primary-down':
      return ' Primary, down: its writes fail until a standby is promoted.';
    case 'former-down':
      return ' Was the primary; down, and another region was promoted in its place.';
    case 'demoted':
      return ' Was the primary; back up, fenced off, and no longer takes the writes.';
    default:
      return '';
  }
}
