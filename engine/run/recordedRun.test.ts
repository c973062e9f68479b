import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse.ts';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import type { Scenario } from '../scenario/schema.ts';
import { createSimulation } from '../simulation.ts';
import type { MetricsWindow } from '../snapshot.ts';
import { MAX_EDITS, RecordedRun, forgetFaults, recordEdit, removedFaults, scenarioAt, type RunRecord } from './recordedRun.ts';

function scenario(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const base = scenario({ ...defaultScenario, durationS: 60 });
/** Berlin moved to Sydney. */
const moved = scenario({ ...base, users: base.users.map((u) => (u.id === 'berlin' ? { ...u, lat: -33.87, lon: 151.21 } : u)) });
const BERLIN = base.users.findIndex((u) => u.id === 'berlin');

/** Advances `run` to `untilS` in uneven steps, as the worker's ticks do, collecting the windows. */
function play(run: RecordedRun, untilS: number, windows: MetricsWindow[], stepS = 0.37): void {
  while (run.timeS < untilS) {
    run.advanceTo(Math.min(untilS, run.timeS + stepS));
    windows.push(...run.simulation.takeWindows());
  }
}

/** The windows as plain numbers (typed arrays as arrays), for deep equality. */
function plain(windows: readonly MetricsWindow[]): unknown {
  return JSON.parse(JSON.stringify(windows, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
}

describe('RecordedRun', () => {
  // The live run: Berlin dragged to Sydney at 10 s, as a person would while it plays.
  const live = new RecordedRun({ base, edits: [] });
  const seen: MetricsWindow[] = [];
  play(live, 10, seen);
  const edit = live.edit(moved);
  play(live, 20, seen);

  it('records the edit at the moment it was made', () => {
    expect(edit).toEqual({ ok: true, atS: 10, dropped: 0 });
    expect(live.record.edits.map((e) => e.atS)).toEqual([10]);
    expect(seen).toHaveLength(20);
  });

  it('the edit changes what follows and nothing before (Berlin served from far away after 10 s)', () => {
    const untouched: MetricsWindow[] = [];
    const plainRun = createSimulation(base);
    plainRun.advanceTo(20);
    untouched.push(...plainRun.takeWindows());
    expect(plain(seen.slice(0, 10))).toEqual(plain(untouched.slice(0, 10)));
    const before = seen[5]?.users[BERLIN]?.readP50Ms ?? Number.NaN;
    const after = seen[15]?.users[BERLIN]?.readP50Ms ?? Number.NaN;
    // Berlin to eu-west (Ireland) is about 25 ms of round trip; Sydney to the nearest of the three regions
    // (ap-northeast, Tokyo: 7,800 km, at least 78 ms of fibre) is far more.
    expect(before).toBeLessThan(60);
    expect(after).toBeGreaterThan(78);
  });

  it('a replay shows exactly the numbers first seen, before the edit, after it and at the end', () => {
    for (const toS of [5, 15, 20]) {
      const replay = new RecordedRun(live.record);
      const windows: MetricsWindow[] = [];
      play(replay, toS, windows, 1); // other steps than the live run's: the clock's steps must not matter
      expect(windows).toHaveLength(toS);
      expect(plain(windows)).toEqual(plain(seen.slice(0, toS)));
      expect(replay.scenario).toBe(toS >= 10 ? moved : base);
    }
  });

  it('replaying the current scenario from 0 (what seeks did before) shows other numbers', () => {
    const naive = createSimulation(moved);
    naive.advanceTo(5);
    expect(plain(naive.takeWindows())).not.toEqual(plain(seen.slice(0, 5)));
  });

  it('the report of a replay equals the live one', () => {
    const replay = new RecordedRun(live.record);
    replay.advanceTo(20);
    expect(JSON.stringify(replay.simulation.report())).toBe(JSON.stringify(live.simulation.report()));
  });

  it('an edit made back in the past forks the run: later edits are dropped', () => {
    const back = new RecordedRun(live.record);
    back.advanceTo(5);
    const other = scenario({ ...base, users: base.users.map((u) => (u.id === 'tokyo' ? { ...u, qps: 600 } : u)) });
    const result = back.edit(other);
    expect(result).toEqual({ ok: true, atS: 5, dropped: 1 });
    expect(back.record.edits.map((e) => e.atS)).toEqual([5]);
    expect(scenarioAt(back.record, 30)).toBe(other);
    // The fork replays like any run.
    const windows: MetricsWindow[] = [];
    play(back, 12, windows);
    const again = new RecordedRun(back.record);
    const replayed: MetricsWindow[] = [];
    again.advanceTo(12);
    replayed.push(...again.simulation.takeWindows());
    expect(windows).toHaveLength(12);
    expect(plain(replayed)).toEqual(plain(windows));
  });

  it('an edit at 0, before anything ran, replays the same', () => {
    const first = new RecordedRun({ base, edits: [] });
    first.edit(moved);
    first.advanceTo(3);
    const again = new RecordedRun(first.record);
    again.advanceTo(3);
    expect(plain(again.simulation.takeWindows())).toEqual(plain(first.simulation.takeWindows()));
  });
});

describe('recordEdit', () => {
  it('keeps edits at the same instant in order, and refuses past MAX_EDITS', () => {
    let record: RunRecord = { base, edits: [] };
    record = recordEdit(record, 3, moved).record;
    record = recordEdit(record, 3, base).record;
    expect(record.edits.map((e) => [e.atS, e.scenario === moved])).toEqual([
      [3, true],
      [3, false],
    ]);
    expect(scenarioAt(record, 3)).toBe(base);
    expect(scenarioAt(record, 2.9)).toBe(base);
    const full: RunRecord = { base, edits: Array.from({ length: MAX_EDITS }, (_, i) => ({ atS: i, scenario: base })) };
    const refused = recordEdit(full, MAX_EDITS, moved);
    expect(refused.result.ok).toBe(false);
    expect(refused.record).toBe(full);
  });
});

describe('forgetFaults', () => {
  it('takes a past fault out of the first scenario and every edit, as if it never was; a replay then has no failure', () => {
    const down = { kind: 'region-down', atS: 5, region: 'eu-west' } as const;
    const withFault = scenario({ ...base, faults: [down] });
    const movedWithFault = scenario({ ...moved, faults: [down] });
    const record: RunRecord = { base: withFault, edits: [{ atS: 10, scenario: movedWithFault }] };
    expect(removedFaults(movedWithFault.faults, moved.faults)).toEqual([down]);
    const forgotten = forgetFaults(record, [down]);
    expect(forgotten.base.faults).toEqual([]);
    expect(forgotten.edits[0]?.scenario.faults).toEqual([]);
    expect(forgotten.edits[0]?.atS).toBe(10);
    const replay = new RecordedRun(forgotten);
    replay.advanceTo(20);
    expect(replay.simulation.report().failovers).toEqual([]);
    const original = new RecordedRun(record);
    original.advanceTo(20);
    expect(original.simulation.report().failovers).toHaveLength(1);
  });
});
