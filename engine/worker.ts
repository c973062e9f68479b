/**
 * The Web Worker shell: exposes the engine to the UI through comlink for control calls (load, play, pause,
 * speed, live edits) and streams metrics windows over a MessagePort as transferred Float64Arrays, several
 * times a second. All simulation logic lives in the engine; this file only paces it against wall-clock time.
 */
import { expose } from 'comlink';
import { createSimulation, type Simulation } from './simulation.ts';
import { parseScenario, formatIssues } from './scenario/parse.ts';
import { encodeWindows, type SnapshotMessage } from './snapshot.ts';
import type { Report } from './report.ts';

/** Real milliseconds between snapshots. */
const TICK_MS = 100;
/** At "as fast as possible", simulated seconds advanced per slice before yielding to messages. */
const MAX_SLICE_S = 30;

export type Speed = 1 | 10 | 60 | 'max';

export interface LoadResult {
  readonly ok: boolean;
  readonly errors: readonly string[];
}

let simulation: Simulation | undefined;
let port: MessagePort | undefined;
let playing = false;
let speed: Speed = 10;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastTickMs = 0;

/** Real milliseconds between reports attached to snapshots (they cost more than a window to build and clone). */
const REPORT_MS = 1000;
let lastReportMs = Number.NEGATIVE_INFINITY;

function publish(): void {
  if (!simulation || !port) return;
  const windows = simulation.takeWindows();
  const world = simulation.scenario;
  const data = encodeWindows(windows, world.users.length, world.regions.length);
  // The report rides along about once a second, and whenever the run stops (end, pause, step, load).
  const now = performance.now();
  const withReport = simulation.done || !playing || now - lastReportMs >= REPORT_MS;
  if (withReport) lastReportMs = now;
  const message: SnapshotMessage = {
    userIds: world.users.map((u) => u.id),
    regionIds: world.regions.map((r) => r.id),
    timeS: simulation.timeS,
    done: simulation.done,
    data,
    ...(withReport ? { report: simulation.report() } : {}),
  };
  port.postMessage(message, [data.buffer]);
}

function tick(): void {
  timer = undefined;
  if (!simulation || !playing) return;
  const now = performance.now();
  const elapsedS = (now - lastTickMs) / 1000;
  lastTickMs = now;
  const advanceS = speed === 'max' ? MAX_SLICE_S : elapsedS * speed;
  simulation.advanceTo(simulation.timeS + advanceS);
  if (simulation.done) playing = false;
  publish();
  if (playing) timer = setTimeout(tick, speed === 'max' ? 0 : TICK_MS);
}

function parse(input: unknown): { ok: true; scenario: ReturnType<typeof createSimulation>['scenario'] } | LoadResult {
  const parsed = parseScenario(input);
  return parsed.ok ? { ok: true, scenario: parsed.scenario } : { ok: false, errors: formatIssues(parsed.issues) };
}

const api = {
  /** Gives the worker the port it streams snapshots on. */
  connect(snapshotPort: MessagePort): void {
    port = snapshotPort;
  },
  /** Starts over with a new scenario at time 0, paused. */
  load(input: unknown): LoadResult {
    const parsed = parse(input);
    if (!('scenario' in parsed)) return parsed;
    api.pause();
    simulation = createSimulation(parsed.scenario);
    publish();
    return { ok: true, errors: [] };
  },
  /** Applies an edited scenario to the running simulation from its current time on. */
  update(input: unknown): LoadResult {
    const parsed = parse(input);
    if (!('scenario' in parsed)) return parsed;
    if (simulation) simulation.applyScenario(parsed.scenario);
    else simulation = createSimulation(parsed.scenario);
    return { ok: true, errors: [] };
  },
  play(): void {
    if (!simulation || simulation.done || playing) return;
    playing = true;
    lastTickMs = performance.now();
    timer = setTimeout(tick, 0);
  },
  pause(): void {
    playing = false;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  },
  setSpeed(next: Speed): void {
    speed = next;
  },
  /** The engine's report of the run so far (also attached to snapshots about once a second), or null before a load. */
  report(): Report | null {
    return simulation?.report() ?? null;
  },
  /** A liveness probe: answers at once unless the worker is stuck. */
  ping(): number {
    return simulation?.timeS ?? 0;
  },
};

export type EngineApi = typeof api;

expose(api);

