/**
 * What the map overlay draws, as plain data: great-circle arcs from each population to the regions serving it
 * (width by share of its traffic, colour band by latency), replication links between regions (partitioned or
 * not, with the pace of their moving marks from the lag), and the regions' state. Pure: the scenario's places,
 * the latest window and a projection in, SVG paths and numbers out; FlowOverlay renders them.
 */
import { geoInterpolate, geoPath, type GeoProjection } from 'd3';
import { formatMs } from '../../format/duration.ts';
import { LINK_END_DARK, LINK_PARTITIONED, REGION_DARK, REGION_OUT, REGION_WRITER } from '../../../engine/index.ts';
import type { Fault } from '../../../engine/index.ts';
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
  /** Share of the population's traffic that failed at the region (part of `share`). */
  readonly failShare: number;
  /** Most of what goes this way fails (a dark region the routing layer still sends users to). */
  readonly failing: boolean;
  readonly latencyMs: number;
  readonly title: string;
}

/** Marks moving along a link in one direction; their pace shows the lag. */
export interface FlowMark {
  readonly from: string;
  readonly to: string;
  readonly d: string;
  /** Points along the link, from `from` to `to` (px): the marks' keyframes. */
  readonly track: readonly { readonly x: number; readonly y: number }[];
  readonly lagMs: number;
  /** Seconds a mark takes to travel the link (crossingS of the lag, to 0.1 s). */
  readonly crossingS: number;
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
  /** What clicking it does, where editing is allowed. */
  readonly action: string;
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

/**
 * At most this many directions carry moving marks, those with the most writes: each mark is a layer the page
 * updates every frame (measured on the 25-region benchmark: 80 marks cost about a fifth of the main thread),
 * and a 25-region mesh has 600 directions.
 */
export const MAX_ANIMATED_FLOWS = 24;
/** Shares below this are not drawn (a few stray requests). */
const MIN_SHARE = 0.01;

/** Points sampled along a great circle for the moving marks (keyframes), ends included. */
export const TRACK_POINTS = 25;

export interface GreatCirclePath {
  /** SVG path, clipped at the map's edge where it crosses the antimeridian. */
  readonly d: string;
  readonly lengthPx: number;
  /** Evenly spaced points along the great circle, projected (px). */
  readonly track: readonly { readonly x: number; readonly y: number }[];
}

/** Great-circle paths between two places, memoised (positions change only when a node is dragged). */
export function createPathCache(projection: GeoProjection): (a: Place, b: Place) => GreatCirclePath {
  const path = geoPath(projection);
  const cache = new Map<string, GreatCirclePath>();
  return (a, b) => {
    const key = `${a.lon},${a.lat}>${b.lon},${b.lat}`;
    let hit = cache.get(key);
    if (!hit) {
      const line = { type: 'LineString' as const, coordinates: [[a.lon, a.lat], [b.lon, b.lat]] };
      const along = geoInterpolate([a.lon, a.lat], [b.lon, b.lat]);
      const track = Array.from({ length: TRACK_POINTS }, (_, i) => {
        const [x, y] = projection(along(i / (TRACK_POINTS - 1))) ?? [0, 0];
        return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
      });
      hit = { d: path(line) ?? '', lengthPx: path.measure(line), track };
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



export function flowMarks(
  users: readonly Place[],
  regions: readonly Place[],
  frame: WatchFrame | null,
  pathOf: (a: Place, b: Place) => GreatCirclePath,
  project: (place: Place) => { x: number; y: number },
  /** Directions (`from>to`) animated last time: they keep their marks unless others carry twice their writes. */
  sticky: ReadonlySet<string> = new Set(),
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
      const failShare = detail?.userFailShares[u * R + r] ?? 0;
      const failing = failShare >= share / 2;
      const pct = (v: number) => `${Math.round(v * 100)}%`;
      arcs.push({
        key: `${userId}>${regionId}`,
        userId,
        regionId,
        d: pathOf(user, region).d,
        widthPx: Math.round((1 + 5 * share) * 2) / 2, // half-pixel steps: no repaint for a tiny change
        band: failing ? -1 : latencyBand(latencyMs),
        share,
        failShare,
        failing,
        latencyMs,
        // Written when read (the tooltip of the one mark under the pointer), not for every mark at every snapshot.
        get title() {
          return failing
            ? `${user.label} users -> ${regionId}: failing, ${pct(share)} of its traffic (${pct(failShare / share)} of it failing)`
            : `${user.label} users -> ${regionId}: ${formatMs(latencyMs)} p50, ${pct(share)} of its traffic`;
        },
      });
    }
  });

  const links: LinkMark[] = [];
  const candidates: { flow: FlowMark; weight: number; link: number }[] = [];
  /** Each link's flows, filled once the busiest are chosen (the same arrays the link marks hold). */
  const flowsOf: FlowMark[][] = [];
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
      flowsOf.push(flows);
      for (const [src, dst, l] of [[from, to, ab], [to, from, ba]] as const) {
        const lagMs = detail?.links.lagMs[l] ?? Number.NaN;
        const applied = detail?.links.applied[l] ?? 0;
        if (applied > 0 && !partitioned && !held && Number.isFinite(lagMs)) {
          const { d, track } = pathOf(src, dst);
          const flow = { from: src.id, to: dst.id, d, track, lagMs, crossingS: Math.round(crossingS(lagMs) * 10) / 10 };
          // The busiest directions move, with a bonus for the ones already moving, so the choice does not
          // flicker from one window to the next (each change restarts animations).
          candidates.push({ flow, weight: applied * (sticky.has(`${src.id}>${dst.id}`) ? 2 : 1), link: links.length });
        }
      }
      const state = partitioned ? 'partitioned' : held ? 'holding writes back: an end is down' : 'flowing';
      // While a link holds writes back its lag is how long it has held them; the highest lag is of writes that
      // arrived, so the two are said apart rather than as "87040 ms (max 45 ms)".
      const direction = (src: Place, dst: Place, l: number): string => {
        const lagMs = detail?.links.lagMs[l] ?? Number.NaN;
        const maxMs = detail?.links.maxLagMs[l] ?? Number.NaN;
        const now = partitioned || held ? `writes held back for ${formatMs(lagMs)}` : `lag ${formatMs(lagMs)}`;
        return `${src.id} -> ${dst.id}: ${now} (highest lag of a delivered write ${formatMs(maxMs)}), ${Math.round(detail?.links.applied[l] ?? 0)} writes/s`;
      };
      links.push({
        key: `${from.id}:${to.id}`,
        from: from.id,
        to: to.id,
        d: pathOf(from, to).d,
        partitioned,
        held,
        flows,
        // Written when read (the tooltip), not for 300 links at every snapshot.
        get title() {
          return `Replication ${from.id} <-> ${to.id}: ${state}\n${direction(from, to, ab)}\n${direction(to, from, ba)}`;
        },
        action: partitioned ? 'Click to heal the partition' : 'Click to partition the link',
      });
    }
  }

  // Ties in scenario order.
  candidates.sort((p, q) => q.weight - p.weight || p.link - q.link);
  for (const { flow, link } of candidates.slice(0, MAX_ANIMATED_FLOWS)) flowsOf[link]?.push(flow);

  const regionMarks = regions.map((region): RegionMark => {
    const r = frame?.regionIds.indexOf(region.id) ?? -1;
    const state = r >= 0 ? (detail?.regions.state[r] ?? 0) : 0;
    const { x, y } = project(region);
    return { id: region.id, x, y, dark: (state & REGION_DARK) !== 0, out: (state & REGION_OUT) !== 0, writer: (state & REGION_WRITER) !== 0 };
  });
  return { arcs, links, regions: regionMarks };
}

