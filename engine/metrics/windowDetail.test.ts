import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { createSimulation } from '../simulation.ts';
import { LINK_END_DARK, LINK_PARTITIONED, REGION_DARK, REGION_OUT, REGION_WRITER, type MetricsWindow } from '../snapshot.ts';

function run(input: Partial<ScenarioInput>): MetricsWindow[] {
  const parsed = parseScenario({ ...defaultScenario, durationS: 60, ...input });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const simulation = createSimulation(parsed.scenario);
  simulation.advanceTo(parsed.scenario.durationS);
  return simulation.takeWindows();
}

const [US, EU, AP] = [0, 1, 2];
const R = 3;
const BERLIN = 1;

describe('window detail', () => {
  const windows = run({ durationS: 150, faults: [{ kind: 'region-down', atS: 10.5, region: 'eu-west' }] });
  const at = (s: number) => windows.find((w) => w.startS === s)?.detail;

  it('splits each population over the regions that served it, shares adding up to one', () => {
    const before = at(5);
    expect(before?.userShares[BERLIN * R + EU]).toBe(1);
    for (const w of windows) {
      for (let u = 0; u < 4; u++) {
        if ((w.users[u]?.ok ?? 0) === 0) continue;
        const sum = [US, EU, AP].reduce((s, r) => s + (w.detail?.userShares[u * R + r] ?? 0), 0);
        expect(sum).toBeCloseTo(1, 9);
      }
    }
    // GeoDNS drains Berlin to the US once health checks have spoken and caches expire.
    expect(at(140)?.userShares[BERLIN * R + US]).toBeGreaterThan(0.99);
  });

  it('counts the requests a population still sends to a dark region as its traffic there, all failing', () => {
    expect(at(5)?.userFailShares[BERLIN * R + EU]).toBe(0);
    // Berlin's clients time out at eu-west (5 s) until DNS moves them: the window after, all of it fails there.
    const dark = at(20);
    expect(dark?.userShares[BERLIN * R + EU]).toBeGreaterThan(0.5);
    expect(dark?.userFailShares[BERLIN * R + EU]).toBeCloseTo(dark?.userShares[BERLIN * R + EU] ?? 0, 9);
    expect(at(140)?.userFailShares[BERLIN * R + EU]).toBe(0);
  });

  it('marks a failed region dark, then out of rotation, and the primary as the writer', () => {
    expect(at(5)?.regions.state[EU]).toBe(0);
    expect(at(5)?.regions.state[US]).toBe(REGION_WRITER);
    expect((at(12)?.regions.state[EU] ?? 0) & REGION_DARK).toBe(REGION_DARK);
    expect(at(140)?.regions.state[EU]).toBe(REGION_DARK | REGION_OUT);
    expect(at(5)?.regions.capacityQps[EU]).toBe(1500);
  });

  it('holds links to a dark region back, with a lag that grows by the second', () => {
    const usToEu = US * R + EU;
    expect(at(5)?.links.state[usToEu]).toBe(0);
    const flowing = at(5)?.links.lagMs[usToEu] ?? 0;
    expect(flowing).toBeGreaterThan(30); // half of a ~70 ms transatlantic RTT plus half a batch
    expect(flowing).toBeLessThan(60);
    expect(at(20)?.links.state[usToEu]).toBe(LINK_END_DARK);
    const held = (at(30)?.links.lagMs[usToEu] ?? 0) - (at(20)?.links.lagMs[usToEu] ?? 0);
    expect(held).toBeCloseTo(10_000, 0);
    expect(at(5)?.links.applied[usToEu]).toBeGreaterThan(100); // a fifth of ~1000 qps, US primary
    expect(at(30)?.links.applied[usToEu]).toBe(0);
    expect(at(5)?.links.maxLagMs[usToEu]).toBeGreaterThan(flowing * 0.8);
  });

  it('keeps run totals that only grow: cost, reads', () => {
    for (let i = 1; i < windows.length; i++) {
      const [a, b] = [windows[i - 1]?.detail?.totals, windows[i]?.detail?.totals];
      expect(b?.costUsd).toBeGreaterThanOrEqual(a?.costUsd ?? 0);
      expect(b?.reads).toBeGreaterThanOrEqual(a?.reads ?? 0);
    }
    const last = windows.at(-1)?.detail?.totals;
    expect(last?.costUsd).toBeGreaterThan(0);
    expect(last?.costUsd).toBeCloseTo(
      (last?.computeUsd ?? 0) + (last?.idleComputeUsd ?? 0) + (last?.replicationUsd ?? 0) + (last?.interZoneUsd ?? 0) + (last?.egressUsd ?? 0),
      3,
    );
  });

  it('flags a partitioned link in the direction it is cut', () => {
    const cut = run({ durationS: 20, faults: [{ kind: 'partition', atS: 5, from: 'us-east', to: 'ap-northeast', direction: 'both' }] });
    const d = cut.find((w) => w.startS === 10)?.detail;
    expect(d?.links.state[US * R + AP]).toBe(LINK_PARTITIONED);
    expect(d?.links.state[AP * R + US]).toBe(LINK_PARTITIONED);
    expect(d?.links.state[US * R + EU]).toBe(0);
    expect(d?.links.lagMs[US * R + AP]).toBeGreaterThan(4000);
  });
});

describe('window lag', () => {
  it('is measured from the writes applied: a backlog draining after a heal shows its long lags', () => {
    const windows = run({
      durationS: 40,
      faults: [
        { kind: 'partition', atS: 10, from: 'us-east', to: 'eu-west' },
        { kind: 'link-heal', atS: 20, from: 'us-east', to: 'eu-west' },
      ],
    });
    const lag = (s: number) => windows.find((w) => w.startS === s)?.detail?.links.lagMs[US * R + EU] ?? Number.NaN;
    const flowing = lag(5);
    expect(flowing).toBeGreaterThan(30); // about the one-way delay across the Atlantic
    expect(flowing).toBeLessThan(60);
    expect(lag(15)).toBeGreaterThan(5_000); // held back for five seconds by then
    // The second after the heal applies the ten seconds of held writes: their mean lag is seconds, not ms.
    expect(lag(20)).toBeGreaterThan(3_000);
    expect(lag(30)).toBeLessThan(60); // drained: back to the flowing lag
  });
});
