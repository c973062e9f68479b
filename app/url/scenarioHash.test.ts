/**
 * The address bar follows the design, not what a replay shows: a run link stays while its replay passes its
 * edits, a run opened from a pasted link or a file keeps its edits on a reload, and scrubbing back does not put
 * an earlier moment's design in the link. (A stand-in window: the hash, replaceState and hashchange listeners.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { encodeScenarioHash } from '../../engine/scenario/url.ts';
import { decodeLink, encodeRunHash } from '../../engine/run/runLink.ts';
import type { RunRecord } from '../../engine/run/recordedRun.ts';
import { encodeWindows, type SnapshotMessage } from '../../engine/snapshot.ts';
import { createAppStore } from '../store/index.ts';
import { syncHashWithStore } from './scenarioHash.ts';

function scenario(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const base = scenario({ ...defaultScenario, durationS: 60 });
const moved = scenario({ ...base, users: base.users.map((u) => (u.id === 'berlin' ? { ...u, lat: -25, lon: 134 } : u)) });
const record: RunRecord = { base, edits: [{ atS: 10, scenario: moved }] };

/** A replay's snapshot at `timeS` carrying the scenario in effect there. */
function replayed(at: Scenario, timeS: number): SnapshotMessage {
  const data = encodeWindows([], at.users.length, at.regions.length);
  return { userIds: at.users.map((u) => u.id), regionIds: at.regions.map((r) => r.id), timeS, done: false, data, scenario: structuredClone(at) };
}

const listeners = new Map<string, () => void>();
const location = { hash: '', search: '' };

beforeEach(() => {
  vi.useFakeTimers();
  listeners.clear();
  location.hash = '';
  vi.stubGlobal('window', {
    location,
    history: { replaceState: (_: unknown, __: string, url: string) => void (location.hash = url) },
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
    removeEventListener: (type: string) => listeners.delete(type),
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the address bar and a run', () => {
  it('keeps a run link while the replay passes its edits', () => {
    location.hash = `#${encodeRunHash(record)}`;
    const opened = location.hash;
    const store = createAppStore(base);
    const stop = syncHashWithStore(store);
    store.getState().snapshotReceived(replayed(moved, 11)); // the replay passed the edit at 10 s
    vi.advanceTimersByTime(1000);
    expect(location.hash).toBe(opened);
    stop();
  });

  it('does not put an earlier moment\'s design in the link when the timeline is scrubbed back', () => {
    const store = createAppStore(base);
    const stop = syncHashWithStore(store);
    store.getState().nodeMoved('user', 'berlin', { lat: -25, lon: 134 });
    vi.advanceTimersByTime(1000);
    const edited = location.hash;
    expect(edited).toBe(`#${encodeScenarioHash(store.getState().scenario)}`);
    store.getState().snapshotReceived(replayed(base, 5)); // scrubbed back before the edit
    vi.advanceTimersByTime(1000);
    expect(location.hash).toBe(edited);
    stop();
  });

  it('a run link pasted into the address bar stays there, so a reload opens the run with its edits', () => {
    const store = createAppStore(base);
    const stop = syncHashWithStore(store);
    location.hash = `#${encodeRunHash(record)}`;
    listeners.get('hashchange')?.();
    expect(store.getState().pendingRun).toEqual(record);
    vi.advanceTimersByTime(1000);
    const reopened = decodeLink(location.hash);
    expect(reopened.ok && reopened.kind === 'run' ? reopened.record.edits.length : 'not a run link').toBe(1);
    stop();
  });

  it('a run opened from a file puts its run link in the address bar', () => {
    const store = createAppStore(base);
    const stop = syncHashWithStore(store);
    store.getState().runOpened(record);
    vi.advanceTimersByTime(1000);
    const reopened = decodeLink(location.hash);
    expect(reopened.ok && reopened.kind === 'run' ? reopened.record : 'not a run link').toEqual(record);
    stop();
  });

  it('follows a new run started from the design shown (Reset while scrubbed back)', () => {
    const store = createAppStore(base);
    const stop = syncHashWithStore(store);
    store.getState().nodeMoved('user', 'berlin', { lat: -25, lon: 134 });
    vi.advanceTimersByTime(1000);
    store.getState().snapshotReceived(replayed(base, 5));
    store.getState().runRecorded({ base: store.getState().scenario, edits: [] }); // Reset (engineClient.ts, load)
    vi.advanceTimersByTime(1000);
    expect(location.hash).toBe(`#${encodeScenarioHash(store.getState().scenario)}`);
    stop();
  });
});
