import { describe, expect, it } from 'vitest';
import { catalogRegions } from './catalog.ts';
import { CABLE_WAYPOINTS, FIBRE_HUBS, FIBRE_SYSTEMS, LANDING_STATIONS } from './data/fibreNetwork.ts';
import { buildFibreGraph, cheapestHubRoutes, worldFibreGraph, type FibreGraph, type GraphEdge } from './fibreGraph.ts';
import { fibreFloorRttMs } from './fibre.ts';
import { greatCircleKm } from './greatCircle.ts';
import { FITTED_LATENCY_PARAMS, pathVia } from './rtt.ts';

const { hubs, edges } = worldFibreGraph;

describe('the world fibre graph data', () => {
  it('has between 60 and 150 hubs, with valid coordinates and distinct names', () => {
    expect(hubs.length).toBeGreaterThanOrEqual(60);
    expect(hubs.length).toBeLessThanOrEqual(150);
    for (const hub of hubs) {
      expect(Math.abs(hub.lat), hub.id).toBeLessThanOrEqual(90);
      expect(Math.abs(hub.lon), hub.id).toBeLessThanOrEqual(180);
    }
    expect(new Set(hubs.map((h) => h.name)).size).toBe(hubs.length);
  });

  it('uses every hub, landing station and waypoint, and no id twice across the three tables', () => {
    const used = new Set([...FIBRE_SYSTEMS.flatMap((s) => s.path), ...Object.values(LANDING_STATIONS).flatMap((l) => l.backhaul)]);
    for (const id of [...Object.keys(FIBRE_HUBS), ...Object.keys(LANDING_STATIONS), ...Object.keys(CABLE_WAYPOINTS)]) {
      expect(used.has(id), `${id} is in no system`).toBe(true);
    }
    const ids = [...Object.keys(FIBRE_HUBS), ...Object.keys(LANDING_STATIONS), ...Object.keys(CABLE_WAYPOINTS)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('backhauls every landing station to known hubs', () => {
    for (const [id, landing] of Object.entries(LANDING_STATIONS)) {
      expect(landing.backhaul.length, id).toBeGreaterThan(0);
      for (const hub of landing.backhaul) expect(FIBRE_HUBS[hub], `${id} -> ${hub}`).toBeDefined();
    }
  });

  it('is connected: every hub reaches every other', () => {
    const neighbours = hubs.map(() => new Set<number>());
    for (const edge of edges) {
      neighbours[edge.from]?.add(edge.to);
      neighbours[edge.to]?.add(edge.from);
    }
    const seen = new Set([0]);
    const queue = [0];
    while (queue.length > 0) {
      for (const next of neighbours[queue.pop() as number] ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(hubs.filter((_, i) => !seen.has(i)).map((h) => h.id)).toEqual([]);
  });

  it('never makes an edge shorter than the great circle between its hubs', () => {
    for (const edge of edges) {
      const km = greatCircleKm(hubs[edge.from] as (typeof hubs)[number], hubs[edge.to] as (typeof hubs)[number]);
      expect(edge.landKm + edge.seaKm, edge.note).toBeGreaterThanOrEqual(km - 1e-9);
    }
  });

  it('has a hub within 310 km of every catalogue region (Stavanger is 302 km from Oslo)', () => {
    for (const region of catalogRegions) {
      const nearestKm = Math.min(...hubs.map((hub) => greatCircleKm(region, hub)));
      expect(nearestKm, region.id).toBeLessThan(310);
    }
  });
});

describe('building a fibre graph', () => {
  const hubsById = { a: { name: 'A', lat: 0, lon: 0 }, b: { name: 'B', lat: 0, lon: 10 }, c: { name: 'C', lat: 0, lon: 20 } };
  const landings = { l: { name: 'L', lat: 1, lon: 10, backhaul: ['b'], backhaulKind: 'land' as const } };
  const waypoints = { w: { lat: 5, lon: 5 } };

  it('joins every two stops of a system, passing hubs and landings optically', () => {
    const graph = buildFibreGraph(hubsById, landings, waypoints, [{ kind: 'sea', note: 'test', path: ['a', 'l', 'c'] }]);
    const pairs = graph.edges.map((e) => `${graph.hubs[e.from]?.id}-${graph.hubs[e.to]?.id} via ${e.via.join(',')}`);
    expect(pairs).toEqual(['a-b via L', 'a-c via L', 'b-c via L']);
    const aToB = graph.edges[0];
    expect(aToB?.landKm).toBeCloseTo(greatCircleKm(landings.l, hubsById.b), 6);
    expect(aToB?.seaKm).toBeCloseTo(greatCircleKm(hubsById.a, landings.l), 6);
  });

  it('measures a leg through its waypoints', () => {
    const graph = buildFibreGraph(hubsById, {}, waypoints, [{ kind: 'land', note: 'bent', path: ['a', 'w', 'b'] }]);
    expect(graph.edges[0]?.landKm).toBeCloseTo(greatCircleKm(hubsById.a, waypoints.w) + greatCircleKm(waypoints.w, hubsById.b), 6);
    expect(graph.edges[0]?.seaKm).toBe(0);
  });

  it('rejects unknown ids and chains that end at a waypoint', () => {
    expect(() => buildFibreGraph(hubsById, {}, waypoints, [{ kind: 'land', note: 'x', path: ['a', 'nowhere'] }])).toThrow(/unknown/);
    expect(() => buildFibreGraph(hubsById, {}, waypoints, [{ kind: 'land', note: 'x', path: ['a', 'w'] }])).toThrow(/start and end/);
    const badLanding = { l: { ...landings.l, backhaul: ['nowhere'] } };
    expect(() => buildFibreGraph(hubsById, badLanding, {}, [{ kind: 'sea', note: 'x', path: ['a', 'l'] }])).toThrow(/backhaul/);
  });
});

/** The model's cost of an edge in ms (latencyModel.ts): fibre round trip over the route factors, plus a hop. */
const { landFactor, seaFactor, hopMs } = FITTED_LATENCY_PARAMS;
const edgeMs = (edge: GraphEdge): number => fibreFloorRttMs(edge.landKm * landFactor + edge.seaKm * seaFactor) + hopMs;

/**
 * Brute force, independent of cheapestHubRoutes: Bellman-Ford from `source` over directed arcs (an edge taken
 * in one direction), where an arc may follow another unless it leaves down the backhaul the other came up.
 * Returns, for a source hub, the cheapest cost to each hub.
 */
function bruteForceCosts(graph: FibreGraph, cost: (edge: GraphEdge) => number): (source: number) => number[] {
  const arcs = graph.edges.flatMap((edge) => [
    { from: edge.from, to: edge.to, leaving: edge.fromLanding, arriving: edge.toLanding, cost: cost(edge) },
    { from: edge.to, to: edge.from, leaving: edge.toLanding, arriving: edge.fromLanding, cost: cost(edge) },
  ]);
  const arcsFrom = graph.hubs.map((_, h) => [...arcs.keys()].filter((b) => arcs[b]?.from === h));
  return (source) => {
    const arcDist = arcs.map((arc) => (arc.from === source ? arc.cost : Infinity));
    // Relax every arc after every other until nothing changes (Bellman-Ford, with a queue of the arcs that changed).
    const queue = [...(arcsFrom[source] ?? [])];
    for (let head = 0; head < queue.length; head++) {
      const a = queue[head] as number;
      const arc = arcs[a] as (typeof arcs)[number];
      for (const b of arcsFrom[arc.to] ?? []) {
        const next = arcs[b] as (typeof arcs)[number];
        if (arc.arriving !== undefined && next.leaving === arc.arriving) continue;
        const d = (arcDist[a] as number) + next.cost;
        if (d < (arcDist[b] as number) - 1e-12) {
          arcDist[b] = d;
          queue.push(b);
        }
      }
    }
    const costs = graph.hubs.map((_, h) => (h === source ? 0 : Infinity));
    for (const [a, arc] of arcs.entries()) costs[arc.to] = Math.min(costs[arc.to] as number, arcDist[a] as number);
    return costs;
  };
}

/** The stops a route passes, in order: its hubs and the landing stations and hubs passed along its edges. */
function stopsOf(graph: FibreGraph, from: number, edges: readonly number[]): string[] {
  const stops = [graph.hubs[from]?.name as string];
  let at = from;
  for (const e of edges) {
    const edge = graph.edges[e] as GraphEdge;
    if (edge.from !== at && edge.to !== at) throw new Error(`edge ${edge.note} does not start at ${graph.hubs[at]?.name}`);
    const step = edge.from === at ? edge.to : edge.from;
    stops.push(...(edge.from === at ? edge.via : [...edge.via].reverse()), graph.hubs[step]?.name as string);
    at = step;
  }
  return stops;
}

describe('the cheapest routes between hubs', () => {
  // A small graph drawn so that the route back down a landing's backhaul is the cheapest walk: A and B are
  // joined by two cables that land at L (backhauled to H), and by a land route through C.
  //   A ---sea--- L ---sea--- B      L: landing, backhaul to H (half a degree north of L)
  //   A ---land---- C ----land--- B
  const hubsById = {
    a: { name: 'A', lat: 0, lon: 0 },
    h: { name: 'H', lat: 0.5, lon: 10 },
    b: { name: 'B', lat: 0, lon: 20 },
    c: { name: 'C', lat: -4, lon: 10 },
  };
  const landings = { l: { name: 'L', lat: 0, lon: 10, backhaul: ['h'], backhaulKind: 'land' as const } };
  const graph = buildFibreGraph(hubsById, landings, {}, [
    { kind: 'sea', note: 'cable 1', path: ['a', 'l'] },
    { kind: 'sea', note: 'cable 2', path: ['l', 'b'] },
    { kind: 'land', note: 'land route', path: ['a', 'c', 'b'] },
  ]);
  const km = (edge: GraphEdge): number => edge.landKm + edge.seaKm;

  it('does not go up a landing backhaul and back down it, even when that walk is the cheapest', () => {
    const index = (id: string): number => graph.hubs.findIndex((hub) => hub.id === id);
    const routes = cheapestHubRoutes(graph, km);
    // By hand: the walk A -> L -> H -> L -> B costs gc(A,L) + 2 gc(L,H) + gc(L,B), about 1112 + 111 + 1112 km;
    // the land route A -> C -> B costs gc(A,C) + gc(C,B), about 2 x 1197 km, and is the cheapest allowed.
    const walkKm = greatCircleKm(hubsById.a, landings.l) + 2 * greatCircleKm(landings.l, hubsById.h) + greatCircleKm(landings.l, hubsById.b);
    const landKm = greatCircleKm(hubsById.a, hubsById.c) + greatCircleKm(hubsById.c, hubsById.b);
    expect(walkKm).toBeLessThan(landKm);
    expect(routes.costOf[index('a') * graph.hubs.length + index('b')]).toBeCloseTo(landKm, 6);
    expect(stopsOf(graph, index('a'), routes.edgesOf(index('a'), index('b')))).toEqual(['A', 'C', 'B']);
    // Going up the backhaul to H and stopping there is allowed.
    expect(stopsOf(graph, index('a'), routes.edgesOf(index('a'), index('h')))).toEqual(['A', 'L', 'H']);
    expect(routes.costOf[index('b') * graph.hubs.length + index('a')]).toBe(routes.costOf[index('a') * graph.hubs.length + index('b')]);
  });

  it('matches a brute force for every pair of hubs of the world graph, along routes that pass no stop twice', () => {
    const graph = worldFibreGraph;
    const n = graph.hubs.length;
    const routes = cheapestHubRoutes(graph, edgeMs);
    const wrongCost: string[] = [];
    const wrongRoute: string[] = [];
    const repeated: string[] = [];
    const bruteForce = bruteForceCosts(graph, edgeMs);
    for (let i = 0; i < n; i++) {
      const expected = bruteForce(i);
      for (let j = 0; j < n; j++) {
        const label = `${graph.hubs[i]?.name} - ${graph.hubs[j]?.name}`;
        const costMs = routes.costOf[i * n + j] as number;
        if (!(Math.abs(costMs - (expected[j] as number)) < 1e-9)) wrongCost.push(`${label}: ${costMs} ms, brute force ${expected[j]} ms`);
        // The route given is the route costed: its edges, end to end, from i to j, add up to the cost.
        const edges = routes.edgesOf(i, j);
        const stops = stopsOf(graph, i, edges);
        const routeMs = edges.reduce((sum, e) => sum + edgeMs(graph.edges[e] as GraphEdge), 0);
        if (stops.at(-1) !== graph.hubs[j]?.name || !(Math.abs(routeMs - costMs) < 1e-9)) wrongRoute.push(`${label}: ${stops.join(' > ')} (${routeMs} ms)`);
        if (new Set(stops).size !== stops.length) repeated.push(stops.join(' > '));
      }
    }
    expect(wrongCost).toEqual([]);
    expect(wrongRoute).toEqual([]);
    expect(repeated).toEqual([]);
  });

  // Regression test; this was a bug: a plain next-hop table over hubs sent Manama to Tel Aviv
  // "Dammam > Riyadh > Jeddah > Zafarana > Alexandria > Catania > Rome > Catania > Tel Aviv" (docs/latency-model.md),
  // and 193 pairs of catalogue regions likewise passed Catania, Genoa, Bude or Virginia Beach twice.
  it('never passes a stop twice between catalogue regions (Manama to Tel Aviv passes Catania once)', () => {
    const manama = { lat: 26.23, lon: 50.59 };
    const telAviv = { lat: 32.09, lon: 34.78 };
    const route = pathVia(manama, telAviv);
    expect(route.filter((stop) => stop === 'Catania')).toHaveLength(1);
    expect(route).toContain('Rome'); // through Europe, as AWS measures it (115 ms for 1,700 km)
    const repeated: string[] = [];
    for (const [i, a] of catalogRegions.entries()) {
      for (const b of catalogRegions.slice(i + 1)) {
        const stops = pathVia(a, b);
        if (new Set(stops).size !== stops.length) repeated.push(`${a.id} - ${b.id}: ${stops.join(' > ')}`);
      }
    }
    expect(repeated).toEqual([]);
  });
});
