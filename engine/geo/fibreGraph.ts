/**
 * The fibre network data (data/fibreNetwork.ts) resolved into an indexed graph of hubs and edges.
 *
 * Along each system, an edge joins every two of its stops: a system is one optical path, and traffic along it
 * is not switched at the stops it passes (an express wavelength from Cape Town to Lisbon does not stop in Lagos).
 * So a path's edge count is the number of systems it uses, and the per-hop cost charges changes of system, not
 * how densely the graph happens to be drawn. At a landing station a path may leave a cable only for the
 * landing's backhaul hubs (a landing station becomes edges to its backhaul hubs, never a place to change
 * cables).
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
            });
          }
        }
      }
    }
  }
  return { hubs, edges };
}

/** The bundled world fibre graph. */
export const worldFibreGraph: FibreGraph = buildFibreGraph(FIBRE_HUBS, LANDING_STATIONS, CABLE_WAYPOINTS, FIBRE_SYSTEMS);
