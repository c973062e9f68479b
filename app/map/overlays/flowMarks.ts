/**
 * What the map overlay draws, as plain data: great-circle arcs from each population to the regions serving it
 * (width by share of its traffic, colour band by latency), replication links between regions (partitioned or
 * not, with the pace of their moving marks from the lag), and the regions' state. Pure: the scenario's places,
 * the latest window and a projection in, SVG paths and numbers out; FlowOverlay renders them.
 */
import { geoPath, type GeoProjection } from 'd3';
import { LINK_END_DARK, LINK_PARTITIONED, REGION_DARK, REGION_OUT, REGION_WRITER } from '../../../engine/snapshot.ts';
import type { WatchFrame } from '../../store/metricsSlice.ts';

export interface Place {
  readonly id: string;
  readonly label: string;
  readonly lat: number;
  readonly lon: number;
}

/** Upper bounds (ms) of the latency colour bands; the last band is everything above. */
export const LATENCY_BANDS_MS = [50, 100, 200, 400] as const;

/** Band index of a latency (0 fastest .. LATENCY_BANDS_MS.length), -1 when unknown. */
export function latencyBand(ms: number): number {
  if (!Number.isFinite(ms)) return -1;
  let band = 0;
  while (band < LATENCY_BANDS_MS.length && ms >= (LATENCY_BANDS_MS[band] as number)) band++;
  return band;
}

/** Legend labels of the latency bands, fastest first. */
export function latencyBandLabels(): string[] {
  const labels: string[] = [];
  let from = 0;
  for (const to of LATENCY_BANDS_MS) {
    labels.push(`${from}-${to} ms`);
    from = to;
  }
  labels.push(`${from}+ ms`);
  return labels;
}

export interface ArcMark {
  readonly key: string;
  readonly userId: string;
  readonly regionId: string;
  readonly d: string;
  readonly widthPx: number;
  /** Latency band (latencyBand), -1 when the window had no read. */
  readonly band: number;
  readonly share: number;
  readonly latencyMs: number;
  readonly title: string;
}

/** Marks moving along a link in one direction; their pace shows the lag. */
export interface FlowMark {
  readonly from: string;
  readonly to: string;
  readonly d: string;
  readonly lagMs: number;
  /** Seconds for the dash pattern to move one period along the path (CSS animation duration). */
  readonly periodS: number;
}

export interface LinkMark {
  /** `from:to` with the regions in scenario order. */
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly d: string;
  /** Either direction is cut by a partition fault. */
  readonly partitioned: boolean;
  /** An end is dark, so the link holds writes back. */
  readonly held: boolean;
  readonly flows: readonly FlowMark[];
  readonly title: string;
}

export interface RegionMark {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly dark: boolean;
  readonly out: boolean;
  readonly writer: boolean;
}

export interface FlowMarks {
  readonly arcs: readonly ArcMark[];
  readonly links: readonly LinkMark[];
  readonly regions: readonly RegionMark[];
}

/** Length in px of one dash period of the moving marks (dash + gap, see styles.css). */
export const DASH_PERIOD_PX = 18;
/** Shares below this are not drawn (a few stray requests). */
const MIN_SHARE = 0.01;

/** Great-circle paths between two places, memoised (positions change only when a node is dragged). */
export function createPathCache(projection: GeoProjection): (a: Place, b: Place) => { d: string; lengthPx: number } {
  const path = geoPath(projection);
  const cache = new Map<string, { d: string; lengthPx: number }>();
  return (a, b) => {
    const key = `${a.lon},${a.lat}>${b.lon},${b.lat}`;
    let hit = cache.get(key);
    if (!hit) {
      const line = { type: 'LineString' as const, coordinates: [[a.lon, a.lat], [b.lon, b.lat]] };
      hit = { d: path(line) ?? '', lengthPx: path.measure(line) };
      if (cache.size > 20_000) cache.clear();
      cache.set(key, hit);
    }
    return hit;
  };
}

