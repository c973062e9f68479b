import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse.ts';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { parseNodeId, reuseUnchanged, scenarioToNodes } from './scenarioNodes.ts';
import { project, unproject, MAP_WIDTH, MAP_HEIGHT } from '../map/projection.ts';
import { moveNode } from '../store/scenarioSlice.ts';

function scenario(): Scenario {
  const parsed = parseScenario(defaultScenario);
  if (!parsed.ok) throw new Error('default scenario is invalid');
  return parsed.scenario;
}

describe('scenario to canvas nodes', () => {
  it('places every region and population at its projected coordinates', () => {
    const s = scenario();
    const nodes = scenarioToNodes(s);
    expect(nodes).toHaveLength(s.regions.length + s.users.length);
    const berlin = nodes.find((n) => n.id === 'user:berlin');
    expect(berlin?.position).toEqual(project({ lat: 52.52, lon: 13.4 }));
    const usEast = nodes.find((n) => n.id === 'region:us-east');
    expect(usEast?.position).toEqual(project({ lat: 39.04237, lon: -77.487244 })); // aws:us-east-1, Ashburn
    expect(usEast?.data).toMatchObject({ isPrimary: true });
  });

  it('keeps the kind in the node id, so a region and a population may share a scenario id', () => {
    expect(parseNodeId('region:eu')).toEqual({ kind: 'region', id: 'eu' });
    expect(parseNodeId('user:a:b')).toEqual({ kind: 'user', id: 'a:b' });
    expect(parseNodeId('edge:x')).toBeUndefined();
  });
});

describe('the map projection', () => {
  it('maps a canvas point back to the same place within 0.0001 degrees', () => {
    for (const place of [{ lat: 52.52, lon: 13.4 }, { lat: -33.87, lon: 151.21 }, { lat: 64.1, lon: -21.9 }, { lat: 0, lon: 0 }]) {
      const back = unproject(project(place));
      expect(back?.lat).toBeCloseTo(place.lat, 3);
      expect(back?.lon).toBeCloseTo(place.lon, 3);
    }
  });

  it('has no place for points off the globe', () => {
    expect(unproject({ x: 2, y: 2 })).toBeUndefined();
    expect(unproject({ x: MAP_WIDTH + 100, y: MAP_HEIGHT / 2 })).toBeUndefined();
  });
});

describe('moving a node', () => {
  it('moves a population to the new coordinates and leaves the rest alone', () => {
    const s = scenario();
    const moved = moveNode(s, 'user', 'berlin', { lat: -33.87, lon: 151.21 });
    expect(moved.users.find((u) => u.id === 'berlin')).toMatchObject({ lat: -33.87, lon: 151.21 });
    expect(moved.users.find((u) => u.id === 'tokyo')).toEqual(s.users.find((u) => u.id === 'tokyo'));
    expect(moved.regions).toBe(s.regions);
  });

  it('turns a catalogue region moved off its place into a custom region that says so', () => {
    const moved = moveNode(scenario(), 'region', 'eu-west', { lat: 48.85, lon: 2.35 });
    const region = moved.regions.find((r) => r.id === 'eu-west');
    expect(region?.catalog).toBeUndefined();
    expect(region).toMatchObject({ lat: 48.85, lon: 2.35, name: 'Dublin (moved)', jurisdiction: 'EU' });
    expect(parseScenario(moved).ok).toBe(true);
  });
});

describe('reusing unchanged nodes', () => {
  it('keeps the node objects that would come out the same, and makes new ones for what changed', () => {
    const s = scenario();
    const before = scenarioToNodes(s);
    const after = reuseUnchanged(before, scenarioToNodes(moveNode(s, 'user', 'berlin', { lat: -33.87, lon: 151.21 })));
    for (const node of after) {
      const old = before.find((n) => n.id === node.id);
      if (node.id === 'user:berlin') expect(node).not.toBe(old);
      else expect(node).toBe(old);
    }
  });

  it('a moved node keeps the size React Flow measured, so it is not hidden and measured again', () => {
    const s = scenario();
    const before = scenarioToNodes(s).map((n) => ({ ...n, measured: { width: 16, height: 16 } }));
    const after = reuseUnchanged(before, scenarioToNodes(moveNode(s, 'user', 'berlin', { lat: -33.87, lon: 151.21 })));
    const berlin = after.find((n) => n.id === 'user:berlin');
    expect(berlin?.measured).toEqual({ width: 16, height: 16 });
    expect(berlin?.position).not.toEqual(before.find((n) => n.id === 'user:berlin')?.position);
  });

  it('makes a new node when only its data changed (a rename, the primary moving)', () => {
    const s = scenario();
    const before = scenarioToNodes(s);
    const renamed = { ...s, users: s.users.map((u) => (u.id === 'tokyo' ? { ...u, name: 'Tokyo metro' } : u)) };
    const after = reuseUnchanged(before, scenarioToNodes(renamed));
    expect(after.find((n) => n.id === 'user:tokyo')).not.toBe(before.find((n) => n.id === 'user:tokyo'));
    expect(after.find((n) => n.id === 'user:tokyo')?.data).toMatchObject({ label: 'Tokyo metro' });
    expect(after.find((n) => n.id === 'user:berlin')).toBe(before.find((n) => n.id === 'user:berlin'));
  });
});
