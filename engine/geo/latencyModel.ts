/**
 * The geography-true RTT model: shortest paths over the fibre graph (see docs/latency-model.md).
 *
 * RTT(a, b) = overhead(d) + min(direct, min over attachments i of a, j of b: access(a, i) + path(i, j) + access(b, j))
 * - d is the great-circle distance; overhead(d) rises from INTRA_REGION_RTT_MS at d = 0 to baseMs within a
 *   metro (e-folding OVERHEAD_RAMP_KM): the fixed cost of the hosts, load balancers and the last metres.
 * - access(x, h): the great circle from x to hub h times landFactor (local fibre is terrestrial), as fibre
 *   round-trip time. A point attaches to its attachCount nearest hubs that lie within attachSlackKm of the
 *   nearest one.
 * - path(i, j): the cheapest chain of edges (an edge is one system between two of its stops, fibreGraph.ts) that
 *   never goes up a landing's backhaul and straight back down it (fibreGraph.ts cheapestHubRoutes), each
 *   costing its route length (great circle through its waypoints) times landFactor or seaFactor as fibre
 *   round-trip time, plus hopMs: so hopMs is charged per system used, for the switching between systems and the
 *   detours finer than the graph.
 * - direct: the great circle times landFactor, for nearby places only: between directKm and 2 directKm its
 *   factor grows as directKm / (2 directKm - d), to infinity, so it fades out continuously and the graph alone
 *   decides beyond (a straight line over 1,000 km would cross seas and borders that fibre does not).
 * Every factor is at least 1 and every cost non-negative, so no estimate is below the fibre floor.
 */
import { fibreFloorRttMs } from './fibre.ts';
import { cheapestHubRoutes, type FibreGraph, type GraphEdge, type GraphHub } from './fibreGraph.ts';
import { EARTH_RADIUS_KM, greatCircleKm, type LatLon } from './greatCircle.ts';
import { asin, cos, exp, sin } from '../math/index.ts';

/**
 * RTT in ms between two places in one region (zone to zone). GCP publishes 0.1-0.6 ms zone to zone; AWS's
 * self-pairs (2-5 ms) time a TCP connect to an endpoint, not the network. One ms is a round, slightly
 * conservative figure for two hosts in one metro.
 */
export const INTRA_REGION_RTT_MS = 1;

/** Distance in km over which the fixed overhead rises from INTRA_REGION_RTT_MS to baseMs (e-folding). */
export const OVERHEAD_RAMP_KM = 50;

export interface LatencyModelParams {
  /** Terrestrial fibre route length over the great circle (roads, rail, pipelines); also a point's access to its hubs and the direct path between nearby points. */
  readonly landFactor: number;
  /** Submarine cable route length over the great circle through its waypoints. */
  readonly seaFactor: number;
  /** ms per edge traversed, i.e. per system used: switching between systems and the detours finer than the graph. */
  readonly hopMs: number;
  /** ms of fixed overhead on every path between distinct metros (hosts, load balancers, last metres). */
  readonly baseMs: number;
  /** How many nearest hubs a point may attach to. */
  readonly attachCount: number;
  /** A point attaches only to hubs within this many km of its nearest hub. */
  readonly attachSlackKm: number;
  /** Up to this distance in km the direct path costs landFactor; it fades out by twice this distance. */
  readonly directKm: number;
}

export interface LatencyModel {
  readonly params: LatencyModelParams;
  /** RTT in ms (both directions) estimated between two points. Symmetric, at least the fibre floor. */
  estimatedRttMs(a: LatLon, b: LatLon): number;
  /** Names of the hubs and landing stations along the path the estimate takes from a to b; empty when the direct path is shorter. */
  pathVia(a: LatLon, b: LatLon): string[];
}

interface Attachment {
  readonly lat: number;
  readonly lon: number;
  /** The point as a unit vector, for fast great-circle distances. */
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly hubs: readonly number[];
  readonly accessMs: readonly number[];
}

