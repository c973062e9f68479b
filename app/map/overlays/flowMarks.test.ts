import { describe, expect, it } from 'vitest';
import { LINK_END_DARK, LINK_PARTITIONED, REGION_DARK, REGION_OUT, type UserWindow } from '../../../engine/snapshot.ts';
import type { WatchFrame } from '../../store/metricsSlice.ts';
import { project, projection } from '../projection.ts';
import { createPathCache, crossingS, flowMarks, linkPartitionedAt, latencyBand, latencyBandLabels, MAX_ANIMATED_FLOWS, TRACK_POINTS, trackKeyframes, type Place } from './flowMarks.ts';

const regions: Place[] = [
  { id: 'us-east', label: 'us-east', lat: 38.9, lon: -77.4 },
  { id: 'eu-west', label: 'eu-west', lat: 53.3, lon: -6.3 },
  { id: 'ap-northeast', label: 'ap-northeast', lat: 35.7, lon: 139.7 },
];
const users: Place[] = [
  { id: 'sao-paulo', label: 'Sao Paulo', lat: -23.55, lon: -46.63 },
  { id: 'berlin', label: 'Berlin', lat: 52.52, lon: 13.4 },
];
const user = (readP50Ms: number): UserWindow => ({ readP50Ms, readP99Ms: readP50Ms * 2, writeP50Ms: Number.NaN, writeP99Ms: Number.NaN, ok: 100, failed: 0, servedBy: 0 });

function frame(overrides: { shares?: number[]; failShares?: number[]; linkState?: number[]; regionState?: number[]; applied?: number[] } = {}): WatchFrame {
  const R = 3;
  const lag = new Float64Array(R * R).fill(40);
  return {
    startS: 10,
    userIds: ['sao-paulo', 'berlin'],
    regionIds: regions.map((r) => r.id),
    users: [user(188.4), user(Number.NaN)],
    regionServed: [100, 100, 0],
    detail: {
      totals: {} as never,
      userShares: Float64Array.from(overrides.shares ?? [1, 0, 0, 0.25, 0.75, 0]),
      userFailShares: Float64Array.from(overrides.failShares ?? [0, 0, 0, 0, 0, 0]),
      regions: { capacityQps: new Float64Array(R), dropped: new Float64Array(R), state: Float64Array.from(overrides.regionState ?? [0, 0, 0]) },
      links: {
        lagMs: lag,
        maxLagMs: new Float64Array(R * R).fill(90),
        applied: Float64Array.from(overrides.applied ?? [0, 20, 20, 0, 0, 0, 0, 0, 0]),
        state: Float64Array.from(overrides.linkState ?? Array.from({ length: R * R }, () => 0)),
      },
    },
  };
}

const pathOf = createPathCache(projection);

