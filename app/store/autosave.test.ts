import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse.ts';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { encodeScenarioHash } from '../../engine/scenario/url.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { AUTOSAVE_KEY, chooseStartScenario, readAutosave, startAutosave, writeAutosave, type AutosaveStorage } from './autosave.ts';
import { createAppStore } from './index.ts';
import { encodeWindows } from '../../engine/snapshot.ts';

function scenario(name: string): Scenario {
  const parsed = parseScenario({ ...defaultScenario, name });
  if (!parsed.ok) throw new Error('test scenario is invalid');
  return parsed.scenario;
}

function memoryStorage(initial: Record<string, string> = {}): AutosaveStorage & { data: Map<string, string>; writes: number } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    writes: 0,
    getItem(key) {
      return data.get(key) ?? null;
    },
    setItem(key, value) {
      this.writes++;
      data.set(key, value);
    },
  };
}

const fallback = () => scenario('default');

describe('reading the autosave', () => {
  it('gives back what was written', () => {
    const storage = memoryStorage();
    expect(writeAutosave(storage, scenario('mine'))).toBe(true);
    const read = readAutosave(storage);
    expect(read.kind).toBe('ok');
    if (read.kind === 'ok') expect(read.scenario.name).toBe('mine');
  });

  it('reports nothing saved, damaged JSON and invalid scenarios without throwing', () => {
    expect(readAutosave(memoryStorage()).kind).toBe('none');
    expect(readAutosave(undefined).kind).toBe('none');
    const damaged = readAutosave(memoryStorage({ [AUTOSAVE_KEY]: '{"version":1,' }));
    expect(damaged).toMatchObject({ kind: 'corrupt', problem: { text: expect.stringContaining('damaged') } });
    const invalid = readAutosave(memoryStorage({ [AUTOSAVE_KEY]: JSON.stringify({ ...defaultScenario, regions: [{ id: 'x', lat: 100, lon: 0 }] }) }));
    expect(invalid.kind).toBe('corrupt');
    if (invalid.kind === 'corrupt') expect(invalid.problem.details).toContain('regions[0].lat: must be between -90 and 90');
    const throwing: AutosaveStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readAutosave(throwing).kind).toBe('none');
    expect(writeAutosave(throwing, scenario('x'))).toBe(false);
  });
});

describe('the scenario a page starts with', () => {
  const saved = () => memoryStorage({ [AUTOSAVE_KEY]: JSON.stringify(scenario('autosaved')) });

  it('takes a valid link over the autosave', () => {
    const start = chooseStartScenario(`#${encodeScenarioHash(scenario('from link'))}`, saved(), fallback);
    expect(start.scenario.name).toBe('from link');
    expect(start.source).toBe('link');
    expect(start.problems).toEqual([]);
  });

  it('takes the autosave without a link, and the default without either', () => {
    expect(chooseStartScenario('', saved(), fallback).scenario.name).toBe('autosaved');
    expect(chooseStartScenario('', saved(), fallback).source).toBe('autosave');
    expect(chooseStartScenario('#', memoryStorage(), fallback).source).toBe('default');
    expect(chooseStartScenario('#', memoryStorage(), fallback).scenario.name).toBe('default');
  });

  it('falls back to the autosave on a bad link, says so, and does not touch the autosave', () => {
    const storage = saved();
    const before = storage.data.get(AUTOSAVE_KEY);
    const start = chooseStartScenario('#garbage', storage, fallback);
    expect(start.scenario.name).toBe('autosaved');
    expect(start.problems[0]?.text).toMatch(/Showing your autosaved scenario instead\.$/);
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(before);
    expect(storage.writes).toBe(0);
  });

  it('reports corrupt autosave data and starts from the default', () => {
    const start = chooseStartScenario('', memoryStorage({ [AUTOSAVE_KEY]: 'not json' }), fallback);
    expect(start.scenario.name).toBe('default');
    expect(start.problems).toHaveLength(1);
    expect(start.problems[0]?.text).toContain('autosaved scenario is damaged');
  });
});

