/**
 * A replay that shows another moment's design (the timeline scrubbed back before a live edit) and the undo
 * history: its steps were taken from the design as it was left, so they do not apply to the one now shown.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { encodeWindows, type SnapshotMessage } from '../../engine/snapshot.ts';
import { createAppStore } from './index.ts';

function scenario(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const base = scenario({ ...defaultScenario, durationS: 60 });

function replayed(at: Scenario, timeS: number): SnapshotMessage {
  const data = encodeWindows([], at.users.length, at.regions.length);
  return { userIds: at.users.map((u) => u.id), regionIds: at.regions.map((r) => r.id), timeS, done: false, data, scenario: structuredClone(at) };
}

const place = (s: Scenario, id: string) => {
  const user = s.users.find((u) => u.id === id);
  return user && { lat: user.lat, lon: user.lon };
};

describe('Undo after the timeline was scrubbed back before live edits', () => {
  it('does not bring in a later edit the design shown never had', () => {
    const store = createAppStore(base);
    store.getState().nodeMoved('user', 'berlin', { lat: -25, lon: 134 }); // at 10 s
    store.getState().nodeMoved('user', 'tokyo', { lat: 0, lon: 0 }); // at 20 s
    store.getState().snapshotReceived(replayed(base, 5)); // scrubbed back to 5 s: both edits are ahead
    expect(place(store.getState().scenario, 'berlin')).toEqual({ lat: 52.52, lon: 13.4 });
    store.getState().undoRequested();
    // Berlin must not jump to Australia: the design shown is the first one, and Undo has nothing of it to take back.
    expect(place(store.getState().scenario, 'berlin')).toEqual({ lat: 52.52, lon: 13.4 });
    expect(place(store.getState().scenario, 'tokyo')).toEqual({ lat: 35.68, lon: 139.69 });
  });

  it('an edit made there can be undone', () => {
    const store = createAppStore(base);
    store.getState().nodeMoved('user', 'berlin', { lat: -25, lon: 134 });
    store.getState().snapshotReceived(replayed(base, 5));
    const shown = store.getState().scenario;
    store.getState().nodeMoved('user', 'tokyo', { lat: 0, lon: 0 });
    store.getState().undoRequested();
    expect(store.getState().scenario).toBe(shown);
  });

  it('keeps only the selected nodes the design shown has', () => {
    const store = createAppStore(base);
    store.getState().userAdded({ name: 'Sydney', lat: -33.87, lon: 151.21 });
    const added = store.getState().selection;
    expect(added).toHaveLength(1);
    store.getState().snapshotReceived(replayed(base, 5)); // before the population was added
    expect(store.getState().selection).toEqual([]);
  });

  it('Undo works again once the timeline is back at the design as it was left', () => {
    const store = createAppStore(base);
    store.getState().nodeMoved('user', 'berlin', { lat: -25, lon: 134 });
    store.getState().nodeMoved('user', 'tokyo', { lat: 0, lon: 0 });
    const head = store.getState().scenario;
    store.getState().snapshotReceived(replayed(base, 5)); // back before both edits
    store.getState().snapshotReceived(replayed(head, 30)); // forward again: the design as it was left
    store.getState().undoRequested();
    expect(place(store.getState().scenario, 'tokyo')).toEqual({ lat: 35.68, lon: 139.69 });
    expect(place(store.getState().scenario, 'berlin')).toEqual({ lat: -25, lon: 134 });
  });

  it('an edit made while scrubbed back keeps its own history when the replay moves on', () => {
    const store = createAppStore(base);
    store.getState().nodeMoved('user', 'berlin', { lat: -25, lon: 134 });
    const head = store.getState().scenario;
    store.getState().snapshotReceived(replayed(base, 5));
    store.getState().nodeMoved('user', 'tokyo', { lat: 0, lon: 0 }); // the run forks at 5 s
    // A replay showing the old head's design (a late snapshot) must not bring back the history of a run that is gone.
    store.getState().snapshotReceived(replayed(head, 30));
    store.getState().undoRequested();
    expect(store.getState().scenario).not.toEqual(base);
  });
});
