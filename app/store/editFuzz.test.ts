import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../engine/scenario/parse.ts';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { catalogRegions } from '../../engine/geo/catalog.ts';
import { createAppStore, type AppStore } from './index.ts';
import type { NodeRef } from './scenarioEdits.ts';

/** One thing a person might do in the editor; indices pick among what exists at that moment. */
type Op =
  | { op: 'add-catalog'; pick: number }
  | { op: 'add-custom'; lat: number; lon: number }
  | { op: 'add-users'; lat: number; lon: number }
  | { op: 'delete'; picks: number[] }
  | { op: 'duplicate'; picks: number[] }
  | { op: 'move'; pick: number; lat: number; lon: number }
  | { op: 'rename'; pick: number; name: string }
  | { op: 'fail'; pick: number; atS: number }
  | { op: 'semi-sync'; quorum: number }
  | { op: 'copy'; picks: number[] }
  | { op: 'cut'; picks: number[] }
  | { op: 'paste' }
  | { op: 'undo' }
  | { op: 'redo' };

const coord = { lat: fc.double({ min: -89, max: 89, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('add-catalog' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('add-custom' as const), ...coord }),
  fc.record({ op: fc.constant('add-users' as const), ...coord }),
  fc.record({ op: fc.constant('delete' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('duplicate' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }) }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), ...coord }),
  fc.record({ op: fc.constant('rename' as const), pick: fc.nat(), name: fc.constantFrom('a', 'us-east', 'eu-west', 'x.y', 'bad id', '') }),
  fc.record({ op: fc.constant('fail' as const), pick: fc.nat(), atS: fc.double({ min: 0, max: 700, noNaN: true }) }),
  fc.record({ op: fc.constant('semi-sync' as const), quorum: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('copy' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('cut' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
  fc.constant({ op: 'paste' as const }),
  fc.constant({ op: 'undo' as const }),
  fc.constant({ op: 'redo' as const }),
);

function nodes(store: AppStore): NodeRef[] {
  const s = store.getState().scenario;
  return [...s.regions.map((r) => ({ kind: 'region' as const, id: r.id })), ...s.users.map((u) => ({ kind: 'user' as const, id: u.id }))];
}

function apply(store: AppStore, op: Op): void {
  const state = store.getState();
  const all = nodes(store);
  const at = (i: number) => all[i % all.length] as NodeRef;
  switch (op.op) {
    case 'add-catalog':
      return state.regionAdded({ catalog: catalogRegions[op.pick % catalogRegions.length]! });
    case 'add-custom':
      return state.regionAdded({ lat: op.lat, lon: op.lon });
    case 'add-users':
      return state.userAdded({ lat: op.lat, lon: op.lon });
    case 'delete':
      return state.nodesDeleted(op.picks.map(at));
    case 'duplicate':
      return state.nodesDuplicated(op.picks.map(at));
    case 'move': {
      const ref = at(op.pick);
      return state.nodeMoved(ref.kind, ref.id, { lat: op.lat, lon: op.lon });
    }
    case 'rename':
      void state.nodeRenamed(at(op.pick), op.name);
      return;
    case 'fail': {
      const region = state.scenario.regions[op.pick % state.scenario.regions.length]!;
      return state.regionFailureToggled(region.id, op.atS);
    }
    case 'semi-sync':
      void state.scenarioEdited({ ...state.scenario, data: { ...state.scenario.data, replication: 'semi-sync', quorum: op.quorum } });
      return;
    case 'copy':
      return state.nodesCopied(op.picks.map(at));
    case 'cut':
      return state.nodesCut(op.picks.map(at));
    case 'paste':
      return state.clipboardPasted();
    case 'undo':
      return state.undoRequested();
    case 'redo':
      return state.redoRequested();
  }
}

describe('any sequence of edits', () => {
  it('keeps the stored scenario valid, and undoing every step then redoing as many lands where it was', () => {
    const parsed = parseScenario(defaultScenario);
    if (!parsed.ok) throw new Error('default scenario is invalid');
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => {
        const store = createAppStore(parsed.scenario);
        for (const op of ops) {
          apply(store, op);
          const now = parseScenario(store.getState().scenario);
          if (!now.ok) throw new Error(`invalid after ${JSON.stringify(op)}: ${JSON.stringify(now.issues)}`);
        }
        const final = store.getState().scenario;
        const steps = store.getState().past.length;
        for (let i = 0; i < steps; i++) store.getState().undoRequested();
        expect(store.getState().past).toHaveLength(0);
        // Back at the start of the history: the initial scenario unless more than 100 steps were taken.
        if (steps < 100) expect(store.getState().scenario).toBe(parsed.scenario);
        for (let i = 0; i < steps; i++) store.getState().redoRequested();
        expect(store.getState().scenario).toBe(final);
      }),
      { seed: 20261127, numRuns: 150 },
    );
  });
});