/**
 * Seconds a mark takes to cross a link with this lag: lag / 40 (a 40 ms link: one second; a 4 s lag:
 * a hundred), within [0.75, 120] so marks stay visible and never stop outright.
 */
export function crossingS(lagMs: number): number {
  return Math.min(120, Math.max(0.75, lagMs / 40));
}

const round = (ms: number): string => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'n/a');

export function flowMarks(
  users: readonly Place[],
  regions: readonly Place[],
  frame: WatchFrame | null,
  pathOf: (a: Place, b: Place) => { d: string; lengthPx: number },
  project: (place: Place) => { x: number; y: number },
): FlowMarks {
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const R = frame?.regionIds.length ?? 0;
  const detail = frame?.detail;

  const arcs: ArcMark[] = [];
  frame?.userIds.forEach((userId, u) => {
    const user = userById.get(userId);
    const window = frame.users[u];
    if (!user || !window) return;
    for (let r = 0; r < R; r++) {
      const share = detail?.userShares[u * R + r] ?? 0;
      const regionId = frame.regionIds[r] as string;
      const region = regionById.get(regionId);
      if (share < MIN_SHARE || !region) continue;
      const latencyMs = window.readP50Ms;
      arcs.push({
        key: `${userId}>${regionId}`,
        userId,
        regionId,
        d: pathOf(user, region).d,
        widthPx: 1 + 5 * share,
        band: latencyBand(latencyMs),
        share,
        latencyMs,
        title: `${user.label} users -> ${regionId}: ${round(latencyMs)} p50, ${Math.round(share * 100)}% of its traffic`,
      });
    }
  });

  const links: LinkMark[] = [];
  const ids = frame?.regionIds ?? regions.map((r) => r.id);
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) {
      const from = regionById.get(ids[a] as string);
      const to = regionById.get(ids[b] as string);
      if (!from || !to) continue;
      const ab = a * R + b;
      const ba = b * R + a;
      const stateAb = detail?.links.state[ab] ?? 0;
      const stateBa = detail?.links.state[ba] ?? 0;
      const partitioned = ((stateAb | stateBa) & LINK_PARTITIONED) !== 0;
      const held = ((stateAb | stateBa) & LINK_END_DARK) !== 0;
      const flows: FlowMark[] = [];
      const describe: string[] = [];
      for (const [src, dst, l] of [[from, to, ab], [to, from, ba]] as const) {
        const lagMs = detail?.links.lagMs[l] ?? Number.NaN;
        const applied = detail?.links.applied[l] ?? 0;
        const maxMs = detail?.links.maxLagMs[l] ?? Number.NaN;
        describe.push(`${src.id} -> ${dst.id}: lag ${round(lagMs)} (max ${round(maxMs)}), ${Math.round(applied)} writes/s`);
        if (applied > 0 && !partitioned && !held && Number.isFinite(lagMs)) {
          const { d, lengthPx } = pathOf(src, dst);
          const periodS = lengthPx > 0 ? (DASH_PERIOD_PX * crossingS(lagMs)) / lengthPx : 1;
          flows.push({ from: src.id, to: dst.id, d, lagMs, periodS: Math.round(periodS * 100) / 100 });
        }
      }
      const action = partitioned ? 'partitioned: click to heal' : 'click to partition';
      links.push({
        key: `${from.id}:${to.id}`,
        from: from.id,
        to: to.id,
        d: pathOf(from, to).d,
        partitioned,
        held,
        flows,
        title: `Replication ${from.id} <-> ${to.id} (${action})\n${describe.join('\n')}`,
      });
    }
  }

  const regionMarks = regions.map((region): RegionMark => {
    const r = frame?.regionIds.indexOf(region.id) ?? -1;
    const state = r >= 0 ? (detail?.regions.state[r] ?? 0) : 0;
    const { x, y } = project(region);
    return { id: region.id, x, y, dark: (state & REGION_DARK) !== 0, out: (state & REGION_OUT) !== 0, writer: (state & REGION_WRITER) !== 0 };
  });
  return { arcs, links, regions: regionMarks };
}
