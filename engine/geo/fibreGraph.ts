/**
 * The fibre network data (data/fibreNetwork.ts) resolved into an indexed graph of hubs and edges.
 *
 * Along each system, an edge joins every two of its stops: a system is one optical path, and traffic along it
 * is not switched at the stops it passes (an express wavelength from Cape Town to Lisbon does not stop in Lagos).
 * So a path's edge count is the number of systems it uses, and the per-hop cost charges changes of system, not
 * how densely the graph happens to be drawn. At a landing station a path may leave a cable only for the
 * landing's backhaul hubs (a landing station becomes edges to its backhaul hubs, never a place to change
 * cables).
 *
 * Routes between hubs (cheapestHubRoutes) are the cheapest that never come back down the backhaul they went
 * up: a route that lands at Catania, climbs to Rome and returns to Catania for another cable passes Catania
 * twice, switching at the beach in all but name.
 */
import {
  CABLE_WAYPOINTS,
  FIBRE_HUBS,
  FIBRE_SYSTEMS,
  LANDING_STATIONS,
  type CableWaypoint,
  type FibreHub,
  type FibreSystem,
  type LandingStation,
} from './data/fibreNetwork.ts';
import { greatCircleKm, type LatLon } from './greatCircle.ts';

export interface GraphHub extends FibreHub {
  readonly id: string;
}

/** An undirected edge between two hubs, its route length split by kind (before any route factor). */
export interface GraphEdge {
  readonly from: number;
  readonly to: number;
  /** Terrestrial km: great-circle legs of land systems and land backhauls. */
  readonly landKm: number;
  /** Submarine km: great-circle legs of cables through their waypoints, and sea backhauls. */
  readonly seaKm: number;
  /** Names of the stops passed between `from` and `to` (landing stations and hubs), in order from `from`. */
  readonly via: readonly string[];
  readonly note: string;
  /** The landing station the edge leaves `from` through (up its backhaul), or undefined when `from` is on the system. */
  readonly fromLanding: string | undefined;
  /** The landing station the edge reaches `to` through, or undefined when `to` is on the system. */
  readonly toLanding: string | undefined;
}

export interface FibreGraph {
  readonly hubs: readonly GraphHub[];
  readonly edges: readonly GraphEdge[];
}

interface Stop {
  /** How far along the chain this stop is, in km. */
  readonly alongKm: number;
  readonly hub: number | undefined;
  readonly landing: LandingStation | undefined;
}

/** Where a path may enter or leave the system at a stop: the hub itself, or a landing's backhaul hubs. */
interface Exit {
  readonly hub: number;
  readonly landKm: number;
  readonly seaKm: number;
  /** The landing station left through, if any. */
  readonly landing: string | undefined;
}

/** Resolves systems into edges. Throws on an unknown id, a chain that does not start and end at a hub or landing, or a backhaul to an unknown hub. */
export function buildFibreGraph(
  hubsById: Readonly<Record<string, FibreHub>>,
  landingsById: Readonly<Record<string, LandingStation>>,
  waypointsById: Readonly<Record<string, CableWaypoint>>,
  systems: readonly FibreSystem[],
): FibreGraph {
  const hubs: GraphHub[] = Object.entries(hubsById).map(([id, hub]) => ({ id, ...hub }));
  const indexById = new Map(hubs.map((hub, i) => [hub.id, i]));

  function exitsOf(stop: Stop): Exit[] {
    if (stop.hub !== undefined) return [{ hub: stop.hub, landKm: 0, seaKm: 0, landing: undefined }];
    const landing = stop.landing as LandingStation;
    return landing.backhaul.map((id) => {
      const hub = indexById.get(id);
      if (hub === undefined) throw new Error(`landing station "${landing.name}": unknown backhaul hub "${id}"`);
      const km = greatCircleKm(landing, hubs[hub] as GraphHub);
      const sea = landing.backhaulKind === 'sea';
      return { hub, landKm: sea ? 0 : km, seaKm: sea ? km : 0, landing: landing.name };
    });
  }

  const edges: GraphEdge[] = [];
  for (const system of systems) {
    const where = `fibre system "${system.note}"`;
    const stops: Stop[] = [];
    let previous: LatLon | undefined;
    let alongKm = 0;
    for (const [position, id] of system.path.entries()) {
      const hub = indexById.get(id);
      const landing = landingsById[id];
      const point: LatLon | undefined = hub !== undefined ? hubs[hub] : (landing ?? waypointsById[id]);
      if (point === undefined) throw new Error(`${where}: unknown hub, landing station or waypoint "${id}"`);
      if (previous !== undefined) alongKm += greatCircleKm(previous, point);
      previous = point;
      const isStop = hub !== undefined || landing !== undefined;
      if (isStop) stops.push({ alongKm, hub, landing });
      else if (position === 0 || position === system.path.length - 1) throw new Error(`${where}: must start and end at a hub or landing station`);
    }
    if (stops.length < 2) throw new Error(`${where}: needs two stops`);
    const stopName = (stop: Stop): string => (stop.hub !== undefined ? (hubs[stop.hub] as GraphHub).name : (stop.landing as LandingStation).name);
    for (const [i, start] of stops.entries()) {
      for (const [j, end] of stops.entries()) {
        if (j <= i) continue;
        const km = end.alongKm - start.alongKm;
        const passed = stops.slice(i + 1, j).map(stopName);
        for (const a of exitsOf(start)) {
          for (const b of exitsOf(end)) {
            if (a.hub === b.hub) continue;
            const systemLandKm = system.kind === 'land' ? km : 0;
            edges.push({
              from: a.hub,
              to: b.hub,
              landKm: a.landKm + b.landKm + systemLandKm,
              seaKm: a.seaKm + b.seaKm + (km - systemLandKm),
              via: [...(a.landing === undefined ? [] : [a.landing]), ...passed, ...(b.landing === undefined ? [] : [b.landing])],
              note: system.note,
              fromLanding: a.landing,
              toLanding: b.landing,
            });
          }
        }
      }
    }
  }
  return { hubs, edges };
}