describe('saving as the scenario changes', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('writes once, 300 ms after the last of several quick edits', () => {
    const storage = memoryStorage();
    const store = createAppStore(scenario('start'));
    const stop = startAutosave(store, storage);
    store.getState().nodeMoved('user', 'berlin', { lat: 1, lon: 1 });
    vi.advanceTimersByTime(200);
    store.getState().nodeMoved('user', 'berlin', { lat: 2, lon: 2 });
    vi.advanceTimersByTime(299);
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(storage.writes).toBe(1);
    const read = readAutosave(storage);
    expect(read.kind === 'ok' && read.scenario.users.find((u) => u.id === 'berlin')).toMatchObject({ lat: 2, lon: 2 });
    store.getState().speedChanged(60); // not a scenario change: nothing written
    vi.advanceTimersByTime(1000);
    expect(storage.writes).toBe(1);
    stop();
  });

  it('keeps the design as it was left when a replay shows an earlier moment\'s (the timeline scrubbed back)', () => {
    const storage = memoryStorage();
    const start = scenario('start');
    const store = createAppStore(start);
    const stop = startAutosave(store, storage);
    store.getState().nodeMoved('user', 'berlin', { lat: 1, lon: 1 });
    vi.advanceTimersByTime(1000);
    // The replay back before the edit shows the first design; the autosave must not go back with it.
    store.getState().snapshotReceived({
      userIds: start.users.map((u) => u.id),
      regionIds: start.regions.map((r) => r.id),
      timeS: 5,
      done: false,
      data: encodeWindows([], start.users.length, start.regions.length),
      scenario: structuredClone(start),
    });
    expect(store.getState().scenario.users.find((u) => u.id === 'berlin')).toMatchObject({ lat: 52.52 });
    stop(); // the page closed while scrubbed back
    const read = readAutosave(storage);
    expect(read.kind === 'ok' && read.scenario.users.find((u) => u.id === 'berlin')).toMatchObject({ lat: 1, lon: 1 });
  });

  it('saves the design a new run starts from (Reset while scrubbed back runs the design shown)', () => {
    const storage = memoryStorage();
    const start = scenario('start');
    const store = createAppStore(start);
    const stop = startAutosave(store, storage);
    store.getState().nodeMoved('user', 'berlin', { lat: 1, lon: 1 });
    vi.advanceTimersByTime(1000);
    store.getState().snapshotReceived({
      userIds: start.users.map((u) => u.id),
      regionIds: start.regions.map((r) => r.id),
      timeS: 5,
      done: false,
      data: encodeWindows([], start.users.length, start.regions.length),
      scenario: structuredClone(start),
    });
    // Reset: the engine client starts a new run from the design shown (engineClient.ts, load).
    store.getState().runRecorded({ base: store.getState().scenario, edits: [] });
    stop();
    const read = readAutosave(storage);
    expect(read.kind === 'ok' && read.scenario.users.find((u) => u.id === 'berlin')).toMatchObject({ lat: 52.52 });
  });

  it('does not save when a run merely starts (a page opened from a link must not overwrite the work saved before)', () => {
    const storage = memoryStorage();
    const saved = scenario('my work');
    writeAutosave(storage, saved);
    const linked = scenario('from a link');
    const store = createAppStore(linked);
    const stop = startAutosave(store, storage);
    // The engine client records the run it loads (its first scenario: the design shown, as it was left).
    store.getState().runRecorded({ base: store.getState().scenario, edits: [] });
    vi.advanceTimersByTime(1000);
    stop();
    const read = readAutosave(storage);
    expect(read.kind === 'ok' && read.scenario.name).toBe('my work');
  });

  it('flushes a pending save when stopped, and reports a refused write once', () => {
    const failures: number[] = [];
    const refusing: AutosaveStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = createAppStore(scenario('start'));
    const stop = startAutosave(store, refusing, 300, () => failures.push(1));
    store.getState().nodeMoved('user', 'berlin', { lat: 1, lon: 1 });
    vi.advanceTimersByTime(400);
    store.getState().nodeMoved('user', 'berlin', { lat: 2, lon: 2 });
    stop();
    expect(failures).toEqual([1]);
  });
});