describe('flow marks on the map', () => {
  it('draws an arc per population and serving region, width by share, colour band by latency', () => {
    const marks = flowMarks(users, regions, frame(), pathOf, project);
    expect(marks.arcs.map((a) => a.key)).toEqual(['sao-paulo>us-east', 'berlin>us-east', 'berlin>eu-west']);
    const [sp, berlinUs, berlinEu] = marks.arcs;
    expect(sp?.widthPx).toBe(6);
    expect(berlinUs?.widthPx).toBe(2.5); // 1 + 5 x 0.25, in half-pixel steps
    expect(berlinEu?.widthPx).toBe(5);
    expect(sp?.band).toBe(2); // 100-200 ms
    expect(berlinEu?.band).toBe(-1); // no read in the window
    expect(sp?.title).toBe('Sao Paulo users -> us-east: 188 ms p50, 100% of its traffic');
    expect(sp?.d).toMatch(/^M[\d.]+,[\d.]+L/);
  });

  it('draws traffic sent to a region where it fails as a failing arc, without a latency', () => {
    const marks = flowMarks(users, regions, frame({ shares: [1, 0, 0, 0.2, 0.8, 0], failShares: [0, 0, 0, 0, 0.8, 0] }), pathOf, project);
    const dark = marks.arcs.find((a) => a.key === 'berlin>eu-west');
    expect(dark?.failing).toBe(true);
    expect(dark?.band).toBe(-1);
    expect(dark?.title).toBe('Berlin users -> eu-west: failing, 80% of its traffic (100% of it failing)');
    expect(marks.arcs.find((a) => a.key === 'berlin>us-east')?.failing).toBe(false);
  });

  it('leaves out shares under 1% and windows without a frame', () => {
    expect(flowMarks(users, regions, frame({ shares: [0.995, 0.005, 0, 0, 1, 0] }), pathOf, project).arcs).toHaveLength(2);
    const empty = flowMarks(users, regions, null, pathOf, project);
    expect(empty.arcs).toEqual([]);
    expect(empty.links).toHaveLength(3); // still clickable, to cut them before a run
    expect(empty.links.every((l) => l.flows.length === 0 && !l.partitioned)).toBe(true);
  });

  it('moves marks only where writes flow, slower for more lag, and never on a cut link', () => {
    const marks = flowMarks(users, regions, frame(), pathOf, project);
    expect(marks.links.map((l) => l.key)).toEqual(['us-east:eu-west', 'us-east:ap-northeast', 'eu-west:ap-northeast']);
    const usEu = marks.links[0];
    expect(usEu?.flows.map((f) => `${f.from}>${f.to}`)).toEqual(['us-east>eu-west']);
    expect(usEu?.flows[0]?.crossingS).toBe(1); // 40 ms of lag: a second to cross
    expect(usEu?.flows[0]?.d).toBe(pathOf(regions[0] as Place, regions[1] as Place).d);
    expect(crossingS(4000)).toBeGreaterThan(crossingS(40));
    expect(crossingS(1)).toBe(0.75);
    expect(usEu?.title).toContain('us-east -> eu-west: lag 40 ms (highest lag of a delivered write 90 ms), 20 writes/s');

    const cut = flowMarks(users, regions, frame({ linkState: [0, LINK_PARTITIONED, 0, LINK_PARTITIONED, 0, 0, 0, 0, 0] }), pathOf, project);
    expect(cut.links[0]?.partitioned).toBe(true);
    expect(cut.links[0]?.flows).toEqual([]);
    expect(cut.links[0]?.title).toContain('us-east <-> eu-west: partitioned');
    // A held link's lag is how long it has held writes, said apart from the lag of writes that arrived.
    expect(cut.links[0]?.title).toContain('us-east -> eu-west: writes held back for 40 ms (highest lag of a delivered write 90 ms)');
    expect(cut.links[0]?.action).toBe('Click to heal the partition');
    expect(cut.links[1]?.partitioned).toBe(false);
    const held = flowMarks(users, regions, frame({ linkState: [0, 0, LINK_END_DARK, 0, 0, 0, LINK_END_DARK, 0, 0] }), pathOf, project);
    expect(held.links[1]?.held).toBe(true);
    expect(held.links[1]?.flows).toEqual([]);
  });

  it('places regions and says which are dark or out of rotation', () => {
    const marks = flowMarks(users, regions, frame({ regionState: [0, REGION_DARK | REGION_OUT, 0] }), pathOf, project);
    expect(marks.regions.map((r) => [r.id, r.dark, r.out])).toEqual([
      ['us-east', false, false],
      ['eu-west', true, true],
      ['ap-northeast', false, false],
    ]);
    const at = project(regions[1] as Place);
    expect(marks.regions[1]?.x).toBeCloseTo(at.x);
  });

  it('reads whether a link is cut from the scenario, either direction, the latest fault by then winning', () => {
    const faults = [
      { kind: 'partition', atS: 10, from: 'us-east', to: 'eu-west', direction: 'both' },
      { kind: 'region-down', atS: 12, region: 'eu-west' },
      { kind: 'link-heal', atS: 20, from: 'eu-west', to: 'us-east' },
    ] as const;
    expect(linkPartitionedAt(faults, 'us-east', 'eu-west', 5)).toBe(false);
    expect(linkPartitionedAt(faults, 'eu-west', 'us-east', 15)).toBe(true);
    expect(linkPartitionedAt(faults, 'us-east', 'eu-west', 20)).toBe(false);
    expect(linkPartitionedAt(faults, 'us-east', 'ap-northeast', 15)).toBe(false);
  });

  it('bands latencies with a legend that covers every band', () => {
    expect([0, 49.9, 50, 150, 399, 400, 5000].map(latencyBand)).toEqual([0, 0, 1, 2, 3, 4, 4]);
    expect(latencyBand(Number.NaN)).toBe(-1);
    expect(latencyBandLabels()).toEqual(['0-50 ms', '50-100 ms', '100-200 ms', '200-400 ms', '400+ ms']);
  });

  it('animates only the busiest directions of a large mesh', () => {
    const R = 10;
    const many: Place[] = Array.from({ length: R }, (_, i) => ({ id: `r${i}`, label: `r${i}`, lat: -40 + i * 8, lon: -150 + i * 30 }));
    const L = R * R;
    const big: WatchFrame = {
      startS: 0,
      userIds: [],
      regionIds: many.map((r) => r.id),
      users: [],
      regionServed: [],
      detail: {
        totals: {} as never,
        userShares: new Float64Array(0),
        userFailShares: new Float64Array(0),
        regions: { capacityQps: new Float64Array(R), dropped: new Float64Array(R), state: new Float64Array(R) },
        links: {
          lagMs: new Float64Array(L).fill(50),
          maxLagMs: new Float64Array(L).fill(50),
          applied: Float64Array.from({ length: L }, (_, l) => (Math.floor(l / R) === l % R ? 0 : l)),
          state: new Float64Array(L),
        },
      },
    };
    const marks = flowMarks([], many, big, pathOf, project);
    const flows = marks.links.flatMap((l) => l.flows);
    expect(flows).toHaveLength(MAX_ANIMATED_FLOWS);
    expect(flows.map((f) => `${f.from}>${f.to}`)).toContain('r9>r8'); // l = 98, the busiest
    expect(flows.map((f) => `${f.from}>${f.to}`)).not.toContain('r0>r1'); // l = 1, among the quietest
    // Already moving, r0>r1 keeps its marks until others carry twice its writes.
    const sticky = flowMarks([], many, big, pathOf, project, new Set(['r0>r1', 'r5>r4'])).links.flatMap((l) => l.flows.map((f) => `${f.from}>${f.to}`));
    expect(sticky).not.toContain('r0>r1'); // 1 x 2 is still far below the 40th busiest
    expect(sticky).toContain('r5>r4'); // 54 x 2 = 108 beats everything
    expect(sticky).toHaveLength(MAX_ANIMATED_FLOWS);
  });

  it('tracks a link with evenly spaced points from one end to the other, jumping (not sweeping) across the antimeridian', () => {
    const [us, , ap] = regions as [Place, Place, Place];
    const { track } = pathOf(us, regions[1] as Place);
    expect(track).toHaveLength(TRACK_POINTS);
    expect(track[0]?.x).toBeCloseTo(project(us).x, 0);
    expect(track.at(-1)?.x).toBeCloseTo(project(regions[1] as Place).x, 0);
    const frames = trackKeyframes(track, 1600);
    expect(frames).toHaveLength(TRACK_POINTS);
    expect(frames.at(-1)?.offset).toBe(1);
    // us-east to Tokyo goes over the Pacific: the track leaves one edge of the map and comes back at the other.
    const pacific = trackKeyframes(pathOf(us, ap).track, 1600);
    expect(pacific).toHaveLength(TRACK_POINTS + 1);
    const jump = pacific.findIndex((f, i) => i > 0 && f.offset === pacific[i - 1]?.offset);
    expect(Math.abs((pacific[jump]?.x ?? 0) - (pacific[jump - 1]?.x ?? 0))).toBeGreaterThan(800);
  });
});
