/**
 * Edits of a scenario as pure functions: scenario in, candidate scenario out. None of them validates; the store
 * parses every candidate with the schema (parseScenario) and applies it only when it is valid, so each function
 * here only has to keep references consistent (a deleted region's faults, the primary, the quorum).
 */
import type { Region, Scenario, User } from '../../engine/index.ts';
import type { LatLon } from '../../engine/index.ts';
import { findCatalogRegion, type CatalogRegion } from '../../engine/index.ts';
import { regionDownAt } from '../../engine/index.ts';
import { regionPlace } from '../../engine/index.ts';

export type NodeKind = 'region' | 'user';

/** A region or a user population of the scenario, by kind and id. */
export interface NodeRef {
  readonly kind: NodeKind;
  readonly id: string;
}

/** What the palette adds as a region: a catalogue entry (at its real place) or a custom point. */
export type RegionSpec =
  | { readonly catalog: CatalogRegion }
  | { readonly lat: number; readonly lon: number; readonly name?: string; readonly jurisdiction?: string };

/** What the palette adds as a user population: a city (at its real place) or a custom point. */
export interface UserSpec {
  readonly lat: number;
  readonly lon: number;
  readonly name?: string;
  /** Preferred id stem, e.g. the city's id. */
  readonly idHint?: string;
  readonly jurisdiction?: string;
  readonly qps?: number;
}

export interface Added {
  readonly scenario: Scenario;
  readonly ref: NodeRef;
}

/** Most ids are short: a stem of at most 34 characters leaves room for a "-12345" suffix within the 40 allowed. */
const STEM_MAX = 34;

/** Text as an id stem the schema accepts: lower case letters, digits, "-", "_" and ".", starting with a letter or digit. */
export function idStem(text: string): string {
  const stem = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, STEM_MAX)
    .replace(/[-_.]+$/, '');
  return stem === '' ? 'node' : stem;
}

/** `base` made into an id that is not in `taken`: the stem itself, else the stem with "-2", "-3", ... */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const stem = idStem(base);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const regionIds = (scenario: Scenario): Set<string> => new Set(scenario.regions.map((r) => r.id));
const userIds = (scenario: Scenario): Set<string> => new Set(scenario.users.map((u) => u.id));

/** The scenario with a region added at the end: a catalogue region keeps its code as id, a custom one is "custom". */
export function addRegion(scenario: Scenario, spec: RegionSpec): Added {
  const taken = regionIds(scenario);
  let region: Region;
  if ('catalog' in spec) {
    const code = spec.catalog.code;
    const id = taken.has(idStem(code)) ? uniqueId(`${spec.catalog.provider}-${code}`, taken) : uniqueId(code, taken);
    region = withRegionDefaults({ id, catalog: spec.catalog.id });
  } else {
    const id = uniqueId(spec.name ?? 'custom', taken);
    region = withRegionDefaults({
      id,
      name: spec.name ?? 'Custom region',
      lat: spec.lat,
      lon: spec.lon,
      ...(spec.jurisdiction ? { jurisdiction: spec.jurisdiction } : {}),
    });
  }
  return { scenario: { ...scenario, regions: [...scenario.regions, region] }, ref: { kind: 'region', id: region.id } };
}

/** The scenario with a user population added at the end (100 requests/s unless said otherwise). */
export function addUser(scenario: Scenario, spec: UserSpec): Added {
  const id = uniqueId(spec.idHint ?? spec.name ?? 'users', userIds(scenario));
  const user: User = {
    id,
    name: spec.name ?? 'Users',
    lat: spec.lat,
    lon: spec.lon,
    qps: spec.qps ?? 100,
    writeRatio: 0.1,
    lastMileMs: 10,
    ...(spec.jurisdiction ? { jurisdiction: spec.jurisdiction } : {}),
  };
  return { scenario: { ...scenario, users: [...scenario.users, user] }, ref: { kind: 'user', id } };
}

function withRegionDefaults(region: Pick<Region, 'id'> & Partial<Region>): Region {
  return { capacityQps: 1500, readServiceMs: 2, writeServiceMs: 5, weight: 1, clockSkewMs: 0, ...region };
}