/** The cheapest routes between every two hubs of a graph. */
export interface HubRoutes {
  /** Cost of the cheapest route from hub i to hub j, `costOf[i * n + j]` for n hubs: symmetric, 0 on the diagonal, Infinity when there is none. */
  readonly costOf: Float64Array;
  /** Indices into `graph.edges` of the cheapest route from hub i to hub j, in order from i (empty for i = j or no route). */
  edgesOf(i: number, j: number): number[];
}

/**
 * The cheapest route between every two hubs, for an edge cost (non-negative), under one rule: a route never
 * arrives at a hub up a landing's backhaul and leaves down the same landing's backhaul (it would pass the
 * landing twice, changing cables on the beach through a detour). A route is then a sequence of hubs and stops
 * with no stop repeated (the tests check this for every pair of hubs).
 *
 * Dijkstra from every hub over states (hub, landing it was reached through, or none): n plus one per backhaul
 * link. The rule makes the cheapest route to a hub depend on how it was reached, so a plain next-hop table
 * over hubs (Floyd-Warshall) cannot express it; each source keeps its own predecessors instead. Symmetric
 * exactly: the route from j to i (j > i) is the route from i to j reversed.
 */
export function cheapestHubRoutes(graph: FibreGraph, edgeCost: (edge: GraphEdge) => number): HubRoutes {
  const n = graph.hubs.length;
  // States 0..n-1: the hub, reached not through a landing (or the source); then one state per (hub, landing).
  // Landings are numbered from 1; 0 is "none".
  const landingNumber = new Map<string, number>();
  const numberOf = (landing: string | undefined): number => {
    if (landing === undefined) return 0;
    let number = landingNumber.get(landing);
    if (number === undefined) {
      number = landingNumber.size + 1;
      landingNumber.set(landing, number);
    }
    return number;
  };
  const stateHub: number[] = graph.hubs.map((_, i) => i);
  const stateLanding: number[] = graph.hubs.map(() => 0);
  const stateOf = new Map<number, number>();
  const arrivalState = (hub: number, landing: number): number => {
    if (landing === 0) return hub;
    const key = hub * 4096 + landing;
    let state = stateOf.get(key);
    if (state === undefined) {
      state = stateHub.length;
      stateOf.set(key, state);
      stateHub.push(hub);
      stateLanding.push(landing);
    }
    return state;
  };
  // Each hub's ways out, grouped by hub (compressed rows): the edge, the landing left through, the state arrived
  // in, the cost.
  const arcs: { hub: number; edge: number; leaving: number; arriving: number; cost: number }[] = [];
  for (const [e, edge] of graph.edges.entries()) {
    const cost = edgeCost(edge);
    if (!(cost >= 0)) throw new Error(`edge "${edge.note}": cost must be non-negative, got ${cost}`);
    const fromLanding = numberOf(edge.fromLanding);
    const toLanding = numberOf(edge.toLanding);
    arcs.push({ hub: edge.from, edge: e, leaving: fromLanding, arriving: arrivalState(edge.to, toLanding), cost });
    arcs.push({ hub: edge.to, edge: e, leaving: toLanding, arriving: arrivalState(edge.from, fromLanding), cost });
  }
  arcs.sort((a, b) => a.hub - b.hub || a.edge - b.edge);
  const arcStart = new Int32Array(n + 1);
  for (const arc of arcs) arcStart[arc.hub + 1] = (arcStart[arc.hub + 1] as number) + 1;
  for (let h = 0; h < n; h++) arcStart[h + 1] = (arcStart[h + 1] as number) + (arcStart[h] as number);
  const arcEdge = Int32Array.from(arcs, (a) => a.edge);
  const arcLeaving = Int32Array.from(arcs, (a) => a.leaving);
  const arcArriving = Int32Array.from(arcs, (a) => a.arriving);
  const arcCost = Float64Array.from(arcs, (a) => a.cost);

  const S = stateHub.length;
  const costOf = new Float64Array(n * n).fill(Infinity);
  /** Per source hub: each state's predecessor state and the edge taken into it (-1: none). */
  const predState = new Int32Array(n * S).fill(-1);
  const predEdge = new Int32Array(n * S).fill(-1);
  /** Per source and destination hub: the state the cheapest route ends in. */
  const endState = new Int32Array(n * n).fill(-1);
  const dist = new Float64Array(S);
  const done = new Uint8Array(S);
  // A binary heap of (distance, state) with lazy deletion: at most one entry per arc relaxed.
  const heapDist = new Float64Array(arcs.length + 1);
  const heapState = new Int32Array(arcs.length + 1);
  for (let source = 0; source < n; source++) {
    dist.fill(Infinity);
    done.fill(0);
    dist[source] = 0;
    let size = 1;
    heapDist[0] = 0;
    heapState[0] = source;
    while (size > 0) {
      const best = heapDist[0] as number;
      const u = heapState[0] as number;
      size--;
      // Sift the last entry down from the root.
      const lastDist = heapDist[size] as number;
      const lastState = heapState[size] as number;
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= size) break;
        if (child + 1 < size && (heapDist[child + 1] as number) < (heapDist[child] as number)) child++;
        if ((heapDist[child] as number) >= lastDist) break;
        heapDist[at] = heapDist[child] as number;
        heapState[at] = heapState[child] as number;
        at = child;
      }
      heapDist[at] = lastDist;
      heapState[at] = lastState;
      if (done[u] === 1) continue;
      done[u] = 1;
      const cameThrough = stateLanding[u] as number;
      const hub = stateHub[u] as number;
      for (let a = arcStart[hub] as number; a < (arcStart[hub + 1] as number); a++) {
        if (cameThrough !== 0 && arcLeaving[a] === cameThrough) continue;
        const v = arcArriving[a] as number;
        const d = best + (arcCost[a] as number);
        if (d < (dist[v] as number)) {
          dist[v] = d;
          predState[source * S + v] = u;
          predEdge[source * S + v] = arcEdge[a] as number;
          // Sift up.
          let i = size++;
          while (i > 0) {
            const parent = (i - 1) >> 1;
            if ((heapDist[parent] as number) <= d) break;
            heapDist[i] = heapDist[parent] as number;
            heapState[i] = heapState[parent] as number;
            i = parent;
          }
          heapDist[i] = d;
          heapState[i] = v;
        }
      }
    }
    for (let s = 0; s < S; s++) {
      const h = stateHub[s] as number;
      if ((dist[s] as number) < (costOf[source * n + h] as number)) {
        costOf[source * n + h] = dist[s] as number;
        endState[source * n + h] = s;
      }
    }
  }
  // Exact symmetry: the run from the lower-numbered hub serves both directions.
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) costOf[j * n + i] = costOf[i * n + j] as number;

  function forward(source: number, target: number): number[] {
    const edges: number[] = [];
    for (let s = endState[source * n + target] as number; s >= 0 && s !== source; s = predState[source * S + s] as number) {
      edges.push(predEdge[source * S + s] as number);
    }
    return edges.reverse();
  }
  return {
    costOf,
    edgesOf: (i, j) => (i === j ? [] : i < j ? forward(i, j) : forward(j, i).reverse()),
  };
}

/** The bundled world fibre graph. */
export const worldFibreGraph: FibreGraph = buildFibreGraph(FIBRE_HUBS, LANDING_STATIONS, CABLE_WAYPOINTS, FIBRE_SYSTEMS);