const RAD = Math.PI / 180;
// Module-local copies for the per-query path (a bundler may turn imported bindings into property reads).
const EARTH_DIAMETER_KM = 2 * EARTH_RADIUS_KM;
const RTT_MS_PER_KM = fibreFloorRttMs(1);

/** Builds the model: the cheapest routes between all hubs (fibreGraph.ts cheapestHubRoutes, once), then O(k^2) a query. */
export function createLatencyModel(graph: FibreGraph, params: LatencyModelParams): LatencyModel {
  for (const [name, factor] of [['landFactor', params.landFactor], ['seaFactor', params.seaFactor]] as const) {
    if (!(factor >= 1)) throw new Error(`${name} must be at least 1 (fibre is never shorter than the great circle), got ${factor}`);
  }
  if (!(params.hopMs >= 0 && params.baseMs >= INTRA_REGION_RTT_MS)) throw new Error('hopMs must be >= 0 and baseMs >= INTRA_REGION_RTT_MS');
  if (!(params.attachCount >= 1 && params.attachSlackKm >= 0 && params.directKm > 0)) throw new Error('invalid attachment parameters');

  const n = graph.hubs.length;
  const routes = cheapestHubRoutes(graph, (edge) => fibreFloorRttMs(edge.landKm * params.landFactor + edge.seaKm * params.seaFactor) + params.hopMs);
  const pathMs = routes.costOf;

  // Unit vectors of the hubs: the nearest hub by the largest dot product, without a haversine per hub.
  const unit = new Float64Array(n * 3);
  graph.hubs.forEach((hub, i) => {
    const cosLat = cos(hub.lat * RAD);
    unit[i * 3] = cosLat * cos(hub.lon * RAD);
    unit[i * 3 + 1] = cosLat * sin(hub.lon * RAD);
    unit[i * 3 + 2] = sin(hub.lat * RAD);
  });

  function computeAttachment(p: LatLon): Attachment {
    const cosLat = cos(p.lat * RAD);
    const x = cosLat * cos(p.lon * RAD);
    const y = cosLat * sin(p.lon * RAD);
    const z = sin(p.lat * RAD);
    // Keep the attachCount largest dot products, in descending order (ties by hub index, for determinism).
    const best: number[] = [];
    const bestDot: number[] = [];
    for (let i = 0; i < n; i++) {
      const dot = x * (unit[i * 3] as number) + y * (unit[i * 3 + 1] as number) + z * (unit[i * 3 + 2] as number);
      if (best.length === params.attachCount && dot <= (bestDot[best.length - 1] as number)) continue;
      let at = best.length;
      while (at > 0 && dot > (bestDot[at - 1] as number)) at--;
      best.splice(at, 0, i);
      bestDot.splice(at, 0, dot);
      if (best.length > params.attachCount) {
        best.pop();
        bestDot.pop();
      }
    }
    const hubs: number[] = [];
    const accessMs: number[] = [];
    let nearestKm = Infinity;
    for (const hub of best) {
      const km = greatCircleKm(p, graph.hubs[hub] as LatLon);
      if (nearestKm === Infinity) nearestKm = km;
      if (km > nearestKm + params.attachSlackKm) break;
      hubs.push(hub);
      accessMs.push(fibreFloorRttMs(km * params.landFactor));
    }
    return { lat: p.lat, lon: p.lon, x, y, z, hubs, accessMs };
  }

  // The world builder asks for every (user, region) pair with the same objects: remember each object's
  // attachment, and recompute if its coordinates changed. One slot per argument position skips the map lookup
  // for the side that repeats (the user, across all regions).
  const attachments = new WeakMap<LatLon, Attachment>();
  const lastPlaces: (LatLon | undefined)[] = [undefined, undefined];
  const lastAttachments: (Attachment | undefined)[] = [undefined, undefined];
  function attachmentOf(p: LatLon, slot: 0 | 1): Attachment {
    let attachment = p === lastPlaces[slot] ? lastAttachments[slot] : attachments.get(p);
    if (attachment === undefined || attachment.lat !== p.lat || attachment.lon !== p.lon) {
      attachment = computeAttachment(p);
      attachments.set(p, attachment);
    }
    lastPlaces[slot] = p;
    lastAttachments[slot] = attachment;
    return attachment;
  }

  /** Squared chord between two unit vectors: symmetric, and monotone in the great-circle distance. */
  function chordSquared(a: Attachment, b: Attachment): number {
    const dx = a.x - b.x;
    const dy = a.y - b.y;
    const dz = a.z - b.z;
    return dx * dx + dy * dy + dz * dz;
  }
  /** Great-circle km from a squared chord, exact to rounding at any distance. */
  const chordKm = (squared: number): number => EARTH_DIAMETER_KM * asin(Math.min(1, Math.sqrt(squared) / 2));
  // Beyond twice directKm the direct path is out, and if the overhead is flat the distance is not needed at all:
  // compare chords (the chord of an arc of 2 directKm is 2 sin(directKm / R)).
  const directLimitChord = 2 * sin(Math.min(Math.PI / 2, params.directKm / EARTH_RADIUS_KM));
  const directLimitChordSquared = directLimitChord * directLimitChord;

  const { landFactor, directKm } = params;
  const directMs = (km: number): number => {
    if (km <= directKm) return km * landFactor * RTT_MS_PER_KM;
    if (km >= 2 * directKm) return Infinity;
    return ((km * landFactor * directKm) / (2 * directKm - km)) * RTT_MS_PER_KM;
  };
  const rampMs = params.baseMs - INTRA_REGION_RTT_MS;
  const overheadMs = (km: number): number => (rampMs === 0 ? INTRA_REGION_RTT_MS : INTRA_REGION_RTT_MS + rampMs * (1 - exp(-km / OVERHEAD_RAMP_KM)));

  /** The cheapest graph route's cost in ms; with `ends`, also the hubs it enters and leaves by. */
  function graphRouteMs(attachA: Attachment, attachB: Attachment, ends?: [number, number]): number {
    let ms = Infinity;
    for (let i = 0; i < attachA.hubs.length; i++) {
      const hubA = attachA.hubs[i] as number;
      for (let j = 0; j < attachB.hubs.length; j++) {
        const hubB = attachB.hubs[j] as number;
        // (access + access) + path: both sums commute, so the result is exactly symmetric in a and b.
        const total = (attachA.accessMs[i] as number) + (attachB.accessMs[j] as number) + (pathMs[hubA * n + hubB] as number);
        if (total < ms) {
          ms = total;
          if (ends !== undefined) {
            ends[0] = hubA;
            ends[1] = hubB;
          }
        }
      }
    }
    return ms;
  }

  return {
    params,
    estimatedRttMs(a, b) {
      const attachA = attachmentOf(a, 0);
      const attachB = attachmentOf(b, 1);
      const squared = chordSquared(attachA, attachB);
      if (rampMs === 0 && squared >= directLimitChordSquared) return INTRA_REGION_RTT_MS + graphRouteMs(attachA, attachB);
      const km = chordKm(squared);
      return overheadMs(km) + Math.min(directMs(km), graphRouteMs(attachA, attachB));
    },
    pathVia(a, b) {
      const attachA = attachmentOf(a, 0);
      const attachB = attachmentOf(b, 1);
      const ends: [number, number] = [-1, -1];
      const ms = graphRouteMs(attachA, attachB, ends);
      const [from, to] = ends;
      if (from < 0 || directMs(chordKm(chordSquared(attachA, attachB))) <= ms) return [];
      const names = [(graph.hubs[from] as GraphHub).name];
      let at = from;
      for (const e of routes.edgesOf(from, to)) {
        const edge = graph.edges[e] as GraphEdge;
        const step = edge.from === at ? edge.to : edge.from;
        names.push(...(edge.from === at ? edge.via : [...edge.via].reverse()), (graph.hubs[step] as GraphHub).name);
        at = step;
      }
      return names;
    },
  };
}