/** Region ids a fault refers to. */
function faultRegions(fault: Scenario['faults'][number]): string[] {
  return 'region' in fault ? [fault.region] : [fault.from, fault.to];
}

/**
 * The scenario without the given regions and populations, with what referred to a deleted region fixed: its
 * faults go, a deleted primary passes to the first region left, a semi-sync quorum shrinks to the regions left.
 * Deleting every region leaves none, which the schema refuses (a scenario needs one).
 */
export function deleteNodes(scenario: Scenario, refs: readonly NodeRef[]): Scenario {
  const goneRegions = new Set(refs.filter((r) => r.kind === 'region').map((r) => r.id));
  const goneUsers = new Set(refs.filter((r) => r.kind === 'user').map((r) => r.id));
  const regions = scenario.regions.filter((r) => !goneRegions.has(r.id));
  const users = scenario.users.filter((u) => !goneUsers.has(u.id));
  if (goneRegions.size === 0) return { ...scenario, users };
  const faults = scenario.faults.filter((f) => faultRegions(f).every((id) => !goneRegions.has(id)));
  const data = { ...scenario.data };
  if (data.primary !== undefined && goneRegions.has(data.primary)) {
    if (regions[0]) data.primary = regions[0].id;
    else delete data.primary;
  }
  const others = regions.length - 1;
  if (others > 0 && data.quorum > others) data.quorum = others;
  return { ...scenario, regions, users, faults, data };
}

/** Degrees a duplicate is offset by, so it does not hide its original. */
const DUPLICATE_OFFSET = { lat: -2, lon: 3 };

function offsetPlace(place: LatLon): LatLon {
  const lat = Math.max(-89, Math.min(89, place.lat + DUPLICATE_OFFSET.lat));
  const lon = place.lon + DUPLICATE_OFFSET.lon > 180 ? place.lon - DUPLICATE_OFFSET.lon : place.lon + DUPLICATE_OFFSET.lon;
  return { lat, lon };
}

const copyName = (name: string | undefined, id: string): string => `${name ?? id} (copy)`.slice(0, 80);

/** Regions and populations copied out of a scenario (Ctrl/Cmd+C or X), to be pasted back in. */
export interface Clipboard {
  readonly regions: readonly Region[];
  readonly users: readonly User[];
}

/** The given nodes as they are now, for the clipboard. */
export function copyNodes(scenario: Scenario, refs: readonly NodeRef[]): Clipboard {
  const wanted = (kind: NodeKind) => new Set(refs.filter((r) => r.kind === kind).map((r) => r.id));
  const regions = wanted('region');
  const users = wanted('user');
  return { regions: scenario.regions.filter((r) => regions.has(r.id)), users: scenario.users.filter((u) => users.has(u.id)) };
}

/** A copy of a region beside its original: a fresh id, " (copy)", a little south-east; a catalogue region becomes custom there. */
function regionCopy(region: Region, id: string): Region {
  const place = offsetPlace(regionPlace(region));
  const entry = region.catalog !== undefined ? findCatalogRegion(region.catalog) : undefined;
  const { catalog: _catalog, ...rest } = region;
  const jurisdiction = region.jurisdiction ?? entry?.jurisdiction;
  return { ...rest, id, name: copyName(region.name ?? entry?.city, region.id), lat: place.lat, lon: place.lon, ...(jurisdiction ? { jurisdiction } : {}) };
}

/**
 * The scenario with the clipboard's nodes added. A node whose id is free (it was cut) comes back as it was; one
 * whose original is still there becomes a copy beside it (see regionCopy). Returns the added nodes' refs.
 */
