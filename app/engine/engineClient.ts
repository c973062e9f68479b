/**
 * The UI's side of the engine worker: comlink for control calls, a MessagePort for the stream of snapshots.
 * It follows the store: a loaded scenario restarts the run, an edit is applied live from the current time.
 * A worker that throws or stops answering is replaced by a new one with the same scenario, at the same moment
 * (the engine is deterministic, so the replay is exact); the page says so.
 */
import { wrap, transfer, type Remote } from 'comlink';
import type { EngineApi } from '../../engine/worker.ts';
import type { SnapshotMessage } from '../../engine/index.ts';
import type { AppStore } from '../store/index.ts';
import { startWatchdog } from './watchdog.ts';
import { removesPastFault } from '../faults/faultList.ts';
import { recordEdit, forgetFaults, removedFaults, toRunDocument, type RunRecord } from '../../engine/index.ts';
import { formatClock } from '../controls/clock.ts';
import { designShownByReplay } from '../store/recordSlice.ts';

export interface EngineClient {
  play(): void;
  pause(): void;
  /** Back to 0 s and playing (the "Run again" of a finished run). */
  restart(): void;
  /** Back to 0 s, paused. */
  reset(): void;
  /** Pauses and advances exactly `deltaS` simulated seconds. */
  step(deltaS: number): void;
  /** Goes to `timeS` by deterministic replay from the seed; keeps playing if it was. */
  seek(timeS: number): void;
  /** Any other control call (drills): undefined if the worker failed, which also restarts it. */
  control<T>(run: (api: Remote<EngineApi>) => Promise<T>): Promise<T | undefined>;
  dispose(): void;
}

/** Restarts allowed within RESTART_WINDOW_MS before the client gives up (a scenario that crashes the engine). */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/** The restart times still inside the window, and whether one more restart is allowed. */
export function restartAllowed(restartsMs: readonly number[], nowMs: number): { allowed: boolean; recent: number[] } {
  const recent = restartsMs.filter((t) => nowMs - t < RESTART_WINDOW_MS);
  return { allowed: recent.length < MAX_RESTARTS, recent };
}

interface Connection {
  readonly worker: Worker;
  readonly api: Remote<EngineApi>;
  readonly channel: MessageChannel;
}

/** Debug hooks, on `window.__meridianDebug` only when the page's address has `?debug=1`. */
export interface MeridianDebug {
  /** Kills the worker without a word, as a hang or a crash would: the watchdog must notice and recover. */
  terminateWorker(): void;
  /** Fires the error event an uncaught exception in the worker fires (the worker itself is left as it is). */
  raiseWorkerError(message: string): void;
  /** How many times the worker was replaced. */
  restarts(): number;
}

/** How the first run starts: playing from 0 s, or paused (a link), at `atS` if it names a moment. */
export interface EngineStart {
  readonly playing: boolean;
  readonly atS: number;
}

