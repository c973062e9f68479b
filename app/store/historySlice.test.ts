import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse.ts';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { recordEdit, redo, undo, type History } from './historySlice.ts';
import { createAppStore } from './index.ts';

function scenario(name = 'base'): Scenario {
  const parsed = parseScenario({ ...defaultScenario, name });
  if (!parsed.ok) throw new Error('default scenario is invalid');
  return parsed.scenario;
}

const empty: History = { past: [], future: [] };

describe('history as pure functions', () => {
  it('undo goes back and redo forward, one step at a time', () => {
    const [a, b, c] = [scenario('a'), scenario('b'), scenario('c')];
    let h = recordEdit(empty, a); // a -> b
    h = recordEdit(h, b); // b -> c
    const back1 = undo(h, c);
    expect(back1?.scenario).toBe(b);
    const back2 = undo(back1!, b);
    expect(back2?.scenario).toBe(a);
    expect(undo(back2!, a)).toBeUndefined();
    const fwd = redo(back2!, a);
    expect(fwd?.scenario).toBe(b);
    expect(redo(fwd!, b)?.scenario).toBe(c);
  });

  it('a new edit forgets the undone future', () => {
    const [a, b, c] = [scenario('a'), scenario('b'), scenario('c')];
    const back = undo(recordEdit(empty, a), b)!;
    expect(back.future).toEqual([b]);
    const h = recordEdit(back, a); // a -> c
    expect(h.future).toEqual([]);
    expect(redo(h, c)).toBeUndefined();
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let h = empty;
    const all = Array.from({ length: 130 }, (_, i) => scenario(`s${i}`));
    for (const s of all) h = recordEdit(h, s);
    expect(h.past).toHaveLength(100);
    expect(h.past[0]).toBe(all[30]);
    expect(h.past.at(-1)).toBe(all[129]);
  });
});

describe('history in the store', () => {
  it('makes every edit undoable and redoable, and a refused edit leaves both scenario and history alone', () => {
    const store = createAppStore(scenario());
    const s0 = store.getState().scenario;
    store.getState().userAdded({ idHint: 'lagos', name: 'Lagos', lat: 6.45, lon: 3.39 });
    store.getState().nodeMoved('user', 'berlin', { lat: 40, lon: 0 });
    store.getState().regionFailureToggled('eu-west', 5);
    const s3 = store.getState().scenario;
    expect(store.getState().past).toHaveLength(3);
    expect(store.getState().selection).toEqual(['user:lagos']);

    // An invalid edit: refused with the schema's message, not recorded.
    const result = store.getState().scenarioEdited({ ...s3, regions: [{ ...s3.regions[0], lat: 123 }] });
    expect(result.ok).toBe(false);
    expect(store.getState().scenario).toBe(s3);
    expect(store.getState().past).toHaveLength(3);
    expect(store.getState().notices.at(-1)?.details.join('\n')).toContain('regions[0].lat: must be between -90 and 90');

    store.getState().undoRequested();
    store.getState().undoRequested();
    store.getState().undoRequested();
    expect(store.getState().scenario).toBe(s0);
    expect(store.getState().selection).toEqual([]); // Lagos is gone again, and so is its selection
    store.getState().undoRequested(); // nothing more: no change
    expect(store.getState().scenario).toBe(s0);
    store.getState().redoRequested();
    expect(store.getState().scenario.users.at(-1)?.id).toBe('lagos');
    store.getState().redoRequested();
    store.getState().redoRequested();
    expect(store.getState().scenario).toBe(s3);
  });

  it('deleting, undoing and redoing a region keeps the scenario valid at every step', () => {
    const store = createAppStore(scenario());
    store.getState().nodesDeleted([{ kind: 'region', id: 'us-east' }]);
    expect(store.getState().scenario.regions.map((r) => r.id)).toEqual(['eu-west', 'ap-northeast']);
    expect(store.getState().scenario.data.primary).toBe('eu-west');
    store.getState().undoRequested();
    expect(store.getState().scenario.regions.map((r) => r.id)).toEqual(['us-east', 'eu-west', 'ap-northeast']);
    expect(store.getState().scenario.data.primary).toBe('us-east');
    store.getState().redoRequested();
    expect(parseScenario(store.getState().scenario).ok).toBe(true);
    expect(store.getState().scenario.regions).toHaveLength(2);
  });

  it('a multi-node drag is one undo step', () => {
    const store = createAppStore(scenario());
    store.getState().nodesMoved([
      { kind: 'user', id: 'berlin', place: { lat: 1, lon: 1 } },
      { kind: 'region', id: 'eu-west', place: { lat: 2, lon: 2 } },
    ]);
    expect(store.getState().past).toHaveLength(1);
    store.getState().undoRequested();
    expect(store.getState().scenario.regions[1]?.catalog).toBe('aws:eu-west-1');
  });

  it('loading a whole scenario starts the history afresh', () => {
    const store = createAppStore(scenario());
    store.getState().nodeMoved('user', 'berlin', { lat: 40, lon: 0 });
    store.getState().scenarioLoaded(scenario('other'));
    expect(store.getState().past).toEqual([]);
    expect(store.getState().loadId).toBe(1);
  });
});

describe('edits that change nothing', () => {
  it('are not undo steps', () => {
    const store = createAppStore(scenario());
    const before = store.getState().scenario;
    store.getState().nodeMoved('user', 'berlin', { lat: 52.52, lon: 13.4 }); // where it already is
    store.getState().scenarioEdited({ ...before });
    expect(store.getState().past).toEqual([]);
    expect(store.getState().scenario).toBe(before);
  });
});

describe('renaming in the store', () => {
  it('keeps the renamed node selected, and refuses a taken id with the schema message', () => {
    const store = createAppStore(scenario());
    store.getState().selectionChanged(['region:us-east', 'user:berlin']);
    expect(store.getState().nodeRenamed({ kind: 'region', id: 'us-east' }, 'virginia').ok).toBe(true);
    expect(store.getState().selection).toEqual(['region:virginia', 'user:berlin']);
    expect(store.getState().scenario.data.primary).toBe('virginia');
    const refused = store.getState().nodeRenamed({ kind: 'user', id: 'berlin' }, 'tokyo');
    expect(refused.ok).toBe(false);
    expect(store.getState().scenario.users[1]?.id).toBe('berlin');
    store.getState().undoRequested();
    expect(store.getState().scenario.regions[0]?.id).toBe('us-east');
  });
});

describe('cut and paste in the store', () => {
  it('cut is one undoable deletion; paste brings the nodes back selected; a second paste makes copies', () => {
    const store = createAppStore(scenario());
    store.getState().nodesCut([{ kind: 'user', id: 'berlin' }]);
    expect(store.getState().scenario.users.map((u) => u.id)).not.toContain('berlin');
    store.getState().clipboardPasted();
    expect(store.getState().scenario.users.at(-1)).toMatchObject({ id: 'berlin', lat: 52.52 });
    expect(store.getState().selection).toEqual(['user:berlin']);
    store.getState().clipboardPasted();
    expect(store.getState().selection).toEqual(['user:berlin-copy']);
    expect(store.getState().past).toHaveLength(3);
    // Cutting every region is refused, and leaves the clipboard as it was.
    const regions = store.getState().scenario.regions.map((r) => ({ kind: 'region' as const, id: r.id }));
    store.getState().nodesCut(regions);
    expect(store.getState().scenario.regions).toHaveLength(3);
    expect(store.getState().clipboard?.users.map((u) => u.id)).toEqual(['berlin']);
  });
});
