import { describe, expect, it } from 'vitest';
import { catalogRegions } from './catalog.ts';
import { CABLE_WAYPOINTS, FIBRE_HUBS, FIBRE_SYSTEMS, LANDING_STATIONS } from './data/fibreNetwork.ts';
import { buildFibreGraph, worldFibreGraph } from './fibreGraph.ts';
import { greatCircleKm } from './greatCircle.ts';

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