export function startEngine(store: AppStore, start: EngineStart = { playing: true, atS: 0 }): EngineClient {
  let stopped = false;
  let restartsMs: number[] = [];
  let restartCount = 0;

  const connect = (): Connection => {
    const worker = new Worker(new URL('../../engine/worker.ts', import.meta.url), { type: 'module', name: 'meridian-engine' });
    const api: Remote<EngineApi> = wrap<EngineApi>(worker);
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<SnapshotMessage>) => {
      if (connection.worker !== worker) return;
      // While an edit is on its way, a snapshot's scenario is older than the one being edited: not shown.
      const message = updatesInFlight > 0 && event.data.scenario ? { ...event.data, scenario: undefined } : event.data;
      horizonS = Math.max(horizonS, message.timeS);
      drillShown = message.edits === undefined; // the worker counts edits for its recorded run, not a drill's

      store.getState().snapshotReceived(message);
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (connection.worker === worker) recover(`stopped with an error (${event.message || 'unknown error'})`);
    });
    worker.addEventListener('messageerror', () => {
      if (connection.worker === worker) recover('sent a message that could not be read');
    });
    void api.connect(transfer(channel.port2, [channel.port2]));
    return { worker, api, channel };
  };

  let connection = connect();

  /** Runs a control call; a call that fails means the worker is broken. */
  const call = <T>(run: (api: Remote<EngineApi>) => Promise<T>): Promise<T | undefined> => {
    const worker = connection.worker;
    return run(connection.api).catch((error: unknown) => {
      if (connection.worker === worker) recover(`failed (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    });
  };

  /** Edits sent to the worker and not yet answered. */
  let updatesInFlight = 0;
  /** The furthest moment the run has reached since it was loaded: an edit before it forks the run. */
  let horizonS = 0;
  /** The worker shows a drill (its run is not the recorded one the store mirrors). */
  let drillShown = false;

  /**
   * Loads the store's scenario into the worker (or the run a link or file opened, or, for a restart, the run so
   * far with its timed edits: `resume`); at `resumeAtS` > 0 it replays to that moment.
   */
  const load = async (resumeAtS = 0, resume = false): Promise<void> => {
    const state = store.getState();
    if (resumeAtS === 0) state.runStarted();
    if (!resume) horizonS = 0;
    let record: RunRecord;
    if (resume) record = state.runRecord;
    else if (state.pendingRun) {
      record = state.pendingRun;
      state.pendingRunTaken();
    } else record = { base: state.scenario, edits: [] };
    state.runRecorded(record);
    const input = record.edits.length > 0 ? toRunDocument(record) : record.base;
    const result = await call((api) => api.load(input));
    if (!result) return;
    if (!result.ok) {
      state.noticeShown('The engine refused the scenario.', result.errors);
      return;
    }
    await call((api) => api.setSpeed(store.getState().speed));
    if (resumeAtS > 0) await call((api) => api.seek(resumeAtS));
    if (store.getState().playing) await call((api) => api.play());
  };

  function recover(what: string): void {
    if (stopped) return;
    // Where the run was, or where a replay in progress was heading.
    const resumeAtS = store.getState().seekingToS ?? store.getState().timeS;
    connection.worker.terminate();
    connection.channel.port1.close();
    watchdog.reset();
    // A seek the dead worker never answered is dropped; the new worker replays to `resumeAtS` instead.
    seekInFlight = false;
    nextSeekS = undefined;
    store.getState().seekSettled();
    // Nor does it answer the edits it was sent: left counted, they would hide every later replay's design.
    updatesInFlight = 0;
    const { allowed, recent } = restartAllowed(restartsMs, Date.now());
    if (!allowed) {
      stopped = true;
      store.getState().playingChanged(false);
      store.getState().noticeShown(`The simulation engine ${what} again and was stopped. Reload the page to try again.`);
      return;
    }
    restartsMs = [...recent, Date.now()];
    restartCount++;
    store.getState().noticeShown(`The simulation engine ${what}. It was restarted with the same scenario at ${Math.floor(resumeAtS)} s.`);
    connection = connect();
    // A drill's run is not the record: the drill's design as it stands is replayed instead (its player goes on).
    void load(resumeAtS, !drillShown);
  }

  /** Control calls that may keep the worker busy for long on purpose (a drill replay, an export). */
  let longCalls = 0;
  const watchdog = startWatchdog({
    ping: () => connection.api.ping(),
    // Not while the tab is hidden: the browser throttles and freezes its timers, and silence there proves nothing.
    shouldWatch: () =>
      !stopped && !document.hidden && longCalls === 0 && (store.getState().playing || store.getState().seekingToS !== null),
    onStuck: () => recover('stopped answering'),
  });

  let seekInFlight = false;
  let nextSeekS: number | undefined;
  /** Seeks one at a time, the latest request winning: dragging the scrubber does not queue a replay per pixel. */
  const seek = async (timeS: number): Promise<void> => {
    nextSeekS = timeS;
    store.getState().seekRequested(timeS);
    if (seekInFlight) return;
    seekInFlight = true;
    while (nextSeekS !== undefined) {
      const target = nextSeekS;
      nextSeekS = undefined;
      await call((api) => api.seek(target));
    }
    seekInFlight = false;
    store.getState().seekSettled();
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (stopped) return;
    if (state.loadId !== previous.loadId) void load();
    else if (state.scenario !== previous.scenario && !designShownByReplay(state, previous)) {
      const scenario = state.scenario;
      // Taking back a fault that already happened cannot be done live: the run's history loses it, and it is
      // replayed to now from the seed without it.
      const retroactive = removesPastFault(previous.scenario.faults, scenario.faults, state.timeS);
      updatesInFlight++;
      const worker = connection.worker;
      void call((api) => api.update(scenario, retroactive))
        .then((result) => {
          // Refused (a run keeps at most MAX_EDITS): the map shows the edit, the run does not have it; say so.
          if (result && !result.ok) store.getState().noticeShown(result.errors[0] ?? 'The engine refused that edit.', result.errors.slice(1));
          if (!result?.ok || result.atS === undefined) return;
          // The mirror of the worker's record (what a restart and "share this run" replay).
          const now = store.getState();
          const history = retroactive ? forgetFaults(now.runRecord, removedFaults(previous.scenario.faults, scenario.faults)) : now.runRecord;
          now.runRecorded(recordEdit(history, result.atS, scenario).record);
          if (result.dropped || result.atS < horizonS - 0.5) {
            const dropped = !result.dropped ? '' : result.dropped === 1 ? ' The live edit made later was dropped.' : ` The ${result.dropped} live edits made later were dropped.`;
            now.noticeShown(`Edited at ${formatClock(result.atS)}, back in the run: the run forks here and goes on with this edit; what it showed after ${formatClock(result.atS)} is replaced.${dropped}`);
            horizonS = result.atS;
          }
        })
        // A worker replaced meanwhile never answers (recover counted its edits out).
        .finally(() => {
          if (connection.worker === worker) updatesInFlight--;
        });
      if (retroactive) void seek(state.timeS);
    }
    if (state.speed !== previous.speed) void call((api) => api.setSpeed(state.speed));
    if (state.playing !== previous.playing) void call((api) => (state.playing ? api.play() : api.pause()));
  });

  if (new URLSearchParams(window.location.search).get('debug') === '1') {
    const debug: MeridianDebug = {
      terminateWorker: () => connection.worker.terminate(),
      raiseWorkerError: (message) => connection.worker.dispatchEvent(new ErrorEvent('error', { message, cancelable: true })),
      restarts: () => restartCount,
    };
    (window as unknown as { __meridianDebug?: MeridianDebug }).__meridianDebug = debug;
  }

  store.getState().playingChanged(start.playing);
  void load(Math.max(0, Math.min(start.atS, store.getState().scenario.durationS)));

  return {
    play: () => store.getState().playingChanged(true),
    pause: () => store.getState().playingChanged(false),
    restart: () => {
      store.getState().playingChanged(true);
      void load();
    },
    reset: () => {
      store.getState().playingChanged(false);
      void load();
    },
    step: (deltaS) => {
      store.getState().playingChanged(false);
      void call((api) => api.step(deltaS));
    },
    seek: (timeS) => void seek(timeS),
    control: (run) => {
      longCalls++;
      return call(run).finally(() => longCalls--);
    },
    dispose: () => {
      stopped = true;
      unsubscribe();
      watchdog.stop();
      connection.worker.terminate();
    },
  };
}
