/**
 * The UI's side of the engine worker: comlink for control calls, a MessagePort for the stream of snapshots.
 * It follows the store: a loaded scenario restarts the run, an edit is applied live from the current time.
 */
import { wrap, transfer, type Remote } from 'comlink';
import type { EngineApi } from '../../engine/worker.ts';
import type { SnapshotMessage } from '../../engine/snapshot.ts';
import type { AppStore } from '../store/index.ts';

export interface EngineClient {
  play(): void;
  pause(): void;
  restart(): void;
  dispose(): void;
}

export function startEngine(store: AppStore): EngineClient {
  const worker = new Worker(new URL('../../engine/worker.ts', import.meta.url), { type: 'module', name: 'meridian-engine' });
  const api: Remote<EngineApi> = wrap<EngineApi>(worker);
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<SnapshotMessage>) => store.getState().snapshotReceived(event.data);
  worker.addEventListener('error', (event) => {
    store.getState().noticeShown('The simulation engine stopped with an error.', [event.message ?? 'unknown error']);
  });
  void api.connect(transfer(channel.port2, [channel.port2]));

  const load = async (): Promise<void> => {
    const state = store.getState();
    state.runStarted();
    const result = await api.load(state.scenario);
    if (!result.ok) {
      state.noticeShown('The engine refused the scenario.', result.errors);
      return;
    }
    await api.setSpeed(store.getState().speed);
    if (store.getState().playing) await api.play();
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.loadId !== previous.loadId) void load();
    else if (state.scenario !== previous.scenario) void api.update(state.scenario);
    if (state.speed !== previous.speed) void api.setSpeed(state.speed);
    if (state.playing !== previous.playing) void (state.playing ? api.play() : api.pause());
  });

  store.getState().playingChanged(true);
  void load();

  return {
    play: () => store.getState().playingChanged(true),
    pause: () => store.getState().playingChanged(false),
    restart: () => {
      store.getState().playingChanged(true);
      void load();
    },
    dispose: () => {
      unsubscribe();
      worker.terminate();
    },
  };
}
