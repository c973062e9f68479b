import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { encodeWindows, type SnapshotMessage } from '../../engine/snapshot.ts';
import { appendWatch, EMPTY_WATCH, watchSnapshot } from './metricsSlice.ts';

function stream(durationS: number) {
  const parsed = parseScenario({ ...defaultScenario, durationS });
  if (!parsed.ok) throw new Error('fixture is invalid');
  const scenario = parsed.scenario;
  const simulation = createSimulation(scenario);
  return (untilS: number, withReport = false): SnapshotMessage => {
    simulation.advanceTo(untilS);
    return {
      userIds: scenario.users.map((u) => u.id),
      regionIds: scenario.regions.map((r) => r.id),
      timeS: simulation.timeS,
      done: simulation.done,
      data: encodeWindows(simulation.takeWindows(), scenario.users.length, scenario.regions.length),
      ...(withReport ? { report: simulation.report() } : {}),
    };
  };
}

describe('the watch: latest frame and chart history from snapshots', () => {
  it('keeps the last window whole and a compact point per window', () => {
    const next = stream(10);
    const first = appendWatch(EMPTY_WATCH, next(3));
    const second = appendWatch(first, next(5));
    expect(second.history.map((p) => p.startS)).toEqual([0, 1, 2, 3, 4]);
    expect(second.latest?.startS).toBe(4);
    expect(second.latest?.regionIds).toEqual(['us-east', 'eu-west', 'ap-northeast']);
    expect(second.history[4]?.capacityQps[0]).toBe(1500);
    expect(second.history[4]?.linkLagMs).toHaveLength(9);
    expect(first.history).toHaveLength(3); // not mutated
  });

  it('returns the same watch for a snapshot without windows, and cuts the history on a replay', () => {
    const next = stream(10);
    const watch = appendWatch(EMPTY_WATCH, next(6));
    expect(appendWatch(watch, next(6.5))).toBe(watch);
    const replay = stream(10);
    const rewound = appendWatch(watch, replay(2));
    expect(rewound.history.map((p) => p.startS)).toEqual([0, 1]);
    const restarted = appendWatch(watch, { ...replay(2), data: encodeWindows([], 4, 3), timeS: 0 });
    expect(restarted.history).toEqual([]);
    expect(restarted.latest).toBeNull();
  });

  it('keeps the chart history when a population is added, and starts it afresh when the regions change', () => {
    const next = stream(10);
    const watch = appendWatch(EMPTY_WATCH, next(3));
    const withUser = appendWatch(watch, { ...next(4), userIds: [...watch.userIds.slice(0, 3), 'lima'] });
    expect(withUser.history.map((p) => p.startS)).toEqual([0, 1, 2, 3]);
    const withRegion = appendWatch(withUser, { ...next(5), regionIds: ['us-east', 'eu-west'] });
    expect(withRegion.history.map((p) => p.startS)).toEqual([4]);
  });

  it('takes the report a snapshot carries and drops it when the run starts over', () => {
    const next = stream(10);
    const withReport = watchSnapshot({ watch: EMPTY_WATCH, report: null }, next(5, true));
    expect(withReport.report?.durationS).toBe(5);
    const kept = watchSnapshot(withReport, next(6));
    expect(kept.report).toBe(withReport.report);
    const restart = stream(10)(0);
    expect(watchSnapshot(kept, restart).report).toBeNull();
  });
});