export function pasteNodes(scenario: Scenario, clipboard: Clipboard): { scenario: Scenario; refs: NodeRef[] } {
  const takenRegions = regionIds(scenario);
  const takenUsers = userIds(scenario);
  const regions = [...scenario.regions];
  const users = [...scenario.users];
  const added: NodeRef[] = [];
  for (const region of clipboard.regions) {
    const free = !takenRegions.has(region.id);
    const id = free ? region.id : uniqueId(`${region.id}-copy`, takenRegions);
    takenRegions.add(id);
    regions.push(free ? region : regionCopy(region, id));
    added.push({ kind: 'region', id });
  }
  for (const user of clipboard.users) {
    const free = !takenUsers.has(user.id);
    const id = free ? user.id : uniqueId(`${user.id}-copy`, takenUsers);
    takenUsers.add(id);
    users.push(free ? user : { ...user, id, name: copyName(user.name, user.id), ...offsetPlace(user) });
    added.push({ kind: 'user', id });
  }
  return { scenario: { ...scenario, regions, users }, refs: added };
}

/**
 * The scenario with copies of the given nodes, each with a fresh id, " (copy)" in its name, and set a little
 * south-east of its original; a copied catalogue region becomes a custom one there, like a moved one.
 * Returns the copies' refs, so they can be selected.
 */
export function duplicateNodes(scenario: Scenario, refs: readonly NodeRef[]): { scenario: Scenario; refs: NodeRef[] } {
  return pasteNodes(scenario, copyNodes(scenario, refs));
}

/** The scenario with a region-down (or region-up, if it is down) added at `atS` (0.1 s steps). */
export function toggleRegionFailure(scenario: Scenario, regionId: string, atS: number): Scenario {
  const at = Math.min(scenario.durationS, Math.round(atS * 10) / 10);
  const kind = regionDownAt(scenario.faults, regionId, at) ? 'region-up' : 'region-down';
  return { ...scenario, faults: [...scenario.faults, { kind, atS: at, region: regionId }] };
}

/** The scenario with one node moved; a catalogue region moved off its place becomes custom. */
export function moveNode(scenario: Scenario, kind: NodeKind, id: string, place: LatLon): Scenario {
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

/** A node moved to a place, as one step of a drag of several nodes. */
export interface NodeMove extends NodeRef {
  readonly place: LatLon;
}

/** The scenario with several nodes moved at once (a multi-node drag is one edit). */
export function moveNodes(scenario: Scenario, moves: readonly NodeMove[]): Scenario {
  return moves.reduce((s, move) => moveNode(s, move.kind, move.id, move.place), scenario);
}

/** A path into a scenario, as zod reports it: `['regions', 2, 'lat']`. */
export type FieldPath = readonly (string | number)[];

/**
 * `value` set at `path` in a copy of `root` (copying only the objects on the path); `undefined` removes the
 * key, so an optional field left empty falls back to its default.
 */
export function setIn<T>(root: T, path: FieldPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const container = root as unknown;
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy as T;
  }
  const object = { ...((container ?? {}) as Record<string, unknown>) };
  const next = setIn(object[head as string], rest, value);
  if (next === undefined) delete object[head as string];
  else object[head as string] = next;
  return object as T;
}

/** The value at `path`, or undefined. */
export function getIn(root: unknown, path: FieldPath): unknown {
  let at = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/**
 * The scenario with a region or population under a new id, and everything that named the old one following
 * it (a region's faults and the primary). The new id is checked by the schema like any other edit.
 */
export function renameNode(scenario: Scenario, ref: NodeRef, newId: string): Scenario {
  if (ref.id === newId) return scenario;
  if (ref.kind === 'user') return { ...scenario, users: scenario.users.map((u) => (u.id === ref.id ? { ...u, id: newId } : u)) };
  if (!scenario.regions.some((r) => r.id === ref.id)) return scenario;
  const follow = (id: string): string => (id === ref.id ? newId : id);
  return {
    ...scenario,
    regions: scenario.regions.map((r) => (r.id === ref.id ? { ...r, id: newId } : r)),
    data: scenario.data.primary === undefined ? scenario.data : { ...scenario.data, primary: follow(scenario.data.primary) },
    faults: scenario.faults.map((f) => ('region' in f ? { ...f, region: follow(f.region) } : { ...f, from: follow(f.from), to: follow(f.to) })),
  };
}