export interface Keyframe {
  readonly offset: number;
  readonly x: number;
  readonly y: number;
}

/**
 * A mark's keyframes along a track: evenly spaced in time; where the track jumps across the map (the
 * antimeridian), the mark waits at the edge and reappears on the other side instead of sweeping over the map.
 */
export function trackKeyframes(track: readonly { readonly x: number; readonly y: number }[], mapWidth: number): Keyframe[] {
  const frames: Keyframe[] = [];
  const last = Math.max(1, track.length - 1);
  track.forEach((p, i) => {
    const offset = i / last;
    const before = track[i - 1];
    if (before && Math.abs(p.x - before.x) > mapWidth / 2) frames.push({ offset, x: before.x, y: before.y });
    frames.push({ offset, x: p.x, y: p.y });
  });
  return frames;
}

/**
 * Whether the scenario's faults have the link between regions a and b cut at `atS` (its last partition or
 * link-heal by then, in either direction, was a partition): what a click on the link toggles. Read from the
 * scenario rather than the engine's last window, so a second click before that window arrives heals.
 */
export function linkPartitionedAt(faults: readonly Fault[], a: string, b: string, atS: number): boolean {
  let cut = false;
  let lastS = Number.NEGATIVE_INFINITY;
  for (const fault of faults) {
    if (fault.kind !== 'partition' && fault.kind !== 'link-heal') continue;
    const between = (fault.from === a && fault.to === b) || (fault.from === b && fault.to === a);
    if (!between || fault.atS > atS || fault.atS < lastS) continue;
    cut = fault.kind === 'partition';
    lastS = fault.atS;
  }
  return cut;
}
