/**
 * The engine client against a stand-in worker (comlink's wrap replaced by a recording API): which scenario
 * changes in the store reach the engine as live edits, around replays that put another moment's design on show.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { encodeWindows, type SnapshotMessage } from '../../engine/snapshot.ts';
import { createAppStore } from '../store/index.ts';

const fake = vi.hoisted(() => ({
  updates: [] as unknown[],
  timeS: 0,
  refusal: undefined as string | undefined,
  /** Updates never answered (the worker hangs on them). */
  hang: false,
  /** A drill is playing: the worker takes edits without recording them (no atS). */
  drill: false,
  /** What each load was given. */
  loads: [] as unknown[],
  /** The snapshot port the client gave the latest worker. */
  port: undefined as MessagePort | undefined,
}));
vi.mock('comlink', () => ({
  transfer: (value: unknown) => value,
  wrap: () => ({
    connect: async (port: MessagePort) => void (fake.port = port),
    load: async (input: unknown) => {
      fake.loads.push(input);
      return { ok: true, errors: [] };
    },
    setSpeed: async () => {},
    play: async () => {},
    pause: async () => {},
    seek: async () => true,
    ping: async () => 0,
    update: async (scenario: unknown) => {
      fake.updates.push(scenario);
      if (fake.hang) return new Promise(() => {});
      if (fake.refusal) return { ok: false, errors: [fake.refusal] };
      if (fake.drill) return { ok: true, errors: [] };
      return { ok: true, errors: [], atS: fake.timeS, dropped: 0 };
    },
  }),
}));
const { startEngine } = await import('./engineClient.ts');

function scenario(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const base = scenario({ ...defaultScenario, durationS: 60 });

/** A snapshot of a replay at `timeS` carrying the scenario in effect there (a copy, as structured clone makes). */
function replayed(at: Scenario, timeS: number): SnapshotMessage {
  return {
    userIds: at.users.map((u) => u.id),
    regionIds: at.regions.map((r) => r.id),
    timeS,
    done: false,
    data: encodeWindows([], at.users.length, at.regions.length),
    scenario: structuredClone(at),
  };
}

const workers: { listeners: Map<string, (event: unknown) => void> }[] = [];

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fake.updates = [];
  fake.timeS = 0;
  fake.refusal = undefined;
  fake.hang = false;
  fake.loads = [];
  fake.drill = false;
  workers.length = 0;
  vi.stubGlobal('window', { location: { search: '' } });
  vi.stubGlobal('document', { hidden: false });
  vi.stubGlobal(
    'Worker',
    class {
      readonly listeners = new Map<string, (event: unknown) => void>();
      constructor() {
        workers.push(this);
      }
      addEventListener(type: string, listener: (event: unknown) => void) {
        this.listeners.set(type, listener);
      }
      terminate() {}
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('the engine client and the design a replay shows', () => {
  it('sends an Undo back to the design a replay showed: the engine runs what the map shows', async () => {
    const store = createAppStore(base);
    const engine = startEngine(store, { playing: false, atS: 0 });
    await settle();
    // Berlin dragged at 10 s; then the timeline scrubbed back to 5 s, where the replay shows the first design.
    fake.timeS = 10;
    store.getState().nodeMoved('user', 'berlin', { lat: -25, lon: 134 });
    await settle();
    store.getState().snapshotReceived(replayed(base, 5));
    expect(store.getState().scenario.users.find((u) => u.id === 'berlin')?.lat).toBe(52.52);
    // An edit there (the run forks at 5 s), then Undo: back to the design the replay showed.
    fake.timeS = 5;
    store.getState().nodeMoved('user', 'tokyo', { lat: 0, lon: 0 });
    await settle();
    expect(fake.updates).toHaveLength(2);
    store.getState().undoRequested();
    await settle();
    expect(store.getState().scenario.users.find((u) => u.id === 'tokyo')?.lat).toBe(35.68);
    expect(fake.updates).toHaveLength(3);
    expect(fake.updates[2]).toBe(store.getState().scenario);
    engine.dispose();
  });

  it('does not send a replay\'s design back as an edit', async () => {
    const store = createAppStore(base);
    const engine = startEngine(store, { playing: false, atS: 0 });
    await settle();
    fake.timeS = 10;
    store.getState().nodeMoved('user', 'berlin', { lat: -25, lon: 134 });
    await settle();
    store.getState().snapshotReceived(replayed(base, 5));
    await settle();
    expect(fake.updates).toHaveLength(1);
    engine.dispose();
  });

  it('says so when the engine refuses a live edit (a run keeps at most 2,000)', async () => {
    const store = createAppStore(base);
    const engine = startEngine(store, { playing: false, atS: 0 });
    await settle();
    fake.refusal = 'A run keeps at most 2000 live edits; this one was not applied. Start a new run (Reset) to edit further.';
    store.getState().nodeMoved('user', 'berlin', { lat: -25, lon: 134 });
    await settle();
    expect(store.getState().notices.map((n) => n.text)).toContain(fake.refusal);
    expect(store.getState().runRecord.edits).toHaveLength(0);
    engine.dispose();
  });

  it('after a worker that died with an edit in flight is replaced, replays still show their design', async () => {
    const store = createAppStore(base);
    const engine = startEngine(store, { playing: false, atS: 0 });
    await settle();
    fake.hang = true; // the edit is never answered: the worker hangs on it and is replaced
    store.getState().nodeMoved('user', 'berlin', { lat: -25, lon: 134 });
    await settle();
    workers.at(-1)?.listeners.get('error')?.({ message: 'hung', preventDefault() {} });
    fake.hang = false;
    await settle();
    expect(workers).toHaveLength(2);
    // The new worker replays the run it was given (without the edit it never recorded) and says which design.
    fake.port?.postMessage(replayed(base, 5));
    await vi.waitFor(() => expect(store.getState().timeS).toBe(5));
    expect(store.getState().scenario.users.find((u) => u.id === 'berlin')?.lat).toBe(52.52);
    engine.dispose();
  });

  it('a worker that fails during a drill is restarted on the drill\'s design, not on the run from before the drill', async () => {
    const store = createAppStore(base);
    const engine = startEngine(store, { playing: false, atS: 0 });
    await settle();
    fake.timeS = 10;
    store.getState().nodeMoved('user', 'berlin', { lat: -25, lon: 134 }); // the free run has an edit at 10 s
    await settle();
    expect(store.getState().runRecord.edits).toHaveLength(1);
    // A drill starts: its world is shown (drillScenarioShown) and its snapshots carry no edit counts.
    const drillWorld = scenario({ ...base, name: 'drill world', users: base.users.slice(1) });
    fake.drill = true;
    store.getState().drillScenarioShown(drillWorld);
    await settle();
    fake.port?.postMessage({ ...replayed(drillWorld, 20), scenario: undefined });
    await vi.waitFor(() => expect(store.getState().timeS).toBe(20));
    workers.at(-1)?.listeners.get('error')?.({ message: 'boom', preventDefault() {} });
    await settle();
    expect(workers).toHaveLength(2);
    expect(fake.loads.at(-1)).toEqual(drillWorld);
    engine.dispose();
  });
});
