import { describe, expect, it } from 'vitest';
import { encodeWindows, type MetricsWindow } from '../../engine/snapshot.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { createAppStore } from './index.ts';

const userIds = ['new-york', 'berlin', 'sao-paulo', 'tokyo'];
const regionIds = ['us-east', 'eu-west', 'ap-northeast'];

/** Windows [fromS, toS) whose Berlin read p50 is 40 + the second, so each point tells where it came from. */
function message(fromS: number, toS: number, timeS = toS) {
  const windows: MetricsWindow[] = [];
  for (let s = fromS; s < toS; s++) {
    windows.push({
      startS: s,
      users: userIds.map(() => ({ readP50Ms: 40 + s, readP99Ms: 90, writeP50Ms: Number.NaN, writeP99Ms: Number.NaN, ok: 10, failed: 0, servedBy: 1 })),
      regionServed: [0, 10, 0],
    });
  }
  return { userIds, regionIds, timeS, done: false, data: encodeWindows(windows, userIds.length, regionIds.length) };
}

function store() {
  const parsed = parseScenario(defaultScenario);
  if (!parsed.ok) throw new Error('default scenario invalid');
  return createAppStore(parsed.scenario);
}

const berlin = (s: ReturnType<typeof store>) => s.getState().series.berlin?.map((p) => p.readP50Ms);

describe('seeking on the timeline rebuilds the series from the replay', () => {
  it('appends while streaming, and replaces from where a replay starts when it starts earlier', () => {
    const s = store();
    s.getState().snapshotReceived(message(0, 3));
    s.getState().snapshotReceived(message(3, 6));
    expect(berlin(s)).toEqual([40, 41, 42, 43, 44, 45]);
    // A seek back to 2 s: the worker replays from 0 and publishes every window again.
    s.getState().seekRequested(2);
    expect(s.getState().seekingToS).toBe(2);
    s.getState().snapshotReceived(message(0, 2));
    expect(berlin(s)).toEqual([40, 41]);
    expect(s.getState().timeS).toBe(2);
    s.getState().snapshotReceived(message(2, 4));
    expect(berlin(s)).toEqual([40, 41, 42, 43]);
    s.getState().seekSettled();
    expect(s.getState().seekingToS).toBeNull();
  });

  it('a seek forward replays from 0 too, without doubling the seconds already there', () => {
    const s = store();
    s.getState().snapshotReceived(message(0, 3));
    s.getState().snapshotReceived(message(0, 5)); // replay to 5 s, published in one message
    expect(berlin(s)).toEqual([40, 41, 42, 43, 44]);
  });

  it('a replay to 0 s (no windows yet) empties the series', () => {
    const s = store();
    s.getState().snapshotReceived(message(0, 4));
    s.getState().snapshotReceived(message(0, 0, 0));
    expect(berlin(s)).toEqual([]);
    expect(s.getState().timeS).toBe(0);
  });
});
